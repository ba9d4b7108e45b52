#include <catch2/catch.hpp>

#include <cstdlib>
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

domain::Invoice invoice(const char* id, std::int64_t amount) {
  domain::Invoice inv;
  inv.external_id = id;
  inv.currency = *core::find_currency("EUR");
  inv.invoice_date = *core::Date::from_ymd(2026, 3, 1);
  inv.due_date = *core::Date::from_ymd(2026, 3, 31);
  inv.total_minor = amount;
  return inv;
}

}  // namespace

TEST_CASE("PostgreSQL: a spec names its backend; schema names are identifiers", "[store][pg]") {
  CHECK(store::is_postgres_spec("postgresql://u@h/db"));
  CHECK(store::is_postgres_spec("postgres://h/db"));
  CHECK_FALSE(store::is_postgres_spec("otc.db"));
  CHECK_FALSE(store::is_postgres_spec("./postgresql.db"));
  CHECK_NOTHROW(store::validate_pg_schema("otc"));
  CHECK_NOTHROW(store::validate_pg_schema("_ar_2026"));
  CHECK_THROWS_AS(store::validate_pg_schema(""), core::Error);
  CHECK_THROWS_AS(store::validate_pg_schema("a-b"), core::Error);
  CHECK_THROWS_AS(store::validate_pg_schema("1ar"), core::Error);
  CHECK_THROWS_AS(store::validate_pg_schema("x\"; DROP"), core::Error);
  CHECK_THROWS_AS(store::validate_pg_schema("pg_temp"), core::Error);
}

TEST_CASE("PostgreSQL: a password never reaches a message", "[store][pg]") {
  CHECK(store::display_ledger("postgresql://ar:s3cret@db.example:5432/otc?sslmode=require") ==
        "postgresql://ar:***@db.example:5432/otc?sslmode=require");
  CHECK(store::display_ledger("postgresql://ar@db/otc?password=s3cret&sslmode=require") ==
        "postgresql://ar@db/otc?password=***&sslmode=require");
  CHECK(store::display_ledger("postgresql://db/otc") == "postgresql://db/otc");
  CHECK(store::display_ledger("otc.db") == "otc.db");
  try {
    store::open_store("postgresql://ar:s3cret@/otc?host=/nonexistent-dir&connect_timeout=2", store::OpenMode::kExisting);
    FAIL("connected to nothing");
  } catch (const core::Error& e) {
    std::string all = std::string(e.what()) + e.where().file + e.hint();
    CHECK(all.find("s3cret") == std::string::npos);
    CHECK(std::string(e.what()).rfind("cannot connect to the PostgreSQL ledger at ", 0) == 0);
  }
}

TEST_CASE("PostgreSQL: init creates the schema at the current version; other opens need it", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  CHECK_THROWS_WITH(open_pg(uri, schema.name, store::OpenMode::kExisting), Catch::Contains("not an otc ledger"));
  CHECK_THROWS_WITH(open_pg(uri, schema.name, store::OpenMode::kReadOnly), Catch::Contains("not an otc ledger"));
  {
    auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
    CHECK(store::ledger_schema_version(*s) == 9);
  }
  auto again = open_pg(uri, schema.name, store::OpenMode::kCreate);  // idempotent
  CHECK(store::ledger_schema_version(*again) == 9);
  auto ro = open_pg(uri, schema.name, store::OpenMode::kReadOnly);
  store::ReadTransaction tx(*ro);
  CHECK(ro->functional_currency() == "USD");
}

TEST_CASE("PostgreSQL: imports are idempotent and conflicts name the stored row", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  {
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("invoices", "i.csv", "abc", "otc test");
    CHECK(batch == 1);
    auto cust = s->ensure_customer("C1", "Acme", batch, 1);
    CHECK(s->ensure_customer("C1", "Acme", batch, 1) == cust);
    auto put = s->put_invoice(invoice("I1", 12345), cust, 7, batch, 2);
    CHECK(put.outcome == store::PutOutcome::kInserted);
    CHECK(put.id == 1);
    auto same = s->put_invoice(invoice("I1", 12345), cust, 7, batch, 3);
    CHECK(same.outcome == store::PutOutcome::kUnchanged);
    CHECK(same.id == put.id);
    auto other = s->put_invoice(invoice("I1", 999), cust, 8, batch, 4);
    CHECK(other.outcome == store::PutOutcome::kConflict);
    CHECK(other.existing_file == "i.csv");
    CHECK(other.existing_line == 2);
    // The next new row takes the next id, as SQLite's rowid: conflicts used none.
    CHECK(s->put_invoice(invoice("I2", 5), cust, 9, batch, 5).id == 2);
    tx.commit();
  }
  std::vector<std::string> open;
  store::ReadTransaction rt(*s);
  s->for_each_open_item(*core::Date::from_ymd(2026, 4, 1), [&](const domain::OpenItem& i) {
    open.push_back(i.invoice_external_id + ":" + std::to_string(i.open_minor) + ":" + i.customer_name);
  });
  CHECK(open == std::vector<std::string>{"I1:12345:Acme", "I2:5:Acme"});
}

TEST_CASE("PostgreSQL: a rolled-back write leaves no trace and no gap in the ids", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  {
    store::WriteTransaction tx(*s);
    s->add_batch("invoices", "a.csv", "a", "otc test");
  }  // rolled back
  store::WriteTransaction tx(*s);
  CHECK_FALSE(s->find_batch("invoices", "a"));
  CHECK(s->add_batch("invoices", "b.csv", "b", "otc test") == 1);
  tx.commit();
}

TEST_CASE("PostgreSQL: the audit log and applications refuse UPDATE and DELETE", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  {
    store::WriteTransaction tx(*s);
    store::AuditEntry e;
    e.command = "otc test";
    e.action = "test";
    e.entity = "ledger";
    s->audit(e);
    tx.commit();
  }
  store::pg::Db db(uri);
  db.exec("SET search_path TO \"" + schema.name + "\"");
  CHECK_THROWS_WITH(db.exec("UPDATE audit_log SET action = 'x'"), "audit_log is append-only");
  CHECK_THROWS_WITH(db.exec("DELETE FROM audit_log"), "audit_log is append-only");
}

TEST_CASE("PostgreSQL: one writer at a time; a reader never waits", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto a = open_pg(uri, schema.name, store::OpenMode::kCreate);
  ::setenv("OTC_BUSY_TIMEOUT_MS", "200", 1);
  auto b = open_pg(uri, schema.name, store::OpenMode::kExisting);
  auto r = open_pg(uri, schema.name, store::OpenMode::kReadOnly);
  ::unsetenv("OTC_BUSY_TIMEOUT_MS");
  store::WriteTransaction wa(*a);
  a->add_batch("invoices", "a.csv", "a", "otc test");
  try {
    store::WriteTransaction wb(*b);
    FAIL("a second writer got in");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()).find("database is locked") != std::string::npos);
    CHECK(e.hint().find("OTC_BUSY_TIMEOUT_MS") != std::string::npos);
  }
  {
    store::ReadTransaction rt(*r);  // does not wait for the writer, and sees only what was committed
    CHECK_FALSE(r->find_batch("invoices", "a"));
    rt.end();
  }
  wa.commit();
  store::WriteTransaction wb(*b);  // the lock is free again
  CHECK(b->find_batch("invoices", "a"));
  CHECK_THROWS_WITH(r->begin_write(), Catch::Contains("read-only"));
}

TEST_CASE("PostgreSQL: COPY writes rows with tabs, newlines, backslashes and NULLs intact", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  store::pg::Db db(uri);
  db.exec("CREATE SCHEMA \"" + schema.name + "\"; SET search_path TO \"" + schema.name + "\"");
  db.exec("CREATE TABLE t(a BIGINT, b TEXT)");
  store::pg::CopyIn copy(db, "COPY t(a, b) FROM STDIN");
  copy.int64(-5).text("x\ty\nz\\w").end_row();
  copy.int64(7).null().end_row();
  CHECK(copy.finish() == 2);
  auto r = db.run("SELECT a, b FROM t ORDER BY a");
  REQUIRE(r.rows() == 2);
  REQUIRE(r.next());
  CHECK(r.int64(0) == -5);
  CHECK(r.text(1) == "x\ty\nz\\w");
  REQUIRE(r.next());
  CHECK(r.is_null(1));
  db.exec("CREATE UNIQUE INDEX t_a ON t(a)");
  CHECK(db.try_run("INSERT INTO t(a) VALUES ($1)", {std::int64_t{1}}));
  CHECK_FALSE(db.try_run("INSERT INTO t(a) VALUES ($1)", {std::int64_t{7}}));  // a unique violation
  db.exec("BEGIN");
  CHECK_FALSE(db.try_run("INSERT INTO t(a) VALUES ($1)", {std::int64_t{7}}));
  CHECK(db.try_run("INSERT INTO t(a) VALUES ($1)", {std::int64_t{8}}));  // the transaction goes on
  db.exec("COMMIT");
  CHECK(db.run("SELECT count(*) FROM t").int64_at(0, 0) == 4);
}

TEST_CASE("PostgreSQL: a large import written behind keeps SQLite's outcomes, ids and order", "[store][pg]") {
  OTC_REQUIRE_PG(uri);
  test::PgSchema schema(uri);
  auto s = open_pg(uri, schema.name, store::OpenMode::kCreate);
  const int n = 300;  // past the write-behind threshold
  {
    store::WriteTransaction tx(*s);
    auto batch = s->add_batch("invoices", "big.csv", "big", "otc test");
    auto cust = s->ensure_customer("C1", "Acme", batch, 1);
    for (int i = 1; i <= n; ++i) {
      std::string id = "INV" + std::to_string(1000 + i);
      auto put = s->put_invoice(invoice(id.c_str(), i), cust, static_cast<std::uint64_t>(i), batch, i + 1);
      REQUIRE(put.outcome == store::PutOutcome::kInserted);
      REQUIRE(put.id == i);
    }
    // The same row again, then different content: found among rows not yet written.
    CHECK(s->put_invoice(invoice("INV1250", 250), cust, 250, batch, 999).outcome == store::PutOutcome::kUnchanged);
    auto conflict = s->put_invoice(invoice("INV1299", 1), cust, 12345, batch, 1000);
    CHECK(conflict.outcome == store::PutOutcome::kConflict);
    CHECK(conflict.existing_line == 300);
    // A read in the same transaction sees every invoice.
    auto found = s->find_invoice("INV1300");
    REQUIRE(found);
    CHECK(found->id == 300);
    tx.commit();
  }
  {
    store::WriteTransaction tx(*s);  // rolled back: nothing of it stays, ids are reused
    auto cust = s->ensure_customer("C1", "Acme", 1, 1);
    for (int i = 1; i <= 100; ++i) s->put_invoice(invoice(("X" + std::to_string(i)).c_str(), 1), cust, 1, 1, i);
  }
  std::int64_t count = 0, last = 0;
  bool ordered = true;
  store::ReadTransaction rt(*s);
  s->for_each_open_item(*core::Date::from_ymd(2026, 4, 1), [&](const domain::OpenItem& i) {
    ++count;
    ordered = ordered && i.invoice_id > last;
    last = i.invoice_id;
  });
  CHECK(count == n);
  CHECK(ordered);
}
