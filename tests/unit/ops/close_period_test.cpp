#include "ops_test_support.hpp"

#include "otc/ops/close_period.hpp"

using namespace otc;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool locked(store::LedgerStore& s, const char* period) {
  store::ReadTransaction tx(s);
  bool l = s.period_locked(period);
  tx.end();
  return l;
}

}  // namespace

TEST_CASE("ops close: roll-forward and aging at period end, then the period is locked", "[ops][close]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);
  const auto sep = *core::parse_period("2026-09");
  auto r = ops::close_period(*l.store, ops::Invocation{"otc close"}, {sep, l.dir.path.string()});
  CHECK_FALSE(r.already_closed);
  // USD: opening 2,200.00 (INV-1 1,000 + INV-4 1,200) + invoiced 500.00 (INV-2) - collected 400.00 (P1) = 2,300.00.
  REQUIRE(r.rollforward.size() == 1);
  const auto& usd = r.rollforward[0];
  CHECK(usd.currency.view() == "USD");
  CHECK(usd.opening == 220000);
  CHECK(usd.invoiced == 50000);
  CHECK(usd.collected == 40000);
  CHECK(usd.closing == 230000);
  CHECK(usd.computed_closing() == 230000);
  CHECK(r.rollforward_path == l.dir / "rollforward_2026-09.csv");
  CHECK(r.aging_path == l.dir / "aging_2026-09-30.csv");
  CHECK(read_all(r.rollforward_path) ==
        "period,currency,opening_ar,invoiced,collected,credited,written_off,fx,closing_ar,closing_by_formula,difference\n"
        "2026-09,USD,2200.00,500.00,400.00,0.00,0.00,0.00,2300.00,2300.00,0.00\n");
  CHECK(read_all(r.aging_path) ==
        "as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit\n"
        "2026-09-30,C1,Acme Corp,USD,500.00,600.00,0.00,0.00,0.00,0.00,1100.00,0.00\n"
        "2026-09-30,C2,\"Beta, Inc.\",USD,0.00,0.00,0.00,0.00,1200.00,0.00,1200.00,0.00\n"
        "2026-09-30,TOTAL,,USD,500.00,600.00,0.00,0.00,1200.00,0.00,2300.00,0.00\n");
  CHECK_FALSE(std::filesystem::exists(r.aging_path + ".otc-tmp"));
  CHECK(locked(*l.store, "2026-09"));

  // Closing again does nothing; a posting dated in the period is refused.
  CHECK(ops::close_period(*l.store, ops::Invocation{"otc close"}, {sep, l.dir.path.string()}).already_closed);
  CHECK_THROWS_AS(l.import("invoices", "late.csv",
                           "invoice_id,customer_id,invoice_date,due_date,amount,currency\nINV-9,C1,2026-09-30,2026-10-30,20.00,USD\n"),
                  core::Error);

  CHECK(ops::reopen_period(*l.store, ops::Invocation{"otc reopen"}, sep, "late invoice") == std::vector<std::string>{"2026-09"});
  CHECK_FALSE(locked(*l.store, "2026-09"));
  CHECK(ops::reopen_period(*l.store, ops::Invocation{"otc reopen"}, sep, "again").empty());
}

TEST_CASE("ops close: when the reports cannot be written the period stays open", "[ops][close]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  const auto sep = *core::parse_period("2026-09");
  CHECK_THROWS_AS(ops::close_period(*l.store, ops::Invocation{"otc close"}, {sep, l.dir / "missing"}), core::Error);
  CHECK_FALSE(locked(*l.store, "2026-09"));
  CHECK_FALSE(std::filesystem::exists(l.dir / "rollforward_2026-09.csv"));
}
