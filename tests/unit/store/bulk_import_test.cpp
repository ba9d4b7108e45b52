#include <catch2/catch.hpp>

#include <string>

#include "otc/store/sqlite_store.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
const core::Currency kUsd = *core::find_currency("USD");

domain::Invoice invoice(const std::string& id, std::int64_t total) {
  domain::Invoice inv;
  inv.external_id = id;
  inv.currency = kUsd;
  inv.invoice_date = d(2026, 3, 1);
  inv.due_date = d(2026, 3, 31);
  inv.total_minor = total;
  return inv;
}

domain::Payment payment(const std::string& id, std::int64_t amount) {
  domain::Payment p;
  p.external_id = id;
  p.currency = kUsd;
  p.received_date = d(2026, 3, 5);
  p.amount_minor = amount;
  return p;
}

store::ApplicationDraft draft(std::int64_t inv, std::int64_t pay, std::int64_t amount, core::Date on) {
  store::ApplicationDraft a;
  a.invoice_id = inv;
  a.payment_id = pay;
  a.amount_minor = amount;
  a.applied_on = on;
  return a;
}
}  // namespace

TEST_CASE("Bulk import: reads in the load see the held-back writes; the commit writes them all", "[store][bulk]") {
  auto l = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  l->begin_write();
  auto batch = l->add_batch("invoices", "i.csv", "", "otc test");
  auto cust = l->ensure_customer("C1", "Acme", batch, 1);
  auto i1 = l->put_invoice(invoice("I1", 10000), cust, 1, batch, 2).id;
  auto i2 = l->put_invoice(invoice("I2", 5000), cust, 2, batch, 3).id;
  l->commit();

  // Told it is a large file: the whole bulk path (foreign keys off, indexes dropped, payments buffered).
  l->begin_bulk_import("payments", 1000000);
  l->begin_write();
  auto pb = l->add_batch("payments", "p.csv", "", "otc test");
  auto p1 = l->put_payment(payment("P1", 6000), cust, 11, pb, 2);
  CHECK(p1.outcome == store::PutOutcome::kInserted);
  l->apply(draft(i1, p1.id, 6000, d(2026, 3, 5)));
  auto p2 = l->put_payment(payment("P2", 7000), cust, 12, pb, 3);
  l->apply(draft(i1, p2.id, 4000, d(2026, 3, 9)));  // I1 paid in full by two payments
  CHECK(l->find_invoice("I1")->open_minor == 0);
  CHECK(l->find_payment("P2")->unapplied_minor == 3000);
  // The same payment again (a split row): found, unchanged, and its application visible.
  auto again = l->put_payment(payment("P2", 7000), cust, 12, pb, 4);
  CHECK(again.outcome == store::PutOutcome::kUnchanged);
  CHECK(again.id == p2.id);
  CHECK(l->has_application(p2.id, i1));
  l->apply(draft(i2, p2.id, 3000, d(2026, 3, 10)));
  CHECK(l->find_payment("P2")->unapplied_minor == 0);
  CHECK(l->find_invoice("I2")->open_minor == 2000);
  // Same id, other content: a conflict naming the stored row.
  auto other = l->put_payment(payment("P1", 6100), cust, 99, pb, 5);
  CHECK(other.outcome == store::PutOutcome::kConflict);
  l->end_bulk_import();
  l->commit();

  l->begin_read();
  std::int64_t open = 0;
  int items = 0;
  l->for_each_open_item(d(2026, 12, 31), [&](const domain::OpenItem& it) {
    open += it.open_minor;
    ++items;
  });
  CHECK(items == 1);
  CHECK(open == 2000);
  CHECK(l->latest_fact_date() == d(2026, 3, 10));
  auto apps = l->applications_of_payment(p2.id);
  REQUIRE(apps.size() == 2);
  CHECK(apps[0].invoice_external_id == "I1");
  CHECK(apps[1].invoice_external_id == "I2");
  l->commit();
}

TEST_CASE("Bulk import: a rollback leaves nothing of the load, its indexes as they were", "[store][bulk]") {
  auto l = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  l->begin_write();
  auto batch = l->add_batch("invoices", "i.csv", "", "otc test");
  auto cust = l->ensure_customer("C1", "Acme", batch, 1);
  auto i1 = l->put_invoice(invoice("I1", 10000), cust, 1, batch, 2).id;
  l->commit();
  l->begin_bulk_import("payments", 1000000);
  l->begin_write();
  auto pb = l->add_batch("payments", "p.csv", "", "otc test");
  auto p1 = l->put_payment(payment("P1", 6000), cust, 11, pb, 2);
  l->apply(draft(i1, p1.id, 6000, d(2026, 3, 5)));
  l->rollback();
  l->begin_read();
  CHECK(l->find_invoice("I1")->open_minor == 10000);
  CHECK_FALSE(l->find_payment("P1"));
  int items = 0;
  l->for_each_open_item(d(2026, 12, 31), [&](const domain::OpenItem&) { ++items; });  // reads INDEXED BY invoices_open
  CHECK(items == 1);
  l->commit();
}
