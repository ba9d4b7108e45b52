// The PostgreSQL bulk invoice load (src/store/pg/bulk.cpp): runs only with OTC_TEST_PG_URI.
#include <catch2/catch.hpp>

#include <string>

#include "otc/core/error.hpp"
#include "otc/store/open_store.hpp"
#include "otc/store/transaction.hpp"
#include "pg_test_support.hpp"

using namespace otc;

namespace {

std::unique_ptr<store::LedgerStore> open_pg(const std::string& uri, const std::string& schema, store::OpenMode mode) {
  store::StoreOptions o;
  o.pg_schema = schema;
  return store::open_store(uri, mode, o);
}

domain::Invoice invoice(const std::string& id, std::int64_t amount) {
  domain::Invoice inv;
  inv.external_id = id;
  inv.currency = *core::find_currency("EUR");
  inv.invoice_date = *core::Date::from_ymd(2026, 3, 1);
  inv.due_date = *core::Date::from_ymd(2026, 3, 31);
  inv.total_minor = amount;
  return inv;
}

/// Indexes and foreign keys of the schema's invoices table, as the catalog has them committed.
std::pair<std::int64_t, std::int64_t> invoice_upkeep(const std::string& uri, const std::string& schema) {
  store::pg::Db db(uri);
  const std::string s(schema);
  std::int64_t idx = db.run("SELECT count(*) FROM pg_indexes WHERE schemaname=$1 AND tablename='invoices'", {std::string_view(s)})
                         .int64_at(0, 0);
  std::int64_t fks = db.run("SELECT count(*) FROM pg_constraint c JOIN pg_class t ON t.oid=c.conrelid JOIN pg_namespace n"
                            " ON n.oid=t.relnamespace WHERE n.nspname=$1 AND t.relname='invoices' AND c.contype='f'",
                            {std::string_view(s)})
                         .int64_at(0, 0);
  return {idx, fks};
}

std::int64_t count_invoices(const std::string& uri, const std::string& schema) {
  store::pg::Db db(uri);
  return db.run_once("SELECT count(*) FROM \"" + schema + "\".invoices").int64_at(0, 0);
}

}  // namespace

TEST_CASE("PostgreSQL bulk load: ids, outcomes and reads as the plain path; indexes and keys restored", "[pg_bulk]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  const auto before = invoice_upkeep(uri, schema.name);
  REQUIRE(before.first >= 4);
  REQUIRE(before.second == 2);
  const int n = 500;
  s->begin_bulk_import("invoices", 100000);
  {
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("invoices", "big.csv", "big", "otc test");
    auto cust = s->ensure_customer("C1", "Acme", batch, 1);
    for (int i = 1; i <= n; ++i) {
      auto put = s->put_invoice(invoice("INV" + std::to_string(1000 + i), i), cust, static_cast<std::uint64_t>(i), batch, i + 1);
      REQUIRE(put.outcome == store::PutOutcome::kInserted);
      REQUIRE(put.id == i);
    }
    CHECK(s->put_invoice(invoice("INV1250", 250), cust, 250, batch, 999).outcome == store::PutOutcome::kUnchanged);
    auto conflict = s->put_invoice(invoice("INV1299", 1), cust, 12345, batch, 1000);
    CHECK(conflict.outcome == store::PutOutcome::kConflict);
    CHECK(conflict.existing_line == 300);
    auto found = s->find_invoice("INV1500");
    REQUIRE(found);
    CHECK(found->id == 500);
    s->end_bulk_import();
    tx.commit();
  }
  CHECK(invoice_upkeep(uri, schema.name) == before);
  CHECK(count_invoices(uri, schema.name) == n);
  std::int64_t count = 0, last = 0;
  bool ordered = true;
  {
    store::ReadTransaction rt(*s);
    s->for_each_open_item(*core::Date::from_ymd(2026, 4, 1), [&](const domain::OpenItem& i) {
      ++count;
      ordered = ordered && i.invoice_id > last;
      last = i.invoice_id;
    });
  }
  CHECK(count == n);
  CHECK(ordered);
  // A second bulk load into the same table appends after the ids there.
  s->begin_bulk_import("invoices", 100000);
  {
    store::WriteTransaction tx(*s);
    auto cust = s->ensure_customer("C1", "Acme", 1, 1);
    auto put = s->put_invoice(invoice("INV9000", 5), cust, 9000, 1, 2);
    CHECK(put.outcome == store::PutOutcome::kInserted);
    CHECK(put.id == n + 1);
    s->end_bulk_import();
    tx.commit();
  }
  CHECK(count_invoices(uri, schema.name) == n + 1);
  CHECK(invoice_upkeep(uri, schema.name) == before);
}

TEST_CASE("PostgreSQL bulk load: a rollback or a bad reference leaves the ledger, its indexes and keys as they were", "[pg_bulk]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  const auto before = invoice_upkeep(uri, schema.name);
  s->begin_bulk_import("invoices", 100000);
  {
    store::WriteTransaction tx(*s);  // no end_bulk_import, no commit: a failed import
    auto batch = s->add_batch("invoices", "a.csv", "a", "otc test");
    auto cust = s->ensure_customer("C1", "Acme", batch, 1);
    for (int i = 1; i <= 200; ++i) s->put_invoice(invoice("X" + std::to_string(i), 1), cust, 1, batch, i);
  }
  CHECK(count_invoices(uri, schema.name) == 0);
  CHECK(invoice_upkeep(uri, schema.name) == before);
  // A customer id that does not exist: the keys, added back after the load, refuse it.
  s->begin_bulk_import("invoices", 100000);
  {
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("invoices", "b.csv", "b", "otc test");
    auto cust = s->ensure_customer("C1", "Acme", batch, 1);
    for (int i = 1; i <= 100; ++i) s->put_invoice(invoice("Y" + std::to_string(i), 1), cust, 1, batch, i);
    s->put_invoice(invoice("BAD", 1), cust + 1000, 1, batch, 101);
    CHECK_THROWS_AS(s->end_bulk_import(), core::Error);
  }
  CHECK(count_invoices(uri, schema.name) == 0);
  CHECK(invoice_upkeep(uri, schema.name) == before);
  // The ledger goes on: a plain-size import afterwards works as before.
  s->begin_bulk_import("invoices", 10);
  {
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("invoices", "c.csv", "c", "otc test");
    auto cust = s->ensure_customer("C1", "Acme", batch, 1);
    CHECK(s->put_invoice(invoice("Z1", 1), cust, 1, batch, 2).id == 1);
    s->end_bulk_import();
    tx.commit();
  }
  CHECK(count_invoices(uri, schema.name) == 1);
}

namespace {

domain::Payment payment(const std::string& id, std::int64_t amount) {
  domain::Payment p;
  p.external_id = id;
  p.currency = *core::find_currency("EUR");
  p.received_date = *core::Date::from_ymd(2026, 3, 10);
  p.amount_minor = amount;
  return p;
}

}  // namespace

TEST_CASE("PostgreSQL bulk payments: written behind with SQLite's ids; reads in the load see them; a rollback leaves nothing",
          "[pg_bulk]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  std::int64_t cust = 0;
  {
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("invoices", "i.csv", "i", "otc test");
    cust = s->ensure_customer("C1", "Acme", batch, 1);
    for (int i = 1; i <= 50; ++i) s->put_invoice(invoice("INV" + std::to_string(i), 1000), cust, static_cast<std::uint64_t>(i), batch, i);
    tx.commit();
  }
  auto load = [&](bool commit) {
    s->begin_bulk_import("payments", 100000);
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("payments", "p.csv", commit ? "p" : "q", "otc test");
    for (int i = 1; i <= 120; ++i) {
      // Invoices paid in parts: each later row sees the balance the earlier ones left.
      auto inv = s->find_invoice("INV" + std::to_string((i - 1) % 50 + 1));
      REQUIRE(inv);
      CHECK(inv->open_minor == 1000 - 300 * ((i - 1) / 50));
      auto put = s->put_payment(payment("PAY" + std::to_string(i), 300), cust, static_cast<std::uint64_t>(i), batch, i + 1);
      REQUIRE(put.outcome == store::PutOutcome::kInserted);
      CHECK(put.id == i);
      store::ApplicationDraft d;
      d.invoice_id = inv->id;
      d.payment_id = put.id;
      d.amount_minor = 300;
      d.applied_on = *core::Date::from_ymd(2026, 3, 10);
      d.batch_id = batch;
      CHECK(s->apply(d) == i);
    }
    // The same payment again: unchanged; a read of applications writes what is pending first.
    CHECK(s->put_payment(payment("PAY7", 300), cust, 7, batch, 999).outcome == store::PutOutcome::kUnchanged);
    CHECK(s->has_application(7, 7));
    auto p = s->find_payment("PAY120");
    REQUIRE(p);
    CHECK(p->unapplied_minor == 0);
    // Rows after the flush go on with the next ids.
    auto put = s->put_payment(payment("PAY121", 50), cust, 121, batch, 200);
    CHECK(put.id == 121);
    s->end_bulk_import();
    if (commit) tx.commit();
  };
  load(false);
  {
    store::ReadTransaction rt(*s);
    CHECK_FALSE(s->find_payment("PAY1"));
    CHECK(s->find_invoice("INV1")->open_minor == 1000);
  }
  load(true);
  store::ReadTransaction rt(*s);
  CHECK(s->find_invoice("INV1")->open_minor == 1000 - 3 * 300);
  CHECK(s->find_invoice("INV30")->open_minor == 1000 - 2 * 300);
  CHECK(s->find_payment("PAY121")->unapplied_minor == 50);
  CHECK(s->applications_of_payment(120).size() == 1);
}
