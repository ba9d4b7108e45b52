#include "ops_test_support.hpp"

#include "otc/ops/dso.hpp"

using namespace otc;

// D = 2026-10-31, N = 30: the window is 2026-10-02 .. 2026-10-31, its start (D-N) 2026-10-01.
//   A-1  2026-09-01  500.00 due 2026-10-01 (past due at D)
//   A-2  2026-10-11 1000.00 due 2026-11-10 (current at D)
// open AR 1,500.00; at the window start 500.00; current 1,000.00; credit sales 1,000.00.
// DSO = 1500 x 30 / 1000 = 45.00; best possible = 1000 x 30 / 1000 = 30.00; ADD = 15.00;
// CEI = (500 + 1000 - 1500) / (500 + 1000 - 1000) = 0.00;
// countback: October's 1,000.00 (31 days) then September's 500.00 (30 days) use up the AR: 61.00.
TEST_CASE("ops dso: the inputs from the ledger and the figures, hand-worked", "[ops][dso]") {
  test::Ledger l;
  l.import("invoices", "inv.csv",
           "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
           "A-1,C1,2026-09-01,2026-10-01,500.00,USD\n"
           "A-2,C2,2026-10-11,2026-11-10,1000.00,USD\n");
  auto rows = ops::dso_report(*l.store, {test::date(2026, 10, 31), 30, false});
  REQUIRE(rows.size() == 1);
  const auto& r = rows[0];
  CHECK(r.customer_id.empty());
  CHECK(r.currency.view() == "USD");
  CHECK(r.in.open_ar == 150000);
  CHECK(r.in.open_ar_start == 50000);
  CHECK(r.in.current_ar == 100000);
  CHECK(r.in.credit_sales == 100000);
  REQUIRE(r.in.months.size() == ops::kCountbackMonths);
  CHECK(r.in.months[0].days == 31);
  CHECK(r.in.months[0].sales_minor == 100000);
  CHECK(r.in.months[1].days == 30);
  CHECK(r.in.months[1].sales_minor == 50000);
  CHECK(r.result.dso_x100 == 4500);
  CHECK(r.result.best_possible_x100 == 3000);
  CHECK(r.result.add_x100 == 1500);
  CHECK(r.result.cei_x100 == 0);
  CHECK(r.result.countback_x100 == 6100);

  auto by_customer = ops::dso_report(*l.store, {test::date(2026, 10, 31), 30, true});
  REQUIRE(by_customer.size() == 2);
  CHECK(by_customer[0].customer_id == "C1");
  CHECK(by_customer[0].in.credit_sales == 0);
  CHECK_FALSE(by_customer[0].result.dso_x100);  // no credit sales in the window: undefined
  CHECK(by_customer[1].customer_id == "C2");
  CHECK(by_customer[1].result.dso_x100 == 3000);
}

TEST_CASE("engine dso: countback months for an as-of date", "[engine][dso]") {
  auto m = engine::countback_months(test::date(2026, 3, 15), 3);
  REQUIRE(m.size() == 3);
  CHECK(m[0].days == 15);
  CHECK(m[1].days == 28);
  CHECK(m[2].days == 31);
  CHECK(engine::countback_month_index(test::date(2026, 3, 15), test::date(2025, 12, 31)) == 3);
  CHECK(engine::countback_month_index(test::date(2026, 3, 15), test::date(2026, 4, 1)) == -1);
}
