// The SQLite ledger during a large file import (LedgerStore::begin_bulk_import): rows arrive in
// no particular order, so writes that would touch the ledger's pages at random are held back and
// written in key order, and secondary indexes that would be updated at random are built again
// after the load (a sort, far cheaper than a random insert per row). Everything stays inside the
// import's transaction: a failed or dry-run import rolls it all back, the dropped indexes too.
#include <algorithm>

#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {
namespace {

/// A load this many rows or more, and at least half the size of the table it goes into, drops
/// the table's random-order secondary indexes and builds them again at the end.
constexpr std::int64_t kBulkRows = 50000;

/// Indexes whose keys a load meets in random order (customer ids, invoice ids of payments); none
/// is unique (the unique ones keep checking the keys), and no read of the import needs one
/// (find_customer_invoice_by_number builds them again first).
std::vector<const char*> random_order_indexes(std::string_view kind) {
  if (kind == "invoices") return {"invoices_customer", "invoices_settled"};
  // Payments also change the open items (invoices_open) and unapplied cash (payments_unapplied)
  // at every application: both are built again from the tables after the load.
  if (kind == "payments")
    return {"payments_customer", "applications_invoice", "invoices_open", "payments_unapplied", "invoices_settled", "payments_settled"};
  return {};
}

const char* table_of(std::string_view kind) {
  if (kind == "invoices") return "invoices";
  if (kind == "payments") return "payments";
  return nullptr;
}

}  // namespace

void SqliteLedger::begin_bulk_import(std::string_view kind, std::int64_t expected_rows) {
  // Called before the transaction: foreign keys can only be switched outside one. A large load
  // writes only references this transaction has just read or made (customer ids it looked up
  // or created, the invoice a payment row names, the batch and payment it wrote), so the
  // per-row look-ups of the parent rows are left out; every other command still checks them.
  bulk_kind_.assign(kind);
  bulk_rows_ = expected_rows;
  if (expected_rows >= kBulkRows && sqlite3_get_autocommit(db_.handle())) {
    db_.exec("PRAGMA foreign_keys=OFF");
    foreign_keys_off_ = true;
  }
}

void SqliteLedger::end_bulk_request() {
  bulk_kind_.clear();
  bulk_rows_ = 0;
  if (foreign_keys_off_) {
    db_.exec("PRAGMA foreign_keys=ON");
    foreign_keys_off_ = false;
  }
}

void SqliteLedger::start_bulk() {
  if (bulk_kind_.empty()) return;
  const std::string_view kind = bulk_kind_;
  const std::int64_t expected_rows = bulk_rows_;
  // Applications from a payments file name invoices at random: their balance changes are held
  // back (find_invoice adds them in) and written in invoice order.
  if (kind == "payments") defer_invoice_updates_ = true;
  const char* table = table_of(kind);
  if (!table || expected_rows < kBulkRows) return;
  std::int64_t existing = 0;
  {
    Statement s(db_.handle(), std::string("SELECT COALESCE(max(rowid), 0) FROM ") + table);
    if (s.step()) existing = s.int64(0);
  }
  if (kind == "payments") {
    // invoices_open is built again from the invoices table: worth it only when the load is large next to it too.
    Statement s(db_.handle(), "SELECT COALESCE(max(rowid), 0) FROM invoices");
    if (s.step()) existing = std::max(existing, s.int64(0));
  }
  if (expected_rows * 2 < existing) return;
  for (const char* name : random_order_indexes(kind)) {
    std::string sql;
    {
      Statement s(db_.handle(), "SELECT sql FROM sqlite_master WHERE type='index' AND name=?1");
      s.bind(1, std::string_view(name));
      if (s.step()) sql.assign(s.text(0));
    }
    if (sql.empty()) continue;
    db_.exec(("DROP INDEX " + std::string(name)).c_str());
    dropped_indexes_.push_back(std::move(sql));
  }
}

void SqliteLedger::end_bulk_import() {
  flush_invoice_updates();
  defer_invoice_updates_ = false;
  next_application_id_ = 0;
  next_payment_id_ = 0;
  restore_indexes();
}

SqliteLedger::BufferedPayment* SqliteLedger::buffered_payment(std::int64_t id) {
  if (buffered_payments_.empty() || id < buffered_first_id_) return nullptr;
  const auto i = static_cast<std::size_t>(id - buffered_first_id_);
  return i < buffered_payments_.size() ? &buffered_payments_[i] : nullptr;
}

void SqliteLedger::flush_buffered_payments() {
  if (buffered_payments_.empty()) return;
  std::int64_t id = buffered_first_id_;
  auto opt = [&](const std::string& v) { if (v.empty()) bulk_pays_.null(); else bulk_pays_.text(v); };
  for (const auto& b : buffered_payments_) {
    IsoDay received(b.p.received_date), last(b.last);
    bulk_pays_.int64(id++);
    bulk_pays_.text(b.p.external_id);
    if (b.customer_id) bulk_pays_.int64(*b.customer_id); else bulk_pays_.null();
    bulk_pays_.text(b.p.currency.view());
    bulk_pays_.text(received.view());
    bulk_pays_.int64(b.p.amount_minor);
    bulk_pays_.int64(b.unapplied);
    bulk_pays_.text(last.view());
    opt(b.p.method);
    opt(b.p.reference);
    opt(b.p.payer_name);
    opt(b.p.payer_account);
    bulk_pays_.int64(static_cast<std::int64_t>(b.hash));
    bulk_pays_.int64(b.batch);
    bulk_pays_.int64(static_cast<std::int64_t>(b.line));
    opt(b.p.remittance);
    bulk_pays_.end_row(db_.handle());
  }
  bulk_pays_.flush(db_.handle());
  buffered_payments_.clear();
  buffered_payment_index_.clear();
}

void SqliteLedger::flush_bulk_applications() {
  flush_buffered_payments();
  bulk_apps_.flush(db_.handle());
}

void SqliteLedger::flush_invoice_updates() {
  flush_bulk_applications();
  if (!pending_payments_.empty()) {
    std::vector<std::pair<std::int64_t, PendingApply>> rows(pending_payments_.begin(), pending_payments_.end());
    pending_payments_.clear();
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    auto& pay = stmt(cash_.apply_pay, "UPDATE payments SET unapplied_minor=unapplied_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
    for (const auto& [id, p] : rows) {
      IsoDay day(p.last);
      pay.bind(1, id).bind(2, p.amount).bind(3, day.view());
      pay.step();
      pay.reset();
    }
  }
  if (pending_invoices_.empty()) return;
  std::vector<std::pair<std::int64_t, PendingApply>> rows(pending_invoices_.begin(), pending_invoices_.end());
  pending_invoices_.clear();
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  auto& inv = stmt(cash_.apply_inv, "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
  for (const auto& [id, p] : rows) {
    IsoDay day(p.last);
    inv.bind(1, id).bind(2, p.amount).bind(3, day.view());
    inv.step();
    inv.reset();
  }
}

void SqliteLedger::restore_indexes() {
  for (const auto& sql : dropped_indexes_) db_.exec(sql.c_str());
  dropped_indexes_.clear();
}

void SqliteLedger::reset_bulk() {
  pending_invoices_.clear();
  pending_payments_.clear();
  bulk_apps_.clear();
  next_application_id_ = 0;
  buffered_payments_.clear();
  buffered_payment_index_.clear();
  bulk_pays_.clear();
  next_payment_id_ = 0;
  defer_invoice_updates_ = false;
  dropped_indexes_.clear();  // the DROP INDEX statements roll back with the transaction
  any_opening_.reset();
}

}  // namespace otc::store::sqlite
