// The PostgreSQL ledger during a large invoice file import (LedgerStore::begin_bulk_import).
//
// A COPY into `invoices` costs most of its time server side in per-row upkeep: the two foreign
// key checks (customer_id, batch_id: one RI trigger query per row each) and the two non-unique
// indexes (invoices_customer at random, invoices_open, a wide covering index). For a load large
// next to the table, inside the import's own transaction:
//   - the write-behind COPY starts from the first row (documents.cpp);
//   - the non-unique indexes are dropped and built again after the load (one sort each), with a
//     larger maintenance_work_mem set LOCAL to the transaction;
//   - the foreign keys are dropped and added again after the load: ADD CONSTRAINT validates
//     every row at once (one join), so a bad reference still fails the import and rolls it
//     all back. The unique keys (id, external_id) are never touched: they keep checking.
// Everything is transactional DDL: a failed, rejected or dry-run import rolls it back with the
// rows. The DDL takes an ACCESS EXCLUSIVE lock on invoices until the import commits, so readers
// of the ledger wait for a bulk load (never the other way round); it needs the table's owner,
// and a writer role that does not own the schema's tables loads through the plain COPY path.
#include "pg_ledger.hpp"

namespace otc::store::pg {
namespace {

/// A load this many rows or more, and at least half the size of the table it goes into, takes
/// the bulk path (as SQLite's src/store/sqlite/bulk.cpp).
constexpr std::int64_t kBulkRows = 50000;

}  // namespace

void PgLedger::begin_bulk_import(std::string_view kind, std::int64_t expected_rows) {
  bulk_armed_ = kind == "invoices" && expected_rows >= kBulkRows;
  bulk_rows_ = expected_rows;
}

void PgLedger::start_bulk_invoices() {
  bulk_armed_ = false;
  bulk_invoices_ = true;  // write-behind from the first row, whatever follows
  {
    Result r = db_.run("SELECT (SELECT COALESCE(max(id), 0) FROM invoices), pg_has_role(relowner, 'USAGE')"
                       " FROM pg_class WHERE oid = 'invoices'::regclass");
    if (!r.next()) return;
    if (bulk_rows_ * 2 < r.int64(0) || r.text(1) != "t") return;
  }
  bulk_indexes_.clear();
  bulk_constraints_.clear();
  {
    Result r = db_.run("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                       " WHERE i.indrelid = 'invoices'::regclass AND NOT i.indisunique AND NOT i.indisprimary ORDER BY 1");
    while (r.next()) bulk_indexes_.emplace_back(std::string(r.text(0)), std::string(r.text(1)));
  }
  {
    Result r = db_.run("SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint"
                       " WHERE conrelid = 'invoices'::regclass AND contype = 'f' ORDER BY 1");
    while (r.next()) bulk_constraints_.emplace_back(std::string(r.text(0)), std::string(r.text(1)));
  }
  db_.exec("SET LOCAL maintenance_work_mem = '256MB'");
  for (const auto& [name, def] : bulk_indexes_) db_.exec("DROP INDEX " + name);
  if (!bulk_constraints_.empty()) {
    std::string sql = "ALTER TABLE invoices";
    for (std::size_t i = 0; i < bulk_constraints_.size(); ++i)
      sql += (i ? ", DROP CONSTRAINT " : " DROP CONSTRAINT ") + bulk_constraints_[i].first;
    db_.exec(sql);
  }
}

void PgLedger::end_bulk_import() {
  bulk_armed_ = false;
  if (!bulk_invoices_) return;
  flush_invoices();
  for (const auto& [name, def] : bulk_indexes_) db_.exec(def);
  if (!bulk_constraints_.empty()) {
    // Validates every row: a reference that does not resolve fails the import here.
    std::string sql = "ALTER TABLE invoices";
    for (std::size_t i = 0; i < bulk_constraints_.size(); ++i)
      sql += (i ? ", ADD CONSTRAINT " : " ADD CONSTRAINT ") + bulk_constraints_[i].first + " " + bulk_constraints_[i].second;
    db_.exec(sql);
  }
  bulk_indexes_.clear();
  bulk_constraints_.clear();
  bulk_invoices_ = false;
}

}  // namespace otc::store::pg
