#include <catch2/catch.hpp>

#include "ops_test_support.hpp"
#include "otc/ops/rollforward.hpp"

using namespace otc;

namespace {

std::vector<engine::LedgerRollForward> rollforward(test::Ledger& l, const char* period) {
  store::ReadTransaction tx(*l.store);
  auto rows = ops::ledger_rollforward(*l.store, *core::parse_period(period));
  tx.end();
  return rows;
}

}  // namespace

// Worked by hand from the shared fixture: USD invoices INV-1 1,000.00 (Aug 1), INV-2 500.00 (Sep 15),
// INV-4 1,200.00 (Jun 1); EUR INV-3 250.50 (Oct 1). P1 400.00 applied to INV-1 on Sep 10, P3 900.00 to
// INV-4 on Oct 5; P2 (EUR 50.00) and P4 (USD 75.00) stay unapplied and never count as collected.
TEST_CASE("ops rollforward: opening + invoiced - collected = closing, per currency, hand-worked", "[ops][rollforward]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);

  auto sep = rollforward(l, "2026-09");
  REQUIRE(sep.size() == 1);
  CHECK(sep[0].currency.view() == "USD");
  CHECK(sep[0].opening == 220000);   // INV-1 + INV-4 open at Aug 31
  CHECK(sep[0].invoiced == 50000);   // INV-2
  CHECK(sep[0].collected == 40000);  // P1
  CHECK(sep[0].credited == 0);
  CHECK(sep[0].written_off == 0);
  REQUIRE(sep[0].closing);
  CHECK(*sep[0].closing == 230000);
  CHECK(sep[0].computed_closing() == 230000);

  auto oct = rollforward(l, "2026-10");
  REQUIRE(oct.size() == 2);
  CHECK(oct[0].currency.view() == "EUR");
  CHECK(oct[0].opening == 0);
  CHECK(oct[0].invoiced == 25050);
  CHECK(oct[0].collected == 0);       // P2 is unapplied cash: reported beside AR, never netted
  CHECK(*oct[0].closing == 25050);
  CHECK(oct[1].currency.view() == "USD");
  CHECK(oct[1].opening == 230000);
  CHECK(oct[1].invoiced == 0);
  CHECK(oct[1].collected == 90000);   // P3
  CHECK(*oct[1].closing == 140000);
  CHECK(oct[1].computed_closing() == *oct[1].closing);
}
