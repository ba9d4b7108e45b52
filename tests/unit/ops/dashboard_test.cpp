#include "ops_test_support.hpp"

#include "otc/ops/dashboard.hpp"
#include "otc/ops/fx.hpp"

using namespace otc;

namespace {
const report::Figure& figure(const report::DashboardPanel& p, const std::string& key) {
  for (const auto& f : p.figures)
    if (f.key == key) return f;
  FAIL("no figure " << key);
  return p.figures.front();
}
}  // namespace

TEST_CASE("ops dashboard: month-ends end with the as-of date", "[ops][dashboard]") {
  auto ends = ops::dashboard_month_ends(test::date(2026, 10, 15), 3);
  REQUIRE(ends.size() == 3);
  CHECK(ends[0] == test::date(2026, 8, 31));
  CHECK(ends[1] == test::date(2026, 9, 30));
  CHECK(ends[2] == test::date(2026, 10, 15));
}

TEST_CASE("ops dashboard: figures per currency, from the reports' own use cases", "[ops][dashboard]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);
  ops::DashboardOptions o;
  o.as_of = test::date(2026, 10, 31);
  o.months = 2;
  auto d = ops::dashboard(*l.store, o);
  CHECK(d.prior == test::date(2026, 9, 30));
  CHECK(d.functional == "USD");
  REQUIRE(d.panels.size() == 2);
  const auto& usd = d.panels[0];  // the functional currency first
  CHECK(usd.currency == "USD");
  CHECK(d.panels[1].currency == "EUR");
  // 10-31: INV-1 600.00 + INV-2 500.00 + INV-4 300.00, all past due; 09-30: 600 + 500 (current) + 1,200
  CHECK(figure(usd, "total_ar").value == 140000);
  CHECK(figure(usd, "total_ar").prior == 230000);
  CHECK(figure(usd, "past_due_pct").value == 10000);  // 100.00%
  CHECK(figure(usd, "past_due_pct").prior == 7826);   // 1,800 / 2,300 = 78.26%
  CHECK(figure(usd, "unapplied_cash").value == 7500);  // P4
  CHECK(figure(usd, "unapplied_cash").prior == 0);
  CHECK(figure(usd, "disputed").value == 0);  // no dispute recorded
  CHECK(usd.months == std::vector<std::string>{"2026-09", "2026-10"});
  CHECK(usd.billed == std::vector<std::int64_t>{50000, 0});
  CHECK(usd.collected == std::vector<std::int64_t>{40000, 90000});
  REQUIRE(usd.top_past_due.size() == 2);
  CHECK(usd.top_past_due[0].label == "C1 Acme Corp");
  CHECK(usd.top_past_due[0].past_due == 110000);
  CHECK(usd.top_past_due[1].past_due == 30000);
  // aging by month: current bucket then 1-30 ... at each month-end
  CHECK(usd.aging[0] == std::vector<std::int64_t>{50000, 0});
  CHECK(figure(d.panels[1], "total_ar").value == 25050);
  CHECK(figure(d.panels[1], "unapplied_cash").value == 5000);  // P2
  // the oldest unapplied cash table
  REQUIRE(d.tables.front().key == "oldest_unapplied");
  REQUIRE(d.tables.front().rows.size() == 2);
  CHECK(d.tables.front().rows[0][0] == "P2");
}

TEST_CASE("ops dashboard --in: converted at the as-of rate, currencies summed", "[ops][dashboard][fx]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);
  ops::DashboardOptions o;
  o.as_of = test::date(2026, 10, 31);
  o.months = 2;
  o.in = "USD";
  CHECK_THROWS_WITH(ops::dashboard(*l.store, o), Catch::Contains("no fx rate for EUR on or before 2026-10-31"));
  ops::fx_import(*l.store, l.dir.file("rates.csv", "date,currency,rate\n2026-10-01,EUR,1.10\n"), "rates.csv", "sha-r",
                 ops::Invocation{"otc test"});
  auto d = ops::dashboard(*l.store, o);
  REQUIRE(d.panels.size() == 1);
  const auto& p = d.panels[0];
  CHECK(p.currency == "USD");
  CHECK(p.rates == std::vector<std::string>{"EUR\xE2\x86\x92USD 1.100000 (2026-10-01)"});
  CHECK(figure(p, "total_ar").value == 140000 + 27555);  // 250.50 EUR x 1.10
  CHECK(figure(p, "unapplied_cash").value == 7500 + 5500);
}
