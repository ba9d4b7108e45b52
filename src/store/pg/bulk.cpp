// The PostgreSQL ledger during a large invoice or payments file import (LedgerStore::begin_bulk_import).
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
// A large payments file keeps every index (its per-row reads use them) and drops only the
// foreign keys of payments and applications, added back (validated) after the load.
// Everything is transactional DDL: a failed, rejected or dry-run import rolls it back with the
// rows. The DDL takes an ACCESS EXCLUSIVE lock on the tables it alters until the import commits, so readers
// of the ledger wait for a bulk load (never the other way round); it needs the table's owner,
// and a writer role that does not own the schema's tables loads through the plain COPY path.
#include <algorithm>

#include "pg_ledger.hpp"

namespace otc::store::pg {
namespace {

/// A load this many rows or more, and at least half the size of the table it goes into, takes
/// the bulk path (as SQLite's src/store/sqlite/bulk.cpp).
constexpr std::int64_t kBulkRows = 50000;

}  // namespace

void PgLedger::begin_bulk_import(std::string_view kind, std::int64_t expected_rows) {
  bulk_kind_.clear();
  if ((kind == "invoices" || kind == "payments") && expected_rows >= kBulkRows) bulk_kind_.assign(kind);
  bulk_rows_ = expected_rows;
}

void PgLedger::start_bulk() {
  const std::string kind = std::move(bulk_kind_);
  bulk_kind_.clear();
  bulk_active_ = true;
  bulk_indexes_.clear();
  bulk_constraints_.clear();
  if (kind == "invoices") bulk_invoices_ = true;  // write-behind from the first row, whatever follows
  if (kind == "payments") {
    bulk_payments_ = true;
    payment_keys_loaded_ = false;
    bulk_no_openings_ = db_.run("SELECT 1 FROM adjustments WHERE kind = 'opening' LIMIT 1").empty();
  }
  {
    // Worth it only for a load large next to the table; the DDL needs the tables' owner.
    // (Adding a key back validates the whole table, so a small load into a large one keeps them.)
    Result r = db_.run(kind == "invoices" ? "SELECT (SELECT COALESCE(max(id), 0) FROM invoices), pg_has_role(relowner, 'USAGE')"
                                            " FROM pg_class WHERE oid = 'invoices'::regclass"
                                          : "SELECT GREATEST((SELECT COALESCE(max(id), 0) FROM payments), (SELECT COALESCE(max(id), 0)"
                                            " FROM applications)), pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = 'payments'::regclass");
    if (!r.next()) return;
    if (bulk_rows_ * 2 < r.int64(0) || r.text(1) != "t") return;
  }
  db_.exec("SET LOCAL maintenance_work_mem = '256MB'");
  if (kind == "invoices") {
    drop_upkeep("invoices", true);
  } else {
    // A payments file reads by the indexes of payments and applications (has_application,
    // bank keys): only their keys go. Its balance changes rewrite the invoices they pay: when
    // the load is large next to the invoices too, their non-unique indexes (invoices_open,
    // invoices_customer; no read of the load uses them) are built again after it.
    drop_upkeep("payments", false);
    drop_upkeep("applications", false);
    if (bulk_rows_ * 2 >= db_.run("SELECT COALESCE(max(id), 0) FROM invoices").int64_at(0, 0)) drop_upkeep("invoices", true, false);
  }
}

void PgLedger::flush_payments() {
  if (pending_payments_.empty() && pending_applications_.empty() && invoice_deltas_.empty()) return;
  std::vector<PendingPayment> pays;
  std::vector<PendingApplication> apps;
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::string>> deltas;
  if (open_invoices_loaded_)
    for (const auto& [inv, d] : invoice_deltas_) applied_deltas_[inv] += d.first;
  pays.swap(pending_payments_);  // before the COPY: its own before-statement call finds nothing pending
  apps.swap(pending_applications_);
  deltas.swap(invoice_deltas_);
  std::int64_t id = first_pending_payment_;
  first_pending_payment_ = next_payment_id_;
  if (!pays.empty()) {
    CopyIn c(db_, "COPY payments(id, external_id, customer_id, currency, received_date, amount_minor, unapplied_minor, last_activity,"
                  " method, reference, payer_name, payer_account, content_hash, batch_id, source_line, bank_key, remittance) FROM STDIN");
    for (const auto& b : pays) {
      IsoDay received(b.p.received_date);
      c.int64(id++).text(b.p.external_id);
      if (b.customer_id) c.int64(*b.customer_id); else c.null();
      c.text(b.p.currency.view()).text(received.view()).int64(b.p.amount_minor).int64(b.unapplied).text(b.last);
      c.opt_text(b.p.method).opt_text(b.p.reference).opt_text(b.p.payer_name).opt_text(b.p.payer_account);
      c.int64(static_cast<std::int64_t>(b.hash)).int64(b.batch).int64(static_cast<std::int64_t>(b.line));
      c.opt_text(b.p.bank_key).opt_text(b.p.remittance);
      c.end_row();
    }
    c.finish();
  }
  if (!apps.empty()) {
    CopyIn c(db_, "COPY applications(id, invoice_id, payment_id, amount_minor, applied_on, rule, confidence, batch_id, note) FROM STDIN");
    for (const auto& a : apps) {
      c.int64(a.id).int64(a.invoice_id).int64(a.payment_id).int64(a.amount).text(a.day).text(a.rule).int64(a.confidence);
      if (a.batch) c.int64(a.batch); else c.null();
      c.opt_text(a.note);
      c.end_row();
    }
    c.finish();
  }
  if (!deltas.empty()) {
    std::vector<std::pair<std::int64_t, std::pair<std::int64_t, std::string>>> rows(deltas.begin(), deltas.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    db_.exec("CREATE TEMP TABLE IF NOT EXISTS otc_bulk_deltas(id bigint, amount bigint, last text COLLATE \"C\") ON COMMIT DROP;"
             " TRUNCATE otc_bulk_deltas");
    {
      CopyIn c(db_, "COPY otc_bulk_deltas(id, amount, last) FROM STDIN");
      for (const auto& [inv, d] : rows) {
        c.int64(inv).int64(d.first).text(d.second);
        c.end_row();
      }
      c.finish();
    }
    db_.exec("UPDATE invoices i SET open_minor = i.open_minor - d.amount, last_activity = GREATEST(i.last_activity, d.last)"
             " FROM otc_bulk_deltas d WHERE i.id = d.id");
  }
}

void PgLedger::drop_upkeep(const char* table, bool indexes, bool keys) {
  const std::string t(table);
  const std::string_view tv(t);
  std::size_t first_index = bulk_indexes_.size(), first_key = bulk_constraints_.size();
  if (indexes) {
    Result r = db_.run("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                       " WHERE i.indrelid = $1::text::regclass AND NOT i.indisunique AND NOT i.indisprimary ORDER BY 1",
                       {tv});
    while (r.next()) bulk_indexes_.emplace_back(std::string(r.text(0)), std::string(r.text(1)));
  }
  if (keys) {
    Result r = db_.run("SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint"
                       " WHERE conrelid = $1::text::regclass AND contype = 'f' ORDER BY 1",
                       {tv});
    while (r.next()) bulk_constraints_.push_back({t, std::string(r.text(0)), std::string(r.text(1))});
  }
  for (std::size_t i = first_index; i < bulk_indexes_.size(); ++i) db_.exec("DROP INDEX " + bulk_indexes_[i].first);
  if (first_key < bulk_constraints_.size()) {
    std::string sql = "ALTER TABLE " + t;
    for (std::size_t i = first_key; i < bulk_constraints_.size(); ++i)
      sql += (i > first_key ? ", DROP CONSTRAINT " : " DROP CONSTRAINT ") + bulk_constraints_[i].name;
    db_.exec(sql);
  }
}

void PgLedger::end_bulk_import() {
  bulk_kind_.clear();
  if (!bulk_active_) return;
  flush_invoices();
  flush_payments();
  for (const auto& [name, def] : bulk_indexes_) db_.exec(def);
  // Adding a key back validates every row: a reference that does not resolve fails the import here.
  for (std::size_t i = 0; i < bulk_constraints_.size();) {
    const std::string& t = bulk_constraints_[i].table;
    std::string sql = "ALTER TABLE " + t;
    for (std::size_t j = i; j < bulk_constraints_.size() && bulk_constraints_[j].table == t; ++j, ++i)
      sql += std::string(sql.size() > t.size() + 12 ? ", " : " ") + "ADD CONSTRAINT " + bulk_constraints_[j].name + " " +
             bulk_constraints_[j].definition;
    db_.exec(sql);
  }
  forget_bulk();
}

void PgLedger::forget_bulk() {
  bulk_active_ = false;
  bulk_payments_ = false;
  bulk_no_openings_ = false;
  payment_keys_loaded_ = false;
  payment_keys_.clear();
  pending_payments_.clear();
  pending_applications_.clear();
  invoice_deltas_.clear();
  next_application_id_ = 0;
  open_invoices_loaded_ = false;
  open_invoices_.clear();
  applied_deltas_.clear();
  bulk_invoices_ = false;
  bulk_indexes_.clear();
  bulk_constraints_.clear();
}

}  // namespace otc::store::pg
