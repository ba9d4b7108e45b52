// The PostgreSQL billing role, second half: number sequences, billed invoices and their lines,
// voids, credit memos, releases for rebilling, and the billed lines billing reconciliation reads.
// The same statements as src/store/sqlite/billing_invoices.cpp; invoice lines and billed charges
// are buffered and written many rows per statement (row_arrays.hpp).
#include <exception>

#include "otc/core/error.hpp"
#include "otc/import/ar_rows.hpp"
#include "pg_ledger.hpp"

namespace otc::store::pg {
namespace {

using core::Date;
using core::Error;
using core::ErrorKind;

std::string issued_select(const char* tail) {
  return std::string(
             "SELECT i.id, i.external_id, i.customer_id, c.external_id, c.name, COALESCE(c.email, ''), i.currency,"
             " i.invoice_date, i.due_date, i.total_minor, i.open_minor, i.status,"
             " (SELECT COALESCE(SUM(a.amount_minor), 0) FROM applications a WHERE a.invoice_id = i.id AND a.payment_id IS NOT NULL),"
             " (SELECT COALESCE(SUM(a.amount_minor), 0) FROM applications a WHERE a.invoice_id = i.id AND a.credit_memo_id IS NOT NULL),"
             " (SELECT COALESCE(SUM(j.amount_minor), 0) FROM adjustments j WHERE j.invoice_id = i.id),"
             " (SELECT r.kind FROM invoice_releases r WHERE r.invoice_id = i.id)"
             " FROM invoices i JOIN customers c ON c.id = i.customer_id ") +
         tail;
}

std::optional<std::int64_t> opt_id(std::int64_t id) {
  if (id) return id;
  return std::nullopt;
}

}  // namespace

std::string PgLedger::next_number(std::string_view prefix) {
  // In a book pass the writer lock is held for the whole transaction: numbers after the first
  // are counted here (an invoice run takes one per invoice) and written back when it ends.
  if (in_book_)
    if (auto it = numbers_.find(prefix); it != numbers_.end()) return format_document_number(prefix, ++it->second);
  // One round trip: the first number of a prefix is 1, each later one the last plus one.
  auto r = db_.run("INSERT INTO number_sequences(prefix, last_value) VALUES($1, 1)"
                   " ON CONFLICT(prefix) DO UPDATE SET last_value = number_sequences.last_value + 1 RETURNING last_value",
                   {prefix});
  if (!r.next()) throw Error(ErrorKind::kLedger, "cannot take a number of sequence '" + std::string(prefix) + "'");
  const std::int64_t n = r.int64(0);
  if (in_book_) numbers_.emplace(std::string(prefix), n);
  return format_document_number(prefix, n);
}

std::int64_t PgLedger::last_number(std::string_view prefix) {
  if (auto it = numbers_.find(prefix); it != numbers_.end()) return it->second;
  auto r = db_.run("SELECT last_value FROM number_sequences WHERE prefix=$1", {prefix});
  return r.next() ? r.int64(0) : 0;
}

void PgLedger::write_numbers() {
  for (const auto& [prefix, n] : numbers_)
    db_.run("UPDATE number_sequences SET last_value=$2 WHERE prefix=$1", {prefix, n});
  numbers_.clear();
}

void PgLedger::set_last_number(std::string_view prefix, std::int64_t value) {
  numbers_.erase(std::string(prefix));
  db_.run("INSERT INTO number_sequences(prefix, last_value) VALUES($1, $2)"
          " ON CONFLICT(prefix) DO UPDATE SET last_value = excluded.last_value",
          {prefix, value});
}

std::int64_t PgLedger::post_invoice(const engine::InvoiceDraft& inv, std::int64_t customer_id, std::string_view number,
                                    std::int64_t batch_id) {
  domain::Invoice row;
  row.external_id.assign(number);
  row.customer_external_id = inv.customer;
  row.currency = inv.currency;
  row.invoice_date = inv.invoice_date;
  row.due_date = inv.due_date;
  row.total_minor = inv.total;
  auto put = put_invoice(row, customer_id, import::content_hash(row), batch_id, 0);
  if (put.outcome != PutOutcome::kInserted) {
    std::string where = put.existing_file.empty() ? std::string() : " (from " + put.existing_file +
                        (put.existing_line > 0 ? ":" + std::to_string(put.existing_line) : std::string()) + ")";
    throw Error(ErrorKind::kLedger, "invoice number " + row.external_id + " is already in the ledger" + where,
                {}, "number billed invoices with another --prefix");
  }
  note_activity(inv.invoice_date);
  // Outside a customer book the rows are written before returning; an error drops this
  // invoice's rows with the transaction the caller rolls back.
  struct Drop {
    PgLedger* self;
    bool armed;
    ~Drop() {
      if (armed && std::uncaught_exceptions()) {
        self->lines_.clear();
        self->billed_.clear();
      }
    }
  } drop{this, !in_book_};
  int line_no = 0;
  const engine::DraftLine* previous = nullptr;
  std::string day;
  for (const auto& l : inv.lines) {
    lines_.int64(put.id);
    lines_.int64(++line_no);
    lines_.text(l.description);
    lines_.text(engine::format_scaled(l.quantity, domain::kDecimalPlaces, 0));
    if (l.unit_price_micros)
      lines_.text(engine::format_scaled(*l.unit_price_micros, domain::kDecimalPlaces, inv.currency.exponent));
    else
      lines_.null();
    lines_.int64(l.money.amount);
    lines_.int64(l.money.tax);
    day.clear();
    l.period_start.append_iso(day);
    lines_.text(day);
    day.clear();
    l.period_end.append_iso(day);
    lines_.text(day);
    lines_.text(l.contract_id);
    lines_.text(l.line_id);
    day.clear();
    l.key.date.append_iso(day);
    lines_.text(day);
    lines_.text(engine::to_string(l.key.kind));
    lines_.text(l.product);
    lines_.int64(l.days);
    lines_.int64(l.full_days);
    lines_.int64(l.money.discount);
    lines_.int64(l.tax_rate_ppm);
    lines_.end_row(db_);
    // A charge is written once per invoice (its lines are usually adjacent; ON CONFLICT covers the rest).
    if (previous && previous->key == l.key && previous->contract_id == l.contract_id && previous->line_id == l.line_id)
      continue;
    previous = &l;
    billed_.int64(line_ref(l.contract_id, l.line_id));
    billed_.text(day);
    billed_.text(engine::to_string(l.key.kind));
    billed_.int64(put.id);
    billed_.end_row(db_);
  }
  if (!in_book_) flush_rows();
  return put.id;
}

std::optional<IssuedInvoice> PgLedger::find_issued_invoice(std::string_view number) {
  auto r = db_.run(issued_select("WHERE i.external_id=$1"), {number});
  if (!r.next()) return std::nullopt;
  return read_issued(r);
}

void PgLedger::for_each_billed_invoice(const std::function<void(const IssuedInvoice&)>& fn) {
  auto r = db_.run(issued_select("WHERE EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.charge_kind IS NOT NULL)"
                                 " ORDER BY i.id"));
  while (r.next()) fn(read_issued(r));
}

void PgLedger::load_lines(std::int64_t invoice_id, std::vector<IssuedLine>& out) {
  auto s = db_.run("SELECT l.line_no, l.description, COALESCE(l.product, ''), COALESCE(l.contract_id, ''),"
                   " COALESCE(l.contract_line, ''), l.charge_date, l.charge_kind, l.service_from, l.service_to,"
                   " COALESCE(l.quantity, ''), COALESCE(l.unit_price, ''), l.amount_minor, l.discount_minor, l.tax_minor,"
                   " l.tax_rate_ppm, COALESCE(c.amount_minor, 0)"
                   " FROM invoice_lines l LEFT JOIN credit_memo_lines c ON c.invoice_id = l.invoice_id AND c.line_no = l.line_no"
                   " WHERE l.invoice_id=$1 ORDER BY l.line_no",
                   {invoice_id});
  while (s.next()) {
    IssuedLine& l = out.emplace_back();
    l.line_no = static_cast<int>(s.int64(0));
    l.description.assign(s.text(1));
    l.product.assign(s.text(2));
    l.contract_id.assign(s.text(3));
    l.contract_line.assign(s.text(4));
    if (!s.is_null(5) && !s.is_null(6)) l.key = engine::ChargeKey{date_of(s.text(5)), charge_kind_of(s.text(6))};
    l.service_from = opt_date(s, 7);
    l.service_to = opt_date(s, 8);
    l.quantity.assign(s.text(9));
    l.unit_price.assign(s.text(10));
    l.amount = s.int64(11);
    l.discount = s.int64(12);
    l.tax = s.int64(13);
    l.tax_rate_ppm = s.int64(14);
    l.credited = s.int64(15);
  }
}

void PgLedger::void_invoice(std::int64_t invoice_id, Date on, std::string_view reason, std::int64_t batch_id) {
  // A void takes the invoice out of every report, so the period it is dated in must be open too.
  ensure_period_open(on, "void date");
  {
    auto d = db_.run("SELECT invoice_date FROM invoices WHERE id=$1", {invoice_id});
    if (d.next()) {
      if (auto date = core::parse_iso_date(d.text(0))) ensure_period_open(*date, "invoice date of the voided invoice");
    }
  }
  const std::string day = on.iso();
  auto u = db_.run("UPDATE invoices SET status='void', open_minor=0, last_activity=GREATEST(last_activity, $2)"
                   " WHERE id=$1 AND status='open'",
                   {invoice_id, day});
  if (u.affected() != 1) throw Error(ErrorKind::kLedger, "the invoice is not open: it cannot be voided");
  release(invoice_id, "void", day, reason, 0, batch_id);
  note_activity(on);
}

std::int64_t PgLedger::post_credit_memo(const CreditMemoDraft& m) {
  // Applied on the memo date, which the caller keeps on or after the invoice date.
  ensure_period_open(m.memo_date, "credit memo date");
  const std::string day = m.memo_date.iso();
  auto ins = db_.run("INSERT INTO credit_memos(id, external_id, customer_id, invoice_id, currency, memo_date, amount_minor, open_minor,"
                     " last_activity, reason, batch_id) VALUES((SELECT COALESCE(max(id), 0) + 1 FROM credit_memos), $1,$2,$3,$4,$5,$6,0,$5,$7,$8) RETURNING id",
                     {m.number, m.customer_id, m.invoice_id, m.currency.view(), day, m.amount, m.reason, opt_id(m.batch_id)});
  ins.next();
  std::int64_t memo_id = ins.int64(0);
  db_.run("INSERT INTO applications(id, invoice_id, credit_memo_id, amount_minor, applied_on, rule, confidence, batch_id)"
          " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM applications), $1,$2,$3,$4,'credit_memo',100,$5)",
          {m.invoice_id, memo_id, m.amount, day, opt_id(m.batch_id)});
  db_.run("UPDATE invoices SET open_minor=open_minor-$2, last_activity=GREATEST(last_activity, $3) WHERE id=$1",
          {m.invoice_id, m.amount, day});
  if (m.line_no)
    db_.run("INSERT INTO credit_memo_lines(credit_memo_id, invoice_id, line_no, amount_minor) VALUES($1,$2,$3,$4)",
            {memo_id, m.invoice_id, *m.line_no, m.amount});
  note_activity(m.memo_date);
  return memo_id;
}

void PgLedger::release_for_rebill(std::int64_t invoice_id, Date on, std::string_view reason, std::int64_t credit_memo_id,
                                  std::int64_t batch_id) {
  release(invoice_id, "rebill", on.iso(), reason, credit_memo_id, batch_id);
}

std::vector<engine::BilledCharge> PgLedger::charges_of(std::int64_t invoice_id) {
  auto s = db_.run("SELECT DISTINCT contract_id, contract_line, charge_date, charge_kind FROM invoice_lines"
                   " WHERE invoice_id=$1 AND charge_kind IS NOT NULL ORDER BY 1, 2, 3, 4",
                   {invoice_id});
  std::vector<engine::BilledCharge> out;
  while (s.next())
    out.push_back({std::string(s.text(0)), std::string(s.text(1)),
                   engine::ChargeKey{date_of(s.text(2)), charge_kind_of(s.text(3))}});
  return out;
}

void PgLedger::flush_rows() {
  lines_.flush(db_);
  billed_.flush(db_);
  write_numbers();
}

std::int64_t PgLedger::line_ref(std::string_view contract_id, std::string_view line_id) {
  if (auto c = line_refs_.find(contract_id); c != line_refs_.end())
    if (auto l = c->second.find(line_id); l != c->second.end()) return l->second;
  auto ref = find_contract_line(contract_id, line_id);
  if (!ref) throw Error(ErrorKind::kLedger, "contract " + std::string(contract_id) + " line " + std::string(line_id) + " is not in the ledger");
  return ref->id;
}

IssuedInvoice PgLedger::read_issued(const Result& s) {
  IssuedInvoice r;
  r.id = s.int64(0);
  r.number.assign(s.text(1));
  r.customer_id = s.int64(2);
  r.customer.assign(s.text(3));
  r.customer_name.assign(s.text(4));
  r.customer_email.assign(s.text(5));
  r.currency = currency(s.text(6));
  r.invoice_date = date_of(s.text(7));
  r.due_date = date_of(s.text(8));
  r.total = s.int64(9);
  r.open = s.int64(10);
  r.status.assign(s.text(11));
  r.paid = s.int64(12);
  r.credited = s.int64(13);
  r.adjusted = s.int64(14);
  if (!s.is_null(15)) r.released = std::string(s.text(15));
  return r;
}

void PgLedger::release(std::int64_t invoice_id, std::string_view kind, std::string_view day, std::string_view reason,
                       std::int64_t credit_memo_id, std::int64_t batch_id) {
  db_.run("INSERT INTO invoice_releases(invoice_id, kind, released_on, reason, credit_memo_id, batch_id)"
          " VALUES($1,$2,$3,$4,$5,$6)",
          {invoice_id, kind, day, reason, opt_id(credit_memo_id), opt_id(batch_id)});
}

void PgLedger::for_each_billed_line(std::optional<core::Date> from, std::optional<core::Date> to,
                                    const std::function<void(const BilledLineRecord&)>& fn) {
  std::string f = from ? from->iso() : std::string("0000-00-00"), t = to ? to->iso() : std::string("9999-12-31");
  auto s = db_.run("SELECT i.external_id, l.line_no, c.external_id, i.currency, l.contract_id, COALESCE(l.contract_line,''),"
                   " COALESCE(l.product,''), l.service_from, l.charge_date, COALESCE(l.quantity,''), COALESCE(l.unit_price,''),"
                   " l.amount_minor, l.discount_minor, COALESCE(m.amount_minor,0)"
                   " FROM invoices i JOIN invoice_lines l ON l.invoice_id=i.id JOIN customers c ON c.id=i.customer_id"
                   " LEFT JOIN credit_memo_lines m ON m.invoice_id=l.invoice_id AND m.line_no=l.line_no"
                   " WHERE i.status='open' AND l.contract_id IS NOT NULL"
                   " AND NOT EXISTS (SELECT 1 FROM invoice_releases r WHERE r.invoice_id=i.id)"
                   " AND COALESCE(l.service_from, l.charge_date, '') BETWEEN $1 AND $2"
                   " ORDER BY i.id, l.line_no",
                   {f, t});
  BilledLineRecord r;
  while (s.next()) {
    r.invoice.assign(s.text(0));
    r.line_no = static_cast<int>(s.int64(1));
    r.customer.assign(s.text(2));
    r.currency = currency(s.text(3));
    r.contract_id.assign(s.text(4));
    r.contract_line.assign(s.text(5));
    r.product.assign(s.text(6));
    r.service_from = s.is_null(7) ? std::nullopt : std::optional<core::Date>(date_of(s.text(7)));
    r.charge_date = s.is_null(8) ? std::nullopt : std::optional<core::Date>(date_of(s.text(8)));
    r.quantity.assign(s.text(9));
    r.unit_price.assign(s.text(10));
    r.amount_minor = s.int64(11);
    r.discount_minor = s.int64(12);
    r.credited_minor = s.int64(13);
    fn(r);
  }
}

}  // namespace otc::store::pg
