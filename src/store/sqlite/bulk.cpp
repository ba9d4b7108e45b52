// The SQLite ledger during a large file import (LedgerStore::begin_bulk_import): rows arrive in
// no particular order, so writes that would touch the ledger's pages at random are held back and
// written in key order, and secondary indexes that would be updated at random are built again
// after the load (a sort, far cheaper than a random insert per row). Everything stays inside the
// import's transaction: a failed or dry-run import rolls it all back, the dropped indexes too.
#include <algorithm>
#include <cstdint>

#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {
namespace {

/// A load this many rows or more, and at least half the size of the table it goes into, drops
/// the table's random-order secondary indexes and builds them again at the end.
constexpr std::int64_t kBulkRows = 50000;

/// A payments load preloads the open invoices (find_invoice) up to this many: about 56 bytes an
/// invoice (84 MiB at the cap); past it, memory would grow with the ledger, and the query is used.
constexpr std::int64_t kPreloadMaxInvoices = 1500000;

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
    // Temporary files on disk for this load: dropping a large index journals each of its pages
    // for the statement, and sorting one to build it again holds every key; in memory either
    // would grow with the file (both spill past the page cache's size to a temporary file).
    db_.exec("PRAGMA temp_store=FILE");
  }
}

void SqliteLedger::end_bulk_request() {
  bulk_kind_.clear();
  bulk_rows_ = 0;
  if (foreign_keys_off_) {
    db_.exec("PRAGMA foreign_keys=ON");
    db_.exec("PRAGMA temp_store=MEMORY");  // as the constructor sets it
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
  // An error in a batch of the load ends the import and rolls it all back: no statement journal.
  bulk_invoices_.set_or_fail();
  bulk_pays_.set_or_fail();
  bulk_apps_.set_or_fail();
  // New invoices go 64 rows per INSERT (put_invoice, buffer_invoice below).
  if (kind == "invoices") buffer_invoices_ = true;
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
    dropped_schema_.push_back(std::move(sql));
  }
}

void SqliteLedger::end_bulk_import() {
  flush_buffered_invoices();
  buffer_invoices_ = false;
  next_invoice_id_ = 0;
  forget_keys();
  forget_preload();  // no look-up follows: its memory goes back before the writes below
  preload_tried_ = false;
  flush_invoice_updates();
  defer_invoice_updates_ = false;
  next_application_id_ = 0;
  next_payment_id_ = 0;
  restore_indexes();
}

std::optional<PutResult> SqliteLedger::buffer_invoice(const domain::Invoice& inv, std::int64_t customer_id,
                                                      std::uint64_t hash, std::int64_t batch, long line) {
  // An id met again in this file: the buffer is written, and the row compared the row-by-row way
  // (its message names the earlier row). The buffer is at most 63 rows: a scan is enough.
  const std::uint64_t key = KeySet::hash(inv.external_id);
  if (invoice_may_exist(key)) {
    for (int r = 0; r < bulk_invoices_.rows(); ++r)
      if (bulk_invoices_.text_at(r, 1) == inv.external_id) {
        flush_buffered_invoices();
        return std::nullopt;
      }
    auto& e = stmt(invoice_exists_, "SELECT 1 FROM invoices WHERE external_id=?1");
    e.bind(1, inv.external_id);
    const bool known = e.step();
    e.reset();
    if (known) return std::nullopt;  // not inserted: compared with the stored record
  }
  IsoDay inv_date(inv.invoice_date), due_date(inv.due_date);  // the same guards as bound dates
  if (next_invoice_id_ == 0) {
    Statement s(db_.handle(), "SELECT COALESCE(max(id), 0) + 1 FROM invoices");
    next_invoice_id_ = s.step() ? s.int64(0) : 1;
  }
  const std::int64_t id = next_invoice_id_++;
  auto& b = bulk_invoices_;
  b.int64(id);
  b.text(inv.external_id);
  b.int64(customer_id);
  b.text(inv.currency.view());
  b.text(inv_date.view());
  b.text(due_date.view());
  b.int64(inv.total_minor);
  b.int64(inv.total_minor);
  b.text(inv_date.view());
  if (inv.po_number.empty()) b.null(); else b.text(inv.po_number);
  b.int64(static_cast<std::int64_t>(hash));
  b.int64(batch);
  b.int64(static_cast<std::int64_t>(line));
  b.end_row(db_.handle());
  if (invoices_keyed_) invoice_keys_.insert(key);
  note_activity(inv.invoice_date);
  return PutResult{PutOutcome::kInserted, id, {}, 0};
}

bool SqliteLedger::invoice_may_exist(std::uint64_t h) {
  if (!invoice_keys_known_) {
    // Learnt before this transaction's first invoice is buffered; every later insert is keyed.
    Statement s(db_.handle(), "SELECT EXISTS (SELECT 1 FROM invoices)");
    invoices_keyed_ = s.step() && s.int64(0) == 0;
    invoice_keys_known_ = true;
  }
  return !invoices_keyed_ || invoice_keys_.contains(h);
}

bool SqliteLedger::payment_may_exist(std::uint64_t h) {
  if (!payment_keys_known_) {
    Statement s(db_.handle(), "SELECT EXISTS (SELECT 1 FROM payments)");
    payments_keyed_ = s.step() && s.int64(0) == 0;
    payment_keys_known_ = true;
  }
  return !payments_keyed_ || payment_keys_.contains(h);
}

void SqliteLedger::preload_invoices() {
  preload_tried_ = true;
  if (!(defer_invoice_updates_ && foreign_keys_off_)) return;
  std::int64_t rows = 0;
  {
    Statement s(db_.handle(), "SELECT COALESCE(max(rowid), 0) FROM invoices");
    if (s.step()) rows = s.int64(0);
  }
  if (rows == 0 || rows > kPreloadMaxInvoices || bulk_rows_ * 2 < rows) return;
  // While the copy is held the page cache is a quarter of its size (the look-ups it would serve
  // are the copy's now): memory stays what it was without the copy. forget_preload restores it.
  db_.exec("PRAGMA cache_size=-16384");
  cache_shrunk_ = true;
  // The same rows and values find_invoice's query reads; anything it could not hold (or that
  // find_invoice would refuse) leaves the look-ups to the query.
  Statement s(db_.handle(), "SELECT id, external_id, customer_id, currency, invoice_date, open_minor FROM invoices"
                            " WHERE status='open' ORDER BY id");
  preload_.reserve(static_cast<std::size_t>(rows));
  while (s.step()) {
    const std::string_view ext = s.text(1);
    const std::int64_t customer = s.int64(2);
    const std::string_view code = s.text(3);
    auto day = core::parse_iso_date(s.text(4));
    if (!day || customer < INT32_MIN || customer > INT32_MAX || ext.size() > 255 || preload_text_.size() + ext.size() > UINT32_MAX)
      return forget_preload();
    // The codes met so far, as stored; a new text is read as currency() reads it.
    std::size_t c = 0;
    while (c < preload_currencies_.size() && preload_currencies_[c].view() != code) ++c;
    if (c == preload_currencies_.size()) {
      auto ccy = core::find_currency(code, true);
      if (!ccy || c == 255) return forget_preload();
      c = 0;
      while (c < preload_currencies_.size() && !(preload_currencies_[c] == *ccy)) ++c;
      if (c == preload_currencies_.size()) preload_currencies_.push_back(*ccy);
    }
    PreloadedInvoice e;
    e.id = s.int64(0);
    e.open_minor = s.int64(5);
    e.customer_id = static_cast<std::int32_t>(customer);
    e.days = day->days();
    e.text_at = static_cast<std::uint32_t>(preload_text_.size());
    e.text_size = static_cast<std::uint8_t>(ext.size());
    e.currency = static_cast<std::uint8_t>(c);
    preload_text_.append(ext);
    preload_.push_back(e);
  }
  if (preload_.size() >= UINT32_MAX / 4) return forget_preload();
  std::size_t size = 1024;
  while (size < preload_.size() * 2) size *= 2;
  preload_slots_.assign(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < preload_.size(); ++i) {
    const auto& e = preload_[i];
    std::size_t at = KeySet::hash(std::string_view(preload_text_.data() + e.text_at, e.text_size)) & mask;
    while (preload_slots_[at] != 0) at = (at + 1) & mask;
    preload_slots_[at] = static_cast<std::uint32_t>(i + 1);
  }
  preload_on_ = true;
}

std::optional<InvoiceRef> SqliteLedger::preloaded_invoice(std::string_view ext) const {
  const std::size_t mask = preload_slots_.size() - 1;
  for (std::size_t at = KeySet::hash(ext) & mask;; at = (at + 1) & mask) {
    const std::uint32_t v = preload_slots_[at];
    if (v == 0) return std::nullopt;
    const auto& e = preload_[v - 1];
    if (e.text_size == ext.size() && std::string_view(preload_text_.data() + e.text_at, e.text_size) == ext)
      return InvoiceRef{e.id, e.customer_id, preload_currencies_[e.currency], core::Date::from_days(e.days), e.open_minor};
  }
}

void SqliteLedger::preload_applied(std::int64_t id, std::int64_t amount) {
  if (!preload_on_) return;
  auto it = std::lower_bound(preload_.begin(), preload_.end(), id,
                             [](const PreloadedInvoice& e, std::int64_t v) { return e.id < v; });
  if (it != preload_.end() && it->id == id) it->open_minor -= amount;
}

void SqliteLedger::forget_preload() {
  std::vector<PreloadedInvoice>().swap(preload_);
  std::string().swap(preload_text_);
  std::vector<std::uint32_t>().swap(preload_slots_);
  preload_currencies_.clear();
  preload_on_ = false;
  if (cache_shrunk_) {
    db_.exec("PRAGMA cache_size=-65536");  // the size SqliteLedger's constructor sets
    cache_shrunk_ = false;
  }
}

void SqliteLedger::forget_keys() {
  invoice_keys_.clear();
  payment_keys_.clear();
  invoice_keys_known_ = invoices_keyed_ = false;
  payment_keys_known_ = payments_keyed_ = false;
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
    preload_applied(id, p.amount);
  }
}

void SqliteLedger::restore_indexes() {
  for (const auto& sql : dropped_schema_) db_.exec(sql.c_str());
  dropped_schema_.clear();
}

void SqliteLedger::reset_bulk() {
  bulk_invoices_.clear();
  buffer_invoices_ = false;
  next_invoice_id_ = 0;
  forget_keys();
  forget_preload();
  preload_tried_ = false;
  pending_invoices_.clear();
  pending_payments_.clear();
  bulk_apps_.clear();
  next_application_id_ = 0;
  buffered_payments_.clear();
  buffered_payment_index_.clear();
  bulk_pays_.clear();
  next_payment_id_ = 0;
  defer_invoice_updates_ = false;
  dropped_schema_.clear();  // the DROP INDEX / DROP TRIGGER statements roll back with the transaction
  any_opening_.reset();
}

}  // namespace otc::store::sqlite
