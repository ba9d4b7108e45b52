#include "ops_test_support.hpp"

#include "otc/ops/credit.hpp"

using namespace otc;

namespace {

const ops::Invocation kInv{"otc test"};

// docs/credit.md, "Worked example". Customer K1, USD, limit 1,000.00 from the customers file:
//   K-1 2026-09-01 due 10-01 1,000.00, 400.00 paid on 10-05 (payment KP-1 of 450.00: 50.00 unapplied)
//   K-2 2026-10-10 due 11-09   500.00
// As of 2026-10-31: open AR 600.00 + 500.00 = 1,100.00, unapplied 50.00, no unbilled charges:
// exposure 1,050.00 > limit 1,000.00 -> on hold (over limit by 50.00); K-1's 600.00 is 30 days
// past due (no policy: past due alone holds no one).
void load(test::Ledger& l) {
  l.import("customers", "cust.csv",
           "customer_id,name,currency,terms,credit_limit\n"
           "K1,Kredit Ltd,USD,30,1000.00\n"
           "K2,Small Co,USD,30,\n");
  l.import("invoices", "inv.csv",
           "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
           "K-1,K1,2026-09-01,2026-10-01,1000.00,USD\n"
           "K-2,K1,2026-10-10,2026-11-09,500.00,USD\n"
           "K-9,K2,2026-10-01,2026-10-31,100.00,USD\n");
  l.import("payments", "pay.csv",
           "payment_id,customer_id,payment_date,amount,currency,invoice_id,applied_amount\n"
           "KP-1,K1,2026-10-05,450.00,USD,K-1,400.00\n");
}

const engine::CreditLine& line_of(const std::vector<engine::CreditLine>& lines, const std::string& c) {
  for (const auto& l : lines)
    if (l.customer_id == c) return l;
  FAIL("no line for " << c);
  return lines.front();
}

}  // namespace

TEST_CASE("ops credit: a hold from exceeding the limit, and its release", "[ops][credit]") {
  test::Ledger l;
  load(l);
  const auto d = test::date(2026, 10, 31);
  auto lines = ops::credit_check(*l.store, {d});
  const auto& k1 = line_of(lines, "K1");
  CHECK(k1.limit == 100000);
  CHECK(k1.limit_source == "import");
  CHECK(k1.open_ar == 110000);
  CHECK(k1.unapplied == 5000);
  CHECK(k1.exposure == 105000);
  CHECK(k1.available == -5000);
  CHECK(k1.utilisation_x100 == 10500);
  CHECK(k1.past_due == 60000);
  CHECK(k1.max_days_past_due == 30);
  CHECK(k1.over_limit);
  CHECK(k1.on_hold);
  REQUIRE(k1.reasons.size() == 1);
  CHECK(k1.reasons[0] == "over limit: exposure 1050.00 USD > limit 1000.00 USD");
  const auto& k2 = line_of(lines, "K2");
  CHECK_FALSE(k2.limit);
  CHECK_FALSE(k2.on_hold);

  SECTION("released by paying: 100.00 more brings exposure to 950.00") {
    l.import("payments", "pay2.csv",
             "payment_id,customer_id,payment_date,amount,currency,invoice_id\n"
             "KP-2,K1,2026-10-30,100.00,USD,K-1\n");
    auto after = line_of(ops::credit_check(*l.store, {d}), "K1");
    CHECK(after.exposure == 95000);
    CHECK(after.available == 5000);
    CHECK_FALSE(after.on_hold);
    CHECK(after.reasons.empty());
  }
  SECTION("released by hand through a day: the reason stays, the hold does not") {
    auto r = ops::credit_release(*l.store, kInv, "K1", "CFO exception", d, test::date(2026, 11, 15));
    CHECK(r.changed);
    auto after = line_of(ops::credit_check(*l.store, {d}), "K1");
    CHECK(after.over_limit);
    CHECK_FALSE(after.on_hold);
    CHECK(after.overridden);
    CHECK(after.reasons.at(0) == "released through 2026-11-15 (CFO exception): over limit: exposure 1050.00 USD > limit 1000.00 USD");
    CHECK_FALSE(ops::credit_release(*l.store, kInv, "K1", "CFO exception", d, test::date(2026, 11, 15)).changed);
    // After the day the override ends, the automatic hold is back.
    CHECK(line_of(ops::credit_check(*l.store, {test::date(2026, 11, 16)}), "K1").on_hold);
  }
  SECTION("a higher limit set by hand lifts it; the same limit again changes nothing") {
    ops::CreditSetOptions o{"K1", "2,000.00", std::nullopt, test::date(2026, 12, 31), d};
    CHECK(ops::credit_set(*l.store, kInv, o).changed);
    CHECK_FALSE(ops::credit_set(*l.store, kInv, o).changed);
    auto after = line_of(ops::credit_check(*l.store, {d}), "K1");
    CHECK(after.limit == 200000);
    CHECK(after.limit_source == "set");
    CHECK_FALSE(after.on_hold);
    CHECK_FALSE(after.review_due);
    auto due = ops::credit_check(*l.store, {test::date(2026, 12, 31), std::nullopt, true});
    REQUIRE(due.size() == 1);
    CHECK(due[0].review_due);
  }
}

TEST_CASE("ops credit: manual holds, past-due holds, point in time", "[ops][credit]") {
  test::Ledger l;
  load(l);
  const auto d = test::date(2026, 10, 31);
  auto r = ops::credit_hold(*l.store, kInv, "K2", "cheque returned", test::date(2026, 10, 20));
  CHECK(r.changed);
  CHECK_FALSE(ops::credit_hold(*l.store, kInv, "K2", "cheque returned", test::date(2026, 10, 20)).changed);
  CHECK(line_of(ops::credit_check(*l.store, {d}), "K2").on_hold);
  CHECK(line_of(ops::credit_check(*l.store, {d}), "K2").reasons.at(0) == "manual hold since 2026-10-20: cheque returned");
  CHECK_FALSE(line_of(ops::credit_check(*l.store, {test::date(2026, 10, 19)}), "K2").on_hold);  // before the hold
  auto held = [&] {
    store::ReadTransaction tx(*l.store);
    auto h = ops::held_customers(*l.store, d, {});
    tx.end();
    return h;
  }();
  CHECK(held.count("K1") == 1);
  CHECK(held.count("K2") == 1);
  ops::credit_release(*l.store, kInv, "K2", "paid", test::date(2026, 10, 25), std::nullopt);
  CHECK_FALSE(line_of(ops::credit_check(*l.store, {d}), "K2").on_hold);
  // A stricter policy: K-1 is 30 days past due, beyond 20.
  ops::CreditCheckOptions strict{d};
  strict.policy.hold_days_past_due = 20;
  strict.customer = "K1";
  auto k1 = ops::credit_check(*l.store, strict);
  REQUIRE(k1.size() == 1);
  CHECK(k1[0].past_due_hold);
  CHECK(k1[0].reasons.at(1) == "past due 30 days (600.00 USD), policy holds beyond 20");
  CHECK_THROWS_AS(ops::credit_hold(*l.store, kInv, "NOPE", "x", d), core::Error);
  CHECK_THROWS_AS(ops::credit_hold(*l.store, kInv, "K1", "", d), core::Error);
}

// docs/credit.md, "Risk score: worked example", K1 as of 2026-10-31:
//   past due 600.00 of 1,100.00 = 54.55 % (5455 bp) -> 5455 x 30 / 100 = 1636 -> 16.36 points
//   days to pay: 400.00 applied 10-05 to K-1 of 09-01 = 34 days; nothing in the 90 days before -> 0
//   utilisation 1,050.00 / 1,000.00 = 105.00 % -> capped at 15.00 points
//   total 31.36 -> score 31
TEST_CASE("ops credit: a risk score computed by hand", "[ops][credit]") {
  test::Ledger l;
  load(l);
  auto scores = ops::credit_risk(*l.store, {test::date(2026, 10, 31)});
  REQUIRE(scores.size() == 2);
  const auto& k1 = scores[0];
  CHECK(k1.in.customer_id == "K1");
  CHECK(k1.in.past_due_share_bp == 5455);
  CHECK(k1.in.recent_days_to_pay_x100 == 3400);
  CHECK_FALSE(k1.in.prior_days_to_pay_x100);
  CHECK(k1.in.utilisation_bp == 10500);
  CHECK(k1.score == 31);
  CHECK(engine::top_reasons(k1) == "54.55% of AR past due (+16.36); 105.00% of the limit used (+15.00)");
  CHECK(scores[1].in.customer_id == "K2");
  CHECK(scores[1].score == 0);  // K-9 is due that day: current
  CHECK(ops::credit_risk(*l.store, {test::date(2026, 10, 31), 1}).size() == 1);
}
