#include <catch2/catch.hpp>

#include <vector>

#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

TEST_CASE("Audit: batches are found by kind and content, audit rows read back by command", "[store][audit]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::AuditStore& audit = *ledger;
  {
    store::WriteTransaction tx(*ledger);
    CHECK_FALSE(audit.find_batch("invoices", "sha-1"));
    auto id = audit.add_batch("invoices", "inv.csv", "sha-1", "otc import invoices inv.csv");
    audit.finish_batch(id, 10, 7);
    store::AuditEntry e;
    e.command = "otc import invoices inv.csv";
    e.action = "import";
    e.entity = "invoices";
    e.file_name = "inv.csv";
    e.sha256 = "sha-1";
    e.batch_id = id;
    audit.audit(e);
    e.command = "otc apply-cash bank.csv";
    e.action = "apply";
    e.entity = "payments";
    e.batch_id = 0;
    audit.audit(e);
    tx.commit();
  }
  auto batch = audit.find_batch("invoices", "sha-1");
  REQUIRE(batch);
  CHECK(batch->file_name == "inv.csv");
  CHECK(batch->rows_added == 7);
  CHECK_FALSE(audit.find_batch("payments", "sha-1"));

  std::vector<store::AuditRecord> rows;
  audit.for_each_audit("", "", [&](const store::AuditRecord& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].entry.action == "import");  // oldest first
  CHECK(rows[0].entry.batch_id == batch->id);
  CHECK(rows[1].entry.batch_id == 0);
  rows.clear();
  audit.for_each_audit("", "apply-cash", [&](const store::AuditRecord& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].entry.entity == "payments");
}

TEST_CASE("Audit: the activity noted in a transaction is kept on commit only", "[store][audit]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  CHECK_FALSE(ledger->latest_fact_date());
  {
    store::WriteTransaction tx(*ledger);
    ledger->note_activity(*core::Date::from_ymd(2026, 5, 31));
    CHECK(ledger->latest_fact_date() == core::Date::from_ymd(2026, 5, 31));  // seen inside it
  }
  CHECK_FALSE(ledger->latest_fact_date());
  {
    store::WriteTransaction tx(*ledger);
    ledger->note_activity(*core::Date::from_ymd(2026, 5, 31));
    ledger->note_activity(*core::Date::from_ymd(2026, 4, 1));
    tx.commit();
  }
  CHECK(ledger->latest_fact_date() == core::Date::from_ymd(2026, 5, 31));
}
