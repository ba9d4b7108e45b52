#include <catch2/catch.hpp>

#include "otc/store/sqlite_store.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
domain::Invoice invoice(const char* id, core::Date date, std::int64_t total) {
  domain::Invoice i;
  i.external_id = id;
  i.customer_external_id = "C1";
  i.currency = *core::find_currency("USD");
  i.invoice_date = date;
  i.due_date = date.add_days(30);
  i.total_minor = total;
  return i;
}
std::int64_t open_at(store::LedgerStore& s, core::Date as_of) {
  std::int64_t sum = 0;
  s.for_each_open_item(as_of, [&](const domain::OpenItem& i) { sum += i.open_minor; });
  return sum;
}
}  // namespace

TEST_CASE("Store: balances kept current, and point in time from posting dates", "[store]") {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  s->begin_write();
  auto batch = s->add_batch("invoices", "t.csv", "abc", "test");
  auto cust = s->ensure_customer("C1", "Acme", batch, 2);
  auto inv = s->put_invoice(invoice("I1", d(2026, 1, 10), 10000), cust, 1, batch, 2);
  CHECK(inv.outcome == store::PutOutcome::kInserted);
  CHECK(s->put_invoice(invoice("I1", d(2026, 1, 10), 10000), cust, 1, batch, 3).outcome == store::PutOutcome::kUnchanged);
  auto conflict = s->put_invoice(invoice("I1", d(2026, 1, 10), 99), cust, 2, batch, 4);
  CHECK(conflict.outcome == store::PutOutcome::kConflict);
  CHECK(conflict.existing_file == "t.csv");
  CHECK(conflict.existing_line == 2);

  domain::Payment p;
  p.external_id = "P1";
  p.currency = *core::find_currency("USD");
  p.received_date = d(2026, 2, 15);
  p.amount_minor = 12000;
  auto pay = s->put_payment(p, cust, 7, batch, 5);
  store::ApplicationDraft a;
  a.invoice_id = inv.id;
  a.payment_id = pay.id;
  a.amount_minor = 10000;
  a.applied_on = d(2026, 2, 15);
  s->apply(a);
  s->commit();

  CHECK(open_at(*s, d(2026, 1, 9)) == 0);       // before the invoice
  CHECK(open_at(*s, d(2026, 2, 14)) == 10000);  // before the payment
  CHECK(open_at(*s, d(2026, 2, 15)) == 0);      // paid
  std::int64_t unapplied = 0;
  s->for_each_unapplied(d(2026, 2, 15), [&](const domain::UnappliedCredit& u) { unapplied += u.amount_minor; });
  CHECK(unapplied == 2000);
  unapplied = 0;
  s->for_each_unapplied(d(2026, 2, 14), [&](const domain::UnappliedCredit& u) { unapplied += u.amount_minor; });
  CHECK(unapplied == 0);
  CHECK(s->latest_fact_date() == d(2026, 2, 15));
}
