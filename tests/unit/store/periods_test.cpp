#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
}  // namespace

TEST_CASE("Periods: a locked period refuses postings dated in it", "[store][periods]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::PeriodsStore& periods = *ledger;
  store::WriteTransaction tx(*ledger);
  CHECK_FALSE(periods.period_locked("2026-03"));
  periods.ensure_period_open(d(2026, 3, 15), "invoice date");  // nothing locked: no throw
  periods.set_period_lock("2026-03", true);
  CHECK(periods.period_locked("2026-03"));
  CHECK_FALSE(periods.period_locked("2026-04"));
  periods.ensure_period_open(d(2026, 4, 1), "invoice date");
  try {
    periods.ensure_period_open(d(2026, 3, 31), "payment date");
    FAIL("a posting in a closed period was accepted");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kPeriodClosed);
    CHECK(std::string(e.what()) == "the payment date 2026-03-31 falls in a closed period (2026-03)");
    CHECK(e.hint() == "reopen it with `otc reopen --period 2026-03 --reason ...`");
  }

  // Every writer asks: an invoice dated in the period is refused too.
  domain::Invoice inv;
  inv.external_id = "I1";
  inv.currency = *core::find_currency("USD");
  inv.invoice_date = d(2026, 3, 10);
  inv.due_date = d(2026, 4, 9);
  inv.total_minor = 100;
  auto batch = ledger->add_batch("invoices", "i.csv", "", "otc test");
  auto cust = ledger->ensure_customer("C1", "Acme", batch, 1);
  CHECK_THROWS_AS(ledger->put_invoice(inv, cust, 1, batch, 2), core::Error);

  periods.set_period_lock("2026-03", false);
  CHECK_FALSE(periods.period_locked("2026-03"));
  CHECK(ledger->put_invoice(inv, cust, 1, batch, 2).outcome == store::PutOutcome::kInserted);
}
