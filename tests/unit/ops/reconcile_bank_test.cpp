#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/ops/reconcile_bank.hpp"
#include "otc/store/sqlite_store.hpp"
#include "reconcile_test_support.hpp"

using namespace otc;

namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }
const core::Currency kUsd = *core::find_currency("USD");

domain::BankTransaction credit(const char* date, std::int64_t minor, std::string ref, std::string payer = "") {
  domain::BankTransaction t;
  t.booking_date = t.value_date = day(date);
  t.amount_minor = minor;
  t.currency = kUsd;
  t.bank_reference = std::move(ref);
  t.payer_name = std::move(payer);
  t.source_file = "bank.csv";
  return t;
}

engine::GatewayTransaction gateway_row(engine::GatewayKind kind, const char* id, std::int64_t gross, std::int64_t fee,
                                       const char* payout) {
  engine::GatewayTransaction g;
  g.gateway = "stripe";
  g.id = id;
  g.kind = kind;
  g.payout_id = payout;
  g.created = g.available_on = day("2026-03-03");
  g.currency = kUsd;
  g.gross_minor = gross;
  g.fee_minor = fee;
  g.net_minor = gross - fee;
  return g;
}

/// Receipts P-1 (100.00, FT1, 2026-03-02) and P-2 (a Stripe charge ch_1, 2026-03-01).
std::unique_ptr<store::LedgerStore> ledger() {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  s->begin_write();
  auto batch = s->add_batch("payments", "p.csv", "abc", "test");
  auto cust = s->ensure_customer("C1", "Acme", batch, 2);
  auto put = [&](const char* id, const char* date, std::int64_t amount, const char* ref, long line) {
    domain::Payment p;
    p.external_id = id;
    p.currency = kUsd;
    p.received_date = day(date);
    p.amount_minor = amount;
    p.reference = ref;
    s->put_payment(p, cust, static_cast<std::uint64_t>(line), batch, line);
  };
  put("P-1", "2026-03-02", 10000, "FT1", 2);
  put("P-2", "2026-03-01", 5000, "ch_1", 3);
  s->commit();
  return s;
}

}  // namespace

TEST_CASE("reconcile bank: deposits against receipts, the range from the bank file", "[ops][reconcile]") {
  auto s = ledger();
  ops::ReconcileBankInput in;
  in.bank = {credit("2026-03-02", 10000, "FT1"), credit("2026-03-04", 7000, "FT9")};
  ops::ReconcileBankOptions o;
  o.files = {"-"};
  auto r = ops::reconcile_bank(*s, {"otc reconcile bank -"}, o, in);
  CHECK(r.from == day("2026-03-02"));
  CHECK(r.to == day("2026-03-04"));
  CHECK(r.matched == 1);
  CHECK(r.matched_by_reference == 1);
  // P-2 (03-01) is before the range: a counterpart only, never a break.
  REQUIRE(r.breaks.size() == 1);
  CHECK(r.breaks[0].type == engine::BreakType::kUnmatchedDeposit);
  CHECK(r.breaks[0].difference_minor == 7000);
  CHECK(r.exceptions);
  CHECK(r.summary ==
        "2 deposits, 1 ledger receipts in range; 1 matched (1 by reference, 0 by amount and date); 1 break (unmatched_deposit 1)");
  auto log = test::audit_of(*s);
  REQUIRE(log.size() == 1);
  CHECK(log[0].entry.entity == "bank");
  CHECK(log[0].entry.entity_id == "2026-03-02..2026-03-04");
  CHECK(log[0].entry.file_name == "-");
  CHECK(log[0].entry.sha256.empty());
}

TEST_CASE("reconcile bank: a Stripe payout explains its deposit and its charge's receipt", "[ops][reconcile]") {
  auto s = ledger();
  ops::ReconcileBankInput in;
  in.bank = {credit("2026-03-02", 10000, "FT1"), credit("2026-03-04", 4800, "", "STRIPE TRANSFER")};
  in.gateway = {gateway_row(engine::GatewayKind::kCharge, "ch_1", 5000, 200, "po_1"),
                gateway_row(engine::GatewayKind::kPayout, "po_1", -4800, 0, "po_1")};
  in.gateways = {"stripe"};
  ops::ReconcileBankOptions o;
  o.from = day("2026-03-01");
  o.to = day("2026-03-31");
  auto r = ops::reconcile_bank(*s, {"otc reconcile bank"}, o, in);
  REQUIRE(r.payouts.payouts.size() == 1);
  CHECK(r.payouts.payouts[0].ties());
  CHECK(r.payouts.payouts[0].deposit == std::size_t{1});
  CHECK(r.gateway_receipts == 1);
  CHECK(r.deposits_in_range == 2);
  CHECK(r.matched == 1);
  REQUIRE(r.breaks.size() == 1);
  CHECK(r.breaks[0].type == engine::BreakType::kFee);
  CHECK_FALSE(r.exceptions);
  CHECK(r.summary ==
        "2 deposits, 1 ledger receipts in range; 1 matched (1 by reference, 0 by amount and date); 1 payouts, 1 tie to a "
        "deposit, 1 ledger receipt is a charge in the export; 0 breaks");
}

TEST_CASE("reconcile bank: no range and no transactions is an input error and writes nothing", "[ops][reconcile]") {
  auto s = ledger();
  ops::ReconcileBankOptions o;
  o.files = {"empty.bai2"};
  try {
    ops::reconcile_bank(*s, {"otc reconcile bank"}, o, {});
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kInput);
    CHECK(std::string(e.what()) == "the bank files hold no transactions; give --from and --to");
    CHECK(e.where().file == "empty.bai2");
  }
  CHECK(test::audit_of(*s).empty());
}
