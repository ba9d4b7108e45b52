#include "ops_test_support.hpp"

#include <sstream>

#include "otc/ops/aging.hpp"
#include "otc/ops/cash_corrections.hpp"
#include "otc/ops/statement.hpp"

using namespace otc;

namespace {

// docs/statements.md, "Worked example". Customer S1, USD:
//   S-1 2026-09-01 due 10-01 1,000.00   SP-1 300.00 on 09-25 (returned NSF on 10-15), SP-2 700.00 on 10-10
//   S-2 2026-09-20 due 10-20   600.00   SP-2 150.00 on 10-10
//   S-3 2026-10-05 due 11-04   400.00
//   SP-2 is one 900.00 payment split over S-1 and S-2: 50.00 is left on account.
// As of 10-31: S-1 300.00 (30 days past due, 1-30), S-2 450.00 (11 days, 1-30), S-3 400.00 current;
//   open AR 1,150.00, unapplied 50.00, balance due 1,100.00.
// Activity since 10-01: opening (09-30) 700.00 + 600.00 = 1,300.00; + 400.00 (S-3) = 1,700.00;
//   − 900.00 (SP-2) = 800.00; + 300.00 (SP-1 returned, S-1 reopened) = 1,100.00 = closing.
void load(test::Ledger& l) {
  l.import("customers", "cust.csv",
           "customer_id,name,currency,terms,credit_limit,email\n"
           "S1,Statement Co,USD,30,2000.00,ar@statement.example\n");
  l.import("invoices", "inv.csv",
           "invoice_id,customer_id,invoice_date,due_date,amount,currency,po_number\n"
           "S-1,S1,2026-09-01,2026-10-01,1000.00,USD,PO-9\n"
           "S-2,S1,2026-09-20,2026-10-20,600.00,USD,\n"
           "S-3,S1,2026-10-05,2026-11-04,400.00,USD,\n");
  l.import("payments", "pay.csv",
           "payment_id,customer_id,payment_date,amount,currency,invoice_id,applied_amount,method\n"
           "SP-1,S1,2026-09-25,300.00,USD,S-1,,check\n"
           "SP-2,S1,2026-10-10,900.00,USD,S-1,700.00,ach\n"
           "SP-2,S1,2026-10-10,900.00,USD,S-2,150.00,ach\n");
  ops::reverse_returned_payment(*l.store, ops::Invocation{"otc test"}, "SP-1", test::date(2026, 10, 15), "NSF");
}

/// aging's open_total − unapplied_credit per (customer, currency) as of d.
std::map<std::pair<std::string, std::string>, std::int64_t> aging_balances(test::Ledger& l, core::Date d) {
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  auto acc = ops::aging_report(*l.store, {engine::AgingBuckets{}, d, false});
  for (const auto& r : acc.rows()) out[{r.customer_external_id, r.currency}] += r.open_total - r.unapplied_credit;
  return out;
}

std::vector<engine::Statement> run(test::Ledger& l, core::Date as_of, std::optional<core::Date> since) {
  std::vector<engine::Statement> out;
  ops::StatementOptions o;
  o.all = true;
  o.as_of = as_of;
  o.since = since;
  ops::statements(*l.store, o, [&](const engine::Statement& s) { out.push_back(s); });
  return out;
}

}  // namespace

TEST_CASE("ops statement: open-item statement, hand-worked, equals aging", "[ops][statement]") {
  test::Ledger l;
  load(l);
  auto sts = run(l, test::date(2026, 10, 31), std::nullopt);
  REQUIRE(sts.size() == 1);
  const auto& st = sts[0];
  REQUIRE(st.currencies.size() == 1);
  const auto& cs = st.currencies[0];
  REQUIRE(cs.items.size() == 3);
  CHECK(cs.items[0].invoice == "S-1");  // by due date
  CHECK(cs.items[0].open_minor == 30000);
  CHECK(cs.items[0].days_past_due == 30);
  CHECK(cs.items[1].invoice == "S-2");
  CHECK(cs.items[1].open_minor == 45000);
  CHECK(cs.items[1].days_past_due == 11);
  CHECK(cs.items[2].invoice == "S-3");
  CHECK(cs.items[2].days_past_due == -4);
  REQUIRE(cs.credits.size() == 1);
  CHECK(cs.credits[0].payment == "SP-2");
  CHECK(cs.credits[0].unapplied_minor == 5000);
  CHECK(cs.open_ar == 115000);
  CHECK(cs.unapplied == 5000);
  CHECK(cs.closing_balance == 110000);
  REQUIRE(cs.aging.size() == 6);
  CHECK(cs.aging[0] == 40000);  // current
  CHECK(cs.aging[1] == 75000);  // 1-30
  CHECK(aging_balances(l, test::date(2026, 10, 31))[{"S1", "USD"}] == cs.closing_balance);
}

TEST_CASE("ops statement: activity statement, hand-worked, closes at aging's balance", "[ops][statement]") {
  test::Ledger l;
  load(l);
  auto sts = run(l, test::date(2026, 10, 31), test::date(2026, 10, 1));
  REQUIRE(sts.size() == 1);
  const auto& cs = sts[0].currencies.at(0);
  CHECK(cs.opening_balance == 130000);
  REQUIRE(cs.lines.size() == 3);
  CHECK(cs.lines[0].kind == "invoice");
  CHECK(cs.lines[0].reference == "S-3");
  CHECK(cs.lines[0].amount_minor == 40000);
  CHECK(cs.lines[0].balance_minor == 170000);
  CHECK(cs.lines[1].kind == "payment");
  CHECK(cs.lines[1].reference == "SP-2");
  CHECK(cs.lines[1].amount_minor == -90000);
  CHECK(cs.lines[1].balance_minor == 80000);
  CHECK(cs.lines[2].kind == "reversal");
  CHECK(cs.lines[2].amount_minor == 30000);
  CHECK(cs.closing_balance == 110000);
  CHECK(aging_balances(l, test::date(2026, 10, 31))[{"S1", "USD"}] == 110000);
  CHECK(aging_balances(l, test::date(2026, 9, 30))[{"S1", "USD"}] == 130000);
}

TEST_CASE("ops statement: every day's activity statement ties to aging", "[ops][statement]") {
  test::Ledger l;
  load(l);
  for (int day = 0; day < 70; day += 3) {
    const core::Date d = test::date(2026, 8, 31).add_days(day);
    auto ag = aging_balances(l, d);
    for (const auto& st : run(l, d, test::date(2026, 9, 1)))
      for (const auto& cs : st.currencies) {
        INFO(d.iso());
        CHECK(cs.closing_balance == ag[{st.customer.external_id, std::string(cs.currency.view())}]);
      }
  }
}

TEST_CASE("ops statement: receipt for a split payment", "[ops][statement]") {
  test::Ledger l;
  load(l);
  auto r = ops::receipt(*l.store, "SP-2", test::date(2026, 10, 31));
  CHECK(r.payment.amount_minor == 90000);
  CHECK(r.payment.method == "ach");
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].invoice == "S-1");
  CHECK(r.lines[0].applied_minor == 70000);
  CHECK(r.lines[1].invoice == "S-2");
  CHECK(r.lines[1].applied_minor == 15000);
  CHECK(r.applied_minor == 85000);
  CHECK(r.on_account_minor == 5000);
  CHECK_FALSE(r.reversed);
  auto returned = ops::receipt(*l.store, "SP-1", test::date(2026, 10, 31));
  CHECK(returned.reversed);
  CHECK(returned.lines.empty());  // applied 300.00, reversed 300.00: nothing left paid
  CHECK(returned.on_account_minor == 0);
  CHECK_THROWS_AS(ops::receipt(*l.store, "NOPE", test::date(2026, 10, 31)), core::Error);

  std::ostringstream html;
  report::write_receipt_html(html, r, {"Seller & Co", "1 Road", "IBAN: X"});
  CHECK(html.str().find("Seller &amp; Co") != std::string::npos);
  CHECK(html.str().find("<script") == std::string::npos);
}

TEST_CASE("ops statement: unknown customer is an error naming it", "[ops][statement]") {
  test::Ledger l;
  load(l);
  ops::StatementOptions o;
  o.customers = {"S1", "ZZ"};
  o.as_of = test::date(2026, 10, 31);
  int n = 0;
  try {
    ops::statements(*l.store, o, [&](const engine::Statement&) { ++n; });
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()) == "customer 'ZZ' is not in the ledger");
  }
  CHECK(n == 0);
}

TEST_CASE("report statement: HTML escapes and CSV neutralises", "[report][statement]") {
  test::Ledger l;
  load(l);
  auto st = run(l, test::date(2026, 10, 31), std::nullopt).at(0);
  st.customer.name = "<b>=Evil</b>";
  std::ostringstream html, csv;
  report::write_statement_html(html, st, {"Seller", "1 Road; Town", "Bank: First"}, {"Thank you", ""});
  report::write_statement_csv(csv, st);
  CHECK(html.str().find("&lt;b&gt;=Evil&lt;/b&gt;") != std::string::npos);
  CHECK(html.str().find("@page") != std::string::npos);
  CHECK(html.str().find("1,150.00") == std::string::npos);  // plain decimals
  CHECK(html.str().find("1150.00") != std::string::npos);
  CHECK(csv.str().find("balance_due") != std::string::npos);
  CHECK(csv.str().find(",1100.00,") != std::string::npos);
}
