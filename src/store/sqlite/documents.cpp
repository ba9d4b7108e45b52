// The SQLite documents role: invoices as posted.
#include "sqlite_ledger.hpp"

#include <cctype>

namespace otc::store::sqlite {
namespace {

/// The stored record an insert met: id, content hash, where it came from.
constexpr const char* kStoredInvoice =
    "SELECT i.id, i.content_hash, b.file_name, i.source_line FROM invoices i LEFT JOIN import_batches b ON b.id=i.batch_id WHERE i.external_id=?1";

}  // namespace

PutResult SqliteLedger::put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash,
                                    std::int64_t batch, long line) {
  ensure_period_open(inv.invoice_date, "invoice date");
  if (buffer_invoices_)
    if (auto r = buffer_invoice(inv, customer_id, hash, batch, line)) return *r;
  auto& s = stmt(invoices_.put,
      "INSERT INTO invoices(external_id, customer_id, currency, invoice_date, due_date, total_minor, open_minor, last_activity, po_number, content_hash, batch_id, source_line)"
      " VALUES(?1,?2,?3,?4,?5,?6,?6,?4,?7,?8,?9,?10) ON CONFLICT(external_id) DO NOTHING");
  IsoDay inv_date(inv.invoice_date), due_date(inv.due_date);
  s.bind(1, inv.external_id).bind(2, customer_id).bind(3, inv.currency.view())
      .bind(4, inv_date.view()).bind(5, due_date.view()).bind(6, inv.total_minor)
      .bind_opt(7, inv.po_number).bind(8, static_cast<std::int64_t>(hash)).bind(9, batch).bind(10, static_cast<std::int64_t>(line));
  auto r = insert_keyed(s, inv.invoice_date, kStoredInvoice, invoices_.compare, inv.external_id, hash);
  if (invoices_keyed_ && r.outcome == PutOutcome::kInserted) invoice_keys_.insert(KeySet::hash(inv.external_id));
  return r;
}

std::optional<InvoiceRef> SqliteLedger::find_invoice(std::string_view ext) {
  flush_buffered_invoices();
  if (defer_invoice_updates_ && !preload_tried_) preload_invoices();  // a large payments load (bulk.cpp)
  std::optional<InvoiceRef> r;
  if (preload_on_) {
    r = preloaded_invoice(ext);
  } else {
    auto& s = stmt(invoices_.find, "SELECT id, customer_id, currency, invoice_date, open_minor FROM invoices WHERE external_id=?1 AND status='open'");
    s.bind(1, ext);
    if (s.step()) r = InvoiceRef{s.int64(0), s.int64(1), currency(s.text(2)), date_of(s.text(3)), s.int64(4)};
    s.reset();
  }
  if (r && !pending_invoices_.empty())
    if (auto it = pending_invoices_.find(r->id); it != pending_invoices_.end()) r->open_minor -= it->second.amount;
  return r;
}

// Imports of ERP/CRM exports (issue 13): customer currency, opening balances, credit memos read
// from invoice exports, lines of invoices otc did not bill.

std::string SqliteLedger::customer_currency(std::string_view ext) {
  Statement s(db_.handle(), "SELECT COALESCE(currency, '') FROM customers WHERE external_id=?1");
  s.bind(1, ext);
  std::string r;
  if (s.step()) r.assign(s.text(0));
  return r;
}

std::optional<std::pair<std::int64_t, core::Date>> SqliteLedger::opening_balance_of(std::int64_t invoice_id) {
  // Most ledgers hold none: one look per transaction instead of one per payment row.
  if (!any_opening_) {
    Statement any(db_.handle(), "SELECT EXISTS (SELECT 1 FROM adjustments WHERE kind='opening')");
    any_opening_ = any.step() && any.int64(0) != 0;
  }
  if (!*any_opening_) return std::nullopt;
  auto& s = stmt(invoices_.opening,
                 "SELECT SUM(amount_minor), MIN(adj_date) FROM adjustments WHERE invoice_id=?1 AND kind='opening'");
  s.bind(1, invoice_id);
  std::optional<std::pair<std::int64_t, core::Date>> r;
  if (s.step() && !s.is_null(0)) r = std::make_pair(s.int64(0), date_of(s.text(1)));
  s.reset();
  return r;
}

namespace {
constexpr const char* kStoredMemo =
    "SELECT m.id, m.content_hash, b.file_name, m.source_line FROM credit_memos m LEFT JOIN import_batches b ON b.id=m.batch_id"
    " WHERE m.external_id=?1";
}  // namespace

PutResult SqliteLedger::put_credit_memo_record(const domain::Invoice& memo, std::int64_t customer_id, std::string_view reason,
                                               std::uint64_t hash, std::int64_t batch, long line) {
  ensure_period_open(memo.invoice_date, "credit memo date");
  auto& s = stmt(invoices_.memo_put,
      "INSERT INTO credit_memos(external_id, customer_id, invoice_id, currency, memo_date, amount_minor, open_minor, last_activity,"
      " reason, batch_id, content_hash, source_line) VALUES(?1,?2,NULL,?3,?4,?5,?5,?4,?6,?7,?8,?9)"
      " ON CONFLICT(external_id) DO NOTHING");
  IsoDay day(memo.invoice_date);
  s.bind(1, memo.external_id).bind(2, customer_id).bind(3, memo.currency.view()).bind(4, day.view())
      .bind(5, memo.total_minor).bind(6, reason).bind(7, batch).bind(8, static_cast<std::int64_t>(hash))
      .bind(9, static_cast<std::int64_t>(line));
  return insert_keyed(s, memo.invoice_date, kStoredMemo, invoices_.memo_compare, memo.external_id, hash);
}

std::int64_t SqliteLedger::credit_memo_open(std::int64_t memo_id) {
  auto& s = stmt(invoices_.memo_open, "SELECT open_minor FROM credit_memos WHERE id=?1");
  s.bind(1, memo_id);
  std::int64_t open = s.step() ? s.int64(0) : 0;
  s.reset();
  return open;
}

void SqliteLedger::apply_credit_memo(std::int64_t memo_id, std::int64_t invoice_id, std::int64_t amount, core::Date on,
                                     std::int64_t batch) {
  ensure_period_open(on, "credit application date");
  flush_buffered_invoices();
  forget_preload();  // not kept equal to this change
  std::string day = on.iso();
  Statement app(db_.handle(),
                "INSERT INTO applications(invoice_id, credit_memo_id, amount_minor, applied_on, rule, confidence, batch_id)"
                " VALUES(?1,?2,?3,?4,'credit_memo',100,?5)");
  app.bind(1, invoice_id).bind(2, memo_id).bind(3, amount).bind(4, day);
  if (batch) app.bind(5, batch); else app.bind_null(5);
  app.step();
  Statement inv(db_.handle(), "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
  inv.bind(1, invoice_id).bind(2, amount).bind(3, day);
  inv.step();
  Statement memo(db_.handle(),
                 "UPDATE credit_memos SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3),"
                 " invoice_id=COALESCE(invoice_id, ?4) WHERE id=?1");
  memo.bind(1, memo_id).bind(2, amount).bind(3, day).bind(4, invoice_id);
  memo.step();
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

std::optional<InvoiceRef> SqliteLedger::find_customer_invoice_by_number(std::int64_t customer_id, std::string_view number) {
  if (auto exact = find_invoice(number); exact && exact->customer_id == customer_id) return exact;
  std::string want = number_key(number);
  if (want.empty()) return std::nullopt;
  flush_buffered_invoices();
  restore_indexes();  // a bulk invoice load dropped invoices_customer, which this reads by
  Statement s(db_.handle(),
              "SELECT id, customer_id, currency, invoice_date, open_minor, external_id FROM invoices"
              " WHERE customer_id=?1 AND status='open' AND open_minor > 0");
  s.bind(1, customer_id);
  std::optional<InvoiceRef> found;
  int n = 0;
  while (s.step()) {
    if (number_key(s.text(5)) != want) continue;
    if (++n > 1) return std::nullopt;  // ambiguous: leave the credit open
    found = InvoiceRef{s.int64(0), s.int64(1), currency(s.text(2)), date_of(s.text(3)), s.int64(4)};
  }
  return found;
}

void SqliteLedger::put_imported_lines(std::int64_t invoice_id, const std::vector<BilledLineRecord>& lines) {
  Statement s(db_.handle(),
              "INSERT INTO invoice_lines(invoice_id, line_no, description, quantity, unit_price, amount_minor, tax_minor,"
              " service_from, contract_id, contract_line, charge_date, charge_kind, product, discount_minor)"
              " VALUES(?1,?2,?3,?4,?5,?6,0,?7,?8,?9,?10,NULL,?11,?12)");
  for (const auto& l : lines) {
    std::string from = l.service_from ? l.service_from->iso() : std::string();
    std::string charge = l.charge_date ? l.charge_date->iso() : from;
    s.bind(1, invoice_id).bind(2, l.line_no).bind(3, l.product).bind_opt(4, l.quantity).bind_opt(5, l.unit_price)
        .bind(6, l.amount_minor).bind_opt(7, from).bind_opt(8, l.contract_id).bind_opt(9, l.contract_line).bind_opt(10, charge)
        .bind(11, l.product).bind(12, l.discount_minor);
    s.step();
    s.reset();
  }
}

std::vector<core::Money> SqliteLedger::open_credit_totals(core::Date as_of) {
  Statement s(db_.handle(),
              "SELECT currency, SUM(m.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM applications a"
              " WHERE a.credit_memo_id=m.id AND a.applied_on <= ?1), 0)) FROM credit_memos m"
              " WHERE m.memo_date <= ?1 AND (m.open_minor <> 0 OR m.last_activity > ?1) GROUP BY currency ORDER BY currency");
  std::string day = as_of.iso();
  s.bind(1, day);
  std::vector<core::Money> out;
  while (s.step())
    if (s.int64(1) != 0) out.push_back({s.int64(1), currency(s.text(0))});
  return out;
}

void SqliteLedger::for_each_period_document(
    core::Date from, core::Date to, const std::function<void(std::string_view, const core::Currency&, std::string_view)>& fn) {
  Statement s(db_.handle(),
              "SELECT 'invoiced', currency, external_id FROM invoices WHERE invoice_date BETWEEN ?1 AND ?2"
              " UNION ALL SELECT 'credited', currency, external_id FROM invoices WHERE status='void' AND last_activity BETWEEN ?1 AND ?2"
              " UNION ALL SELECT 'collected', currency, external_id FROM payments WHERE received_date BETWEEN ?1 AND ?2"
              "   AND NOT (COALESCE(method,'')='return' AND status='reversed')"
              " UNION ALL SELECT 'credited', currency, external_id FROM credit_memos WHERE memo_date BETWEEN ?1 AND ?2"
              " UNION ALL SELECT CASE WHEN j.kind='write_off' THEN 'written_off' ELSE 'credited' END, i.currency, i.external_id"
              "   FROM adjustments j JOIN invoices i ON i.id=j.invoice_id WHERE j.adj_date BETWEEN ?1 AND ?2 AND j.kind <> 'opening'");
  std::string f = from.iso(), t = to.iso();
  s.bind(1, f).bind(2, t);
  while (s.step()) fn(s.text(0), currency(s.text(1)), s.text(2));
}

}  // namespace otc::store::sqlite
