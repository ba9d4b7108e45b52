#include "ops_test_support.hpp"

#include "otc/ops/aging.hpp"
#include "otc/ops/migrate.hpp"
#include "otc/store/open_store.hpp"
#include "otc/store/table_copy.hpp"
#include "../store/pg_test_support.hpp"

using namespace otc;

namespace {

bool all_same(const ops::MigrateResult& r) {
  for (const auto& c : r.checks)
    if (!c.same()) return false;
  return true;
}

std::string check(const ops::MigrateResult& r, const std::string& kind, const std::string& key) {
  for (const auto& c : r.checks)
    if (c.check == kind && c.key == key) return c.source + "|" + c.target;
  return "(missing)";
}

}  // namespace

TEST_CASE("store dependency_order: parents first, self-references ignored, cycles refused", "[store][migrate]") {
  using store::CopyTable;
  auto order = store::dependency_order({{"applications", {}, {}, {"invoices", "payments", "applications"}},
                                        {"invoices", {}, {}, {"customers"}},
                                        {"customers", {}, {}, {"import_batches"}},
                                        {"payments", {}, {}, {"customers", "elsewhere"}},
                                        {"import_batches", {}, {}, {}}});
  std::vector<std::string> names;
  for (const auto& t : order) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"import_batches", "customers", "invoices", "payments", "applications"});
  CHECK_THROWS_AS(store::dependency_order({{"a", {}, {}, {"b"}}, {"b", {}, {}, {"a"}}}), core::Error);
}

TEST_CASE("ops migrate: SQLite to SQLite copies every row and verifies", "[ops][migrate]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);
  auto to = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  auto r = ops::migrate_ledger(*l.store, *to);
  CHECK(r.committed);
  CHECK(r.differences == 0);
  CHECK(all_same(r));
  CHECK(r.as_of.has_value());
  CHECK(check(r, "rows", "invoices") == "4|4");
  CHECK(check(r, "rows", "audit_log") != "(missing)");
  CHECK(check(r, "aging", "by customer") != "(missing)");
  // The copy reads as the original.
  auto a = ops::aging_report(*l.store, {engine::AgingBuckets{}, test::date(2026, 10, 31), true}).rows();
  auto b = ops::aging_report(*to, {engine::AgingBuckets{}, test::date(2026, 10, 31), true}).rows();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].invoice_external_id == b[i].invoice_external_id);
    CHECK(a[i].buckets == b[i].buckets);
  }
  SECTION("a target holding rows is refused and left as it was") {
    CHECK_THROWS_WITH(ops::migrate_ledger(*l.store, *to), Catch::Contains("the target ledger is not empty"));
    CHECK(store::table_copy(*to).copy_row_count("invoices") == 4);
  }
}

TEST_CASE("ops migrate: SQLite to PostgreSQL and back", "[ops][migrate][pg]") {
  OTC_REQUIRE_PG(uri);
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);
  test::PgSchema schema(uri);
  store::StoreOptions so;
  so.pg_schema = schema.name;
  auto pg = store::open_store(uri, store::OpenMode::kCreate, so);
  auto r = ops::migrate_ledger(*l.store, *pg);
  CHECK(r.committed);
  CHECK(all_same(r));
  auto back = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  auto r2 = ops::migrate_ledger(*pg, *back);
  CHECK(r2.committed);
  CHECK(all_same(r2));
  REQUIRE(r.checks.size() == r2.checks.size());
  for (std::size_t i = 0; i < r.checks.size(); ++i) CHECK(r.checks[i].source == r2.checks[i].source);
}
