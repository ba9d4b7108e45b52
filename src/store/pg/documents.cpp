// The PostgreSQL documents role: invoices as posted (a port of src/store/sqlite/documents.cpp).
#include "pg_ledger.hpp"

#include <cctype>

namespace otc::store::pg {
namespace {

/// The stored record an insert met: id, content hash, where it came from.
constexpr std::string_view kFindInvoice =
    "SELECT id, customer_id, currency, invoice_date, open_minor FROM invoices WHERE external_id=$1 AND status='open'";
constexpr std::string_view kOpeningBalance =
    "SELECT SUM(amount_minor), MIN(adj_date) FROM adjustments WHERE invoice_id=$1 AND kind='opening'";

constexpr const char* kStoredInvoice =
    "SELECT i.id, i.content_hash, b.file_name, i.source_line FROM invoices i LEFT JOIN import_batches b ON b.id=i.batch_id WHERE i.external_id=$1";

}  // namespace

PutResult PgLedger::put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash, std::int64_t batch,
                                long line) {
  ensure_period_open(inv.invoice_date, "invoice date");
  IsoDay inv_date(inv.invoice_date), due_date(inv.due_date);
  if (writing_ && !bulk_kind_.empty()) start_bulk();
  if (writing_ && !write_behind_off_ && (bulk_invoices_ || ++invoice_puts_ > kWriteBehindAfter)) {
    if (!invoice_keys_loaded_) load_invoice_keys();
    if (auto it = invoice_keys_.find(inv.external_id); it != invoice_keys_.end()) {
      if (it->second.hash == hash) return {PutOutcome::kUnchanged, it->second.id, {}, 0};
      return compare_existing(kStoredInvoice, inv.external_id, hash);  // writes what is pending first
    }
    const std::int64_t id = next_invoice_id_++;
    invoice_keys_.emplace(inv.external_id, InvoiceKey{id, hash});
    pending_invoices_.push_back({inv.external_id, customer_id, std::string(inv.currency.view()), inv_date, due_date, inv.total_minor,
                                 inv.po_number, hash, batch, line});
    note_activity(inv.invoice_date);
    if (pending_invoices_.size() >= kWriteBehindRows) flush_invoices();
    return {PutOutcome::kInserted, id, {}, 0};
  }
  return insert_keyed(
      "INSERT INTO invoices(id, external_id, customer_id, currency, invoice_date, due_date, total_minor, open_minor, last_activity, po_number, content_hash, batch_id, source_line)"
      " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM invoices),$1,$2,$3,$4,$5,$6,$6,$4,$7,$8,$9,$10) ON CONFLICT(external_id) DO NOTHING RETURNING id",
      {inv.external_id, customer_id, inv.currency.view(), inv_date, due_date, inv.total_minor, Param::opt(inv.po_number),
       static_cast<std::int64_t>(hash), batch, static_cast<std::int64_t>(line)},
      inv.invoice_date, kStoredInvoice, inv.external_id, hash);
}

void PgLedger::load_invoice_keys() {
  invoice_keys_.clear();
  Result r = db_.run("SELECT external_id, id, content_hash FROM invoices");
  invoice_keys_.reserve(static_cast<std::size_t>(r.rows()) + kWriteBehindRows);
  std::int64_t max_id = 0;
  while (r.next()) {
    const std::int64_t id = r.int64(1);
    invoice_keys_.emplace(std::string(r.text(0)), InvoiceKey{id, static_cast<std::uint64_t>(r.int64(2))});
    if (id > max_id) max_id = id;
  }
  next_invoice_id_ = max_id + 1;
  invoice_keys_loaded_ = true;
}

void PgLedger::flush_invoices() {
  if (pending_invoices_.empty()) return;
  std::vector<PendingInvoice> rows;
  rows.swap(pending_invoices_);  // before the COPY: its own before-statement call finds nothing pending
  // Each invoice read back at once (an invoice-line export writes the lines of each invoice):
  // a COPY per row costs more than an INSERT, so this transaction goes on row by row.
  if (rows.size() < kWriteBehindMinFlush && !bulk_invoices_) write_behind_off_ = true;
  std::int64_t id = next_invoice_id_ - static_cast<std::int64_t>(rows.size());
  CopyIn copy(db_, "COPY invoices(id, external_id, customer_id, currency, invoice_date, due_date, total_minor, open_minor,"
                   " last_activity, po_number, content_hash, batch_id, source_line) FROM STDIN");
  for (const auto& p : rows) {
    copy.int64(id++).text(p.external_id).int64(p.customer_id).text(p.currency).text(p.invoice_date.view()).text(p.due_date.view());
    copy.int64(p.total_minor).int64(p.total_minor).text(p.invoice_date.view()).opt_text(p.po_number);
    copy.int64(static_cast<std::int64_t>(p.hash)).int64(p.batch).int64(static_cast<std::int64_t>(p.line));
    copy.end_row();
  }
  copy.finish();
}

void PgLedger::forget_invoice_keys() {
  invoice_puts_ = 0;
  if (bulk_active_) forget_bulk();  // the transaction ended inside a bulk load: its DDL went with it
  write_behind_off_ = false;
  invoice_keys_loaded_ = false;
  invoice_keys_.clear();
  pending_invoices_.clear();
}

void PgLedger::before_statement(std::string_view sql) {
  // A read or write that cannot see or need invoices (a customer lookup, an audit row) lets the
  // buffer fill; everything else (reports, applications and adjustments of an invoice, COMMIT,
  // savepoints, DDL) writes it first.
  auto starts = [&](std::string_view w) { return sql.substr(0, w.size()) == w; };
  const bool blind = (starts("SELECT ") || starts("INSERT INTO ") || starts("UPDATE ")) &&
                     sql.find("invoice") == std::string_view::npos;
  if (!blind) flush_invoices();
  if (bulk_payments_ && !(pending_payments_.empty() && pending_applications_.empty() && invoice_deltas_.empty())) {
    // Pending payments: anything that may read payments, applications or invoices writes them
    // first, except the two reads of a payments row that add in what is pending (or need not).
    const bool pay_blind = (sql == kFindInvoice || sql == kOpeningBalance ||
                            ((starts("SELECT ") || starts("INSERT INTO ") || starts("UPDATE ")) && sql.find("invoice") == std::string_view::npos &&
                             sql.find("payment") == std::string_view::npos && sql.find("application") == std::string_view::npos));
    if (!pay_blind) flush_payments();
  }
  // Another writer of invoices (billing, a per-row insert) takes ids the cache does not know.
  if (invoice_keys_loaded_ && sql.find("INSERT INTO invoices") != std::string_view::npos) {
    invoice_keys_loaded_ = false;
    invoice_keys_.clear();
  }
}

std::optional<InvoiceRef> PgLedger::find_invoice(std::string_view ext) {
  if (writing_ && bulk_payments_ && bulk_no_openings_) {
    // A payments load: every open invoice read once, then what the load applied taken off.
    if (!open_invoices_loaded_) {
      Result r = db_.run("SELECT external_id, id, customer_id, currency, invoice_date, open_minor FROM invoices WHERE status='open'");
      open_invoices_.clear();
      open_invoices_.reserve(static_cast<std::size_t>(r.rows()));
      while (r.next())
        open_invoices_.emplace(std::string(r.text(0)), InvoiceRef{r.int64(1), r.int64(2), currency(r.text(3)), date_of(r.text(4)), r.int64(5)});
      applied_deltas_.clear();  // the read wrote what was pending first: it is in these rows
      open_invoices_loaded_ = true;
    }
    auto it = open_invoices_.find(ext);
    if (it == open_invoices_.end()) return std::nullopt;
    InvoiceRef ref = it->second;
    if (auto a = applied_deltas_.find(ref.id); a != applied_deltas_.end()) ref.open_minor -= a->second;
    if (auto p = invoice_deltas_.find(ref.id); p != invoice_deltas_.end()) ref.open_minor -= p->second.first;
    return ref;
  }
  Result r = db_.run(kFindInvoice, {ext});
  if (!r.next()) return std::nullopt;
  InvoiceRef ref{r.int64(0), r.int64(1), currency(r.text(2)), date_of(r.text(3)), r.int64(4)};
  if (!invoice_deltas_.empty())
    if (auto it = invoice_deltas_.find(ref.id); it != invoice_deltas_.end()) ref.open_minor -= it->second.first;  // not yet written
  return ref;
}

std::string PgLedger::customer_currency(std::string_view ext) {
  Result r = db_.run("SELECT COALESCE(currency, '') FROM customers WHERE external_id=$1", {ext});
  return r.next() ? std::string(r.text(0)) : std::string();
}

std::optional<std::pair<std::int64_t, core::Date>> PgLedger::opening_balance_of(std::int64_t invoice_id) {
  if (bulk_no_openings_) return std::nullopt;  // a payments load into a ledger without opening balances
  Result r = db_.run(kOpeningBalance, {invoice_id});
  if (r.next() && !r.is_null(0)) return std::make_pair(r.int64(0), date_of(r.text(1)));
  return std::nullopt;
}

namespace {
constexpr const char* kStoredMemo =
    "SELECT m.id, m.content_hash, b.file_name, m.source_line FROM credit_memos m LEFT JOIN import_batches b ON b.id=m.batch_id"
    " WHERE m.external_id=$1";
}  // namespace

PutResult PgLedger::put_credit_memo_record(const domain::Invoice& memo, std::int64_t customer_id, std::string_view reason,
                                           std::uint64_t hash, std::int64_t batch, long line) {
  ensure_period_open(memo.invoice_date, "credit memo date");
  IsoDay day(memo.invoice_date);
  return insert_keyed(
      "INSERT INTO credit_memos(id, external_id, customer_id, invoice_id, currency, memo_date, amount_minor, open_minor, last_activity,"
      " reason, batch_id, content_hash, source_line) VALUES((SELECT COALESCE(max(id), 0) + 1 FROM credit_memos),$1,$2,NULL,$3,$4,$5,$5,$4,$6,$7,$8,$9)"
      " ON CONFLICT(external_id) DO NOTHING RETURNING id",
      {memo.external_id, customer_id, memo.currency.view(), day, memo.total_minor, reason, batch, static_cast<std::int64_t>(hash),
       static_cast<std::int64_t>(line)},
      memo.invoice_date, kStoredMemo, memo.external_id, hash);
}

std::int64_t PgLedger::credit_memo_open(std::int64_t memo_id) {
  Result r = db_.run("SELECT open_minor FROM credit_memos WHERE id=$1", {memo_id});
  return r.next() ? r.int64(0) : 0;
}

void PgLedger::apply_credit_memo(std::int64_t memo_id, std::int64_t invoice_id, std::int64_t amount, core::Date on,
                                 std::int64_t batch) {
  ensure_period_open(on, "credit application date");
  IsoDay day(on);
  db_.run("INSERT INTO applications(id, invoice_id, credit_memo_id, amount_minor, applied_on, rule, confidence, batch_id)"
          " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM applications),$1,$2,$3,$4,'credit_memo',100,$5)",
          {invoice_id, memo_id, amount, day, batch ? Param(batch) : Param::null()});
  db_.run("UPDATE invoices SET open_minor=open_minor-$2, last_activity=GREATEST(last_activity, $3::text) WHERE id=$1",
          {invoice_id, amount, day});
  db_.run("UPDATE credit_memos SET open_minor=open_minor-$2, last_activity=GREATEST(last_activity, $3::text),"
          " invoice_id=COALESCE(invoice_id, $4) WHERE id=$1",
          {memo_id, amount, day, invoice_id});
  note_activity(on);
}

namespace {
/// An invoice number as memo text and ledgers write it: "INV-2047", "#2047" and "2047" compare equal.
std::string number_key(std::string_view n) {
  std::string out;
  for (unsigned char c : n)
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  std::size_t digits = out.find_first_of("0123456789");
  if (digits != std::string::npos && out.find_first_not_of("0123456789", digits) == std::string::npos) {
    std::size_t nz = out.find_first_not_of('0', digits);
    return nz == std::string::npos ? "0" : out.substr(nz);
  }
  return out;
}
}  // namespace

std::optional<InvoiceRef> PgLedger::find_customer_invoice_by_number(std::int64_t customer_id, std::string_view number) {
  if (auto exact = find_invoice(number); exact && exact->customer_id == customer_id) return exact;
  std::string want = number_key(number);
  if (want.empty()) return std::nullopt;
  // SQLite walks the rows in rowid order; the same order here.
  Result r = db_.run("SELECT id, customer_id, currency, invoice_date, open_minor, external_id FROM invoices"
                     " WHERE customer_id=$1 AND status='open' AND open_minor > 0 ORDER BY id",
                     {customer_id});
  std::optional<InvoiceRef> found;
  int n = 0;
  while (r.next()) {
    if (number_key(r.text(5)) != want) continue;
    if (++n > 1) return std::nullopt;  // ambiguous: leave the credit open
    found = InvoiceRef{r.int64(0), r.int64(1), currency(r.text(2)), date_of(r.text(3)), r.int64(4)};
  }
  return found;
}

void PgLedger::put_imported_lines(std::int64_t invoice_id, const std::vector<BilledLineRecord>& lines) {
  for (const auto& l : lines) {
    std::string from = l.service_from ? l.service_from->iso() : std::string();
    std::string charge = l.charge_date ? l.charge_date->iso() : from;
    db_.run("INSERT INTO invoice_lines(invoice_id, line_no, description, quantity, unit_price, amount_minor, tax_minor,"
            " service_from, contract_id, contract_line, charge_date, charge_kind, product, discount_minor)"
            " VALUES($1,$2,$3,$4,$5,$6,0,$7,$8,$9,$10,NULL,$11,$12)",
            {invoice_id, static_cast<std::int64_t>(l.line_no), l.product, Param::opt(l.quantity), Param::opt(l.unit_price),
             l.amount_minor, Param::opt(from), Param::opt(l.contract_id), Param::opt(l.contract_line), Param::opt(charge), l.product,
             l.discount_minor});
  }
}

std::vector<core::Money> PgLedger::open_credit_totals(core::Date as_of) {
  IsoDay day(as_of);
  Result r = db_.run("SELECT currency, SUM(m.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM applications a"
                     " WHERE a.credit_memo_id=m.id AND a.applied_on <= $1::text), 0)) FROM credit_memos m"
                     " WHERE m.memo_date <= $1::text AND (m.open_minor <> 0 OR m.last_activity > $1::text) GROUP BY currency ORDER BY currency",
                     {day});
  std::vector<core::Money> out;
  while (r.next())
    if (r.int64(1) != 0) out.push_back({r.int64(1), currency(r.text(0))});
  return out;
}

void PgLedger::for_each_period_document(
    core::Date from, core::Date to, const std::function<void(std::string_view, const core::Currency&, std::string_view)>& fn) {
  IsoDay f(from), t(to);
  // SQLite reads each part in rowid order, one after the other: the same order, said explicitly.
  Result r = db_.run(
      "SELECT k, c, e FROM ("
      " SELECT 1 AS p, id, 'invoiced' AS k, currency AS c, external_id AS e FROM invoices WHERE invoice_date BETWEEN $1::text AND $2::text"
      " UNION ALL SELECT 2, id, 'credited', currency, external_id FROM invoices WHERE status='void' AND last_activity BETWEEN $1::text AND $2::text"
      " UNION ALL SELECT 3, id, 'collected', currency, external_id FROM payments WHERE received_date BETWEEN $1::text AND $2::text"
      "   AND NOT (COALESCE(method,'')='return' AND status='reversed')"
      " UNION ALL SELECT 4, id, 'credited', currency, external_id FROM credit_memos WHERE memo_date BETWEEN $1::text AND $2::text"
      " UNION ALL SELECT 5, j.id, CASE WHEN j.kind='write_off' THEN 'written_off' ELSE 'credited' END, i.currency, i.external_id"
      "   FROM adjustments j JOIN invoices i ON i.id=j.invoice_id WHERE j.adj_date BETWEEN $1::text AND $2::text AND j.kind <> 'opening'"
      ") d ORDER BY p, id",
      {f, t});
  while (r.next()) fn(r.text(0), currency(r.text(1)), r.text(2));
}

}  // namespace otc::store::pg
