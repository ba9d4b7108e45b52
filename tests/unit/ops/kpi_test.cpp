#include "ops_test_support.hpp"

#include "otc/ops/aging.hpp"
#include "otc/ops/dso.hpp"
#include "otc/ops/kpi.hpp"

using namespace otc;

namespace {

// Hand-worked (docs/metrics.md, "KPIs: worked example"), USD, as of 2026-10-31, two months:
//   K-1 C1 2026-09-01 due 2026-10-01 1,000.00   paid 200.00 on 09-21 (20 days), 600.00 on 10-11 (40 days)
//   K-2 C1 2026-10-10 due 2026-11-09   500.00
//   K-3 C2 2026-10-15 due 2026-11-14   300.00   paid 300.00 on 10-25 (10 days)
// September: opening 0, billed 1,000.00, collected 200.00 -> rate 200 / (0 + 1000) = 20.00 %;
//   days to pay 20.00; open AR at 09-30 800.00, all current (K-1 is due 10-01) -> 0.00 % past due.
// October: opening 800.00, billed 800.00, collected 900.00 -> rate 900 / 1600 = 56.25 %;
//   days to pay (600 x 40 + 300 x 10) / 900 = 30.00, trend +10.00;
//   open AR 700.00 (K-1 200.00 past due, K-2 500.00 current) -> 200 / 700 = 28.57 % past due;
//   DSO (N = 90, sales 08-03..10-31 = 1,800.00) = 700 / 1800 x 90 = 35.00.
void load(test::Ledger& l) {
  l.import("invoices", "inv.csv",
           "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
           "K-1,C1,2026-09-01,2026-10-01,1000.00,USD\n"
           "K-2,C1,2026-10-10,2026-11-09,500.00,USD\n"
           "K-3,C2,2026-10-15,2026-11-14,300.00,USD\n");
  l.import("payments", "pay.csv",
           "payment_id,customer_id,payment_date,amount,currency,invoice_id\n"
           "P3,C1,2026-09-21,200.00,USD,K-1\n"
           "P1,C1,2026-10-11,600.00,USD,K-1\n"
           "P2,C2,2026-10-25,300.00,USD,K-3\n");
}

}  // namespace

TEST_CASE("ops kpi: collection rate and average days to pay, hand-worked", "[ops][kpi]") {
  test::Ledger l;
  load(l);
  auto rows = ops::kpi_report(*l.store, {test::date(2026, 10, 31), 2, 90, false});
  REQUIRE(rows.size() == 2);
  const auto& sep = rows[0];
  const auto& oct = rows[1];
  CHECK(sep.month == "2026-09");
  CHECK(sep.in.as_of == test::date(2026, 9, 30));
  CHECK(sep.in.opening_ar == 0);
  CHECK(sep.in.billed == 100000);
  CHECK(sep.in.collected == 20000);
  CHECK(sep.result.collection_rate_x100 == 2000);
  CHECK(sep.result.avg_days_to_pay_x100 == 2000);
  CHECK(sep.result.past_due_x100 == 0);
  CHECK_FALSE(sep.result.avg_days_to_pay_trend_x100);  // no month before in the report

  CHECK(oct.month == "2026-10");
  CHECK(oct.in.as_of == test::date(2026, 10, 31));
  CHECK(oct.in.opening_ar == 80000);
  CHECK(oct.in.billed == 80000);
  CHECK(oct.in.collected == 90000);
  CHECK(oct.result.collection_rate_x100 == 5625);
  CHECK(oct.result.avg_days_to_pay_x100 == 3000);
  CHECK(oct.result.avg_days_to_pay_trend_x100 == 1000);
  CHECK(oct.in.dso.open_ar == 70000);
  CHECK(oct.result.past_due_ar == 20000);
  CHECK(oct.result.past_due_x100 == 2857);
  CHECK(oct.result.dso.dso_x100 == 3500);
}

TEST_CASE("ops kpi: a month's figures equal dso and aging as of its last day", "[ops][kpi]") {
  test::Ledger l;
  load(l);
  for (bool by_customer : {false, true}) {
    auto rows = ops::kpi_report(*l.store, {test::date(2026, 10, 20), 3, 30, by_customer});
    REQUIRE_FALSE(rows.empty());
    for (const auto& r : rows) {
      auto dso = ops::dso_report(*l.store, {r.in.as_of, 30, by_customer});
      const engine::DsoRow* match = nullptr;
      for (const auto& d : dso)
        if (d.customer_id == r.customer_id && d.currency.view() == r.currency.view()) match = &d;
      if (!match) {
        CHECK(r.in.dso.open_ar == 0);
        continue;
      }
      CHECK(r.in.dso.open_ar == match->in.open_ar);
      CHECK(r.in.dso.current_ar == match->in.current_ar);
      CHECK(r.in.dso.credit_sales == match->in.credit_sales);
      CHECK(r.result.dso.dso_x100 == match->result.dso_x100);
      CHECK(r.result.dso.countback_x100 == match->result.countback_x100);
      CHECK(r.result.dso.cei_x100 == match->result.cei_x100);
      CHECK(r.result.dso.best_possible_x100 == match->result.best_possible_x100);
      // and open AR equals aging's open total for the same day
      auto aging = ops::aging_report(*l.store, {engine::AgingBuckets{}, r.in.as_of, false});
      std::int64_t open = 0;
      for (const auto& a : aging.rows())
        if ((!by_customer || a.customer_external_id == r.customer_id) && a.currency == r.currency.view()) open += a.open_total;
      CHECK(open == r.in.dso.open_ar);
    }
  }
}

TEST_CASE("engine kpi: months of a report and undefined figures", "[engine][kpi]") {
  auto m = engine::kpi_months(test::date(2026, 3, 15), 3);
  REQUIRE(m.size() == 3);
  CHECK(m[0].name == "2026-01");
  CHECK(m[0].as_of == test::date(2026, 1, 31));
  CHECK(m[1].as_of == test::date(2026, 2, 28));
  CHECK(m[2].first == test::date(2026, 3, 1));
  CHECK(m[2].as_of == test::date(2026, 3, 15));
  engine::KpiInput in;
  auto r = engine::compute_kpi(in);
  CHECK_FALSE(r.collection_rate_x100);
  CHECK_FALSE(r.past_due_x100);
  CHECK_FALSE(r.avg_days_to_pay_x100);
  // A reversed application cancels its days: +500 at 30 days, -500 at 30 days, +100 at 10 days -> 10.00.
  engine::add_days_to_pay(in, 50000, test::date(2026, 1, 1), test::date(2026, 1, 31));
  engine::add_days_to_pay(in, -50000, test::date(2026, 1, 1), test::date(2026, 1, 31));
  engine::add_days_to_pay(in, 10000, test::date(2026, 1, 1), test::date(2026, 1, 11));
  CHECK(engine::compute_kpi(in).avg_days_to_pay_x100 == 1000);
  // A payment received before the invoice counts from the invoice date: 0 days.
  engine::KpiInput pre;
  engine::add_days_to_pay(pre, 10000, test::date(2026, 1, 10), test::date(2026, 1, 1));
  CHECK(engine::compute_kpi(pre).avg_days_to_pay_x100 == 0);
}
