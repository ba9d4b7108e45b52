// The PostgreSQL cash role: payments, applications, adjustments, returned items, bank keys and the
// suggestions kept for unapplied cash (a port of src/store/sqlite/cash.cpp).
#include <algorithm>

#include "pg_ledger.hpp"

namespace otc::store::pg {
namespace {

/// The stored record an insert met: id, content hash, where it came from.
constexpr const char* kStoredPayment =
    "SELECT p.id, p.content_hash, b.file_name, p.source_line FROM payments p LEFT JOIN import_batches b ON b.id=p.batch_id WHERE p.external_id=$1";

constexpr const char* kApplicationColumns =
    "SELECT a.id, a.invoice_id, i.external_id, a.payment_id, p.external_id, a.amount_minor, a.applied_on,"
    " EXISTS (SELECT 1 FROM applications r WHERE r.reverses_id = a.id)"
    " FROM applications a JOIN invoices i ON i.id=a.invoice_id JOIN payments p ON p.id=a.payment_id";

ApplicationRecord application_row(const Result& s) {
  ApplicationRecord r;
  r.id = s.int64(0);
  r.invoice_id = s.int64(1);
  r.invoice_external_id.assign(s.text(2));
  r.payment_id = s.int64(3);
  r.payment_external_id.assign(s.text(4));
  r.amount_minor = s.int64(5);
  r.applied_on = date_of(s.text(6));
  r.reversed = s.int64(7) != 0;
  return r;
}

Param id_or_null(std::int64_t id) { return id ? Param(id) : Param::null(); }

}  // namespace

PutResult PgLedger::put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id, std::uint64_t hash,
                                std::int64_t batch, long line) {
  ensure_period_open(p.received_date, "payment date");
  if (writing_ && !bulk_kind_.empty()) start_bulk();
  if (writing_ && bulk_payments_) {
    if (!payment_keys_loaded_) {
      Result r = db_.run("SELECT external_id, id, content_hash FROM payments");
      payment_keys_.clear();
      payment_keys_.reserve(static_cast<std::size_t>(r.rows()) + 1024);
      std::int64_t max_id = 0;
      while (r.next()) {
        const std::int64_t id = r.int64(1);
        payment_keys_.emplace(std::string(r.text(0)), InvoiceKey{id, static_cast<std::uint64_t>(r.int64(2))});
        max_id = std::max(max_id, id);
      }
      next_payment_id_ = first_pending_payment_ = max_id + 1;
      next_application_id_ = db_.run("SELECT COALESCE(max(id), 0) + 1 FROM applications").int64_at(0, 0);
      payment_keys_loaded_ = true;
    }
    if (auto it = payment_keys_.find(p.external_id); it != payment_keys_.end()) {
      if (it->second.hash == hash) return {PutOutcome::kUnchanged, it->second.id, {}, 0};
      return compare_existing(kStoredPayment, p.external_id, hash);  // writes what is pending first
    }
    const std::int64_t id = next_payment_id_++;
    payment_keys_.emplace(p.external_id, InvoiceKey{id, hash});
    IsoDay day(p.received_date);
    pending_payments_.push_back({p, customer_id, hash, batch, line, p.amount_minor, std::string(day.view())});
    note_activity(p.received_date);
    if (pending_payments_.size() >= kWriteBehindPayments) flush_payments();
    return {PutOutcome::kInserted, id, {}, 0};
  }
  IsoDay date(p.received_date);
  return insert_keyed(
      "INSERT INTO payments(id, external_id, customer_id, currency, received_date, amount_minor, unapplied_minor, last_activity, method, reference, payer_name, payer_account, content_hash, batch_id, source_line, bank_key, remittance)"
      " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM payments),$1,$2,$3,$4,$5,$5,$4,$6,$7,$8,$9,$10,$11,$12,$13,$14) ON CONFLICT(external_id) DO NOTHING RETURNING id",
      {p.external_id, customer_id, p.currency.view(), date, p.amount_minor, Param::opt(p.method), Param::opt(p.reference),
       Param::opt(p.payer_name), Param::opt(p.payer_account), static_cast<std::int64_t>(hash), batch, static_cast<std::int64_t>(line),
       Param::opt(p.bank_key), Param::opt(p.remittance)},
      p.received_date, kStoredPayment, p.external_id, hash);
}

std::optional<PaymentRef> PgLedger::find_payment(std::string_view ext) {
  Result s = db_.run("SELECT id, customer_id, currency, received_date, unapplied_minor, status FROM payments WHERE external_id=$1", {ext});
  if (!s.next()) return std::nullopt;
  PaymentRef r{s.int64(0), std::nullopt, currency(s.text(2)), date_of(s.text(3)), s.int64(4), s.text(5) == "reversed"};
  if (!s.is_null(1)) r.customer_id = s.int64(1);
  return r;
}

bool PgLedger::has_application(std::int64_t payment_id, std::int64_t invoice_id) {
  return !db_.run("SELECT 1 FROM applications WHERE payment_id=$1 AND invoice_id=$2 LIMIT 1", {payment_id, invoice_id}).empty();
}

std::int64_t PgLedger::apply(const ApplicationDraft& d) {
  ensure_period_open(d.applied_on, "application date");
  IsoDay day(d.applied_on);
  if (bulk_payments_ && d.reverses_id == 0 && d.payment_id >= first_pending_payment_ &&
      d.payment_id - first_pending_payment_ < static_cast<std::int64_t>(pending_payments_.size())) {
    // A payment of this load not yet written: the application waits with it (no statement runs
    // here: one would write the pending rows first).
    const std::int64_t id = next_application_id_++;
    const std::string when(day.view());
    pending_applications_.push_back({id, d.invoice_id, d.payment_id, d.amount_minor, when, d.rule, d.confidence, d.batch_id, d.note});
    auto& pay = pending_payments_[static_cast<std::size_t>(d.payment_id - first_pending_payment_)];
    pay.unapplied -= d.amount_minor;
    if (when > pay.last) pay.last = when;
    auto& delta = invoice_deltas_[d.invoice_id];
    delta.first += d.amount_minor;
    if (when > delta.second) delta.second = when;
    note_activity(d.applied_on);
    return id;
  }
  // One round trip: the application and both balances (data-modifying CTEs all run).
  Result ins = db_.run(
      "WITH app AS (INSERT INTO applications(id, invoice_id, payment_id, amount_minor, applied_on, rule, confidence, batch_id, reverses_id, note)"
      " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM applications),$1,$2,$3,$4::text,$5,$6,$7,$8,$9) RETURNING id),"
      " inv AS (UPDATE invoices SET open_minor=open_minor-$3, last_activity=GREATEST(last_activity, $4::text) WHERE id=$1),"
      " pay AS (UPDATE payments SET unapplied_minor=unapplied_minor-$3, last_activity=GREATEST(last_activity, $4::text) WHERE id=$2)"
      " SELECT id FROM app",
      {d.invoice_id, d.payment_id, d.amount_minor, day, d.rule, static_cast<std::int64_t>(d.confidence), id_or_null(d.batch_id),
       id_or_null(d.reverses_id), Param::opt(d.note)});
  ins.next();
  std::int64_t id = ins.int64(0);
  if (bulk_payments_) {
    next_application_id_ = id + 1;  // the ids of applications still to come
    if (open_invoices_loaded_) applied_deltas_[d.invoice_id] += d.amount_minor;
  }
  note_activity(d.applied_on);
  return id;
}

bool PgLedger::bank_key_exists(std::string_view key) {
  return !db_.run("SELECT 1 FROM payments WHERE bank_key=$1", {key}).empty();
}

void PgLedger::add_adjustment(std::int64_t invoice_id, std::string_view kind, std::string_view reason, std::int64_t amount,
                              core::Date date, std::int64_t batch) {
  ensure_period_open(date, "adjustment date");
  std::string day = date.iso();
  db_.run("WITH adj AS (INSERT INTO adjustments(id, invoice_id, kind, reason_code, amount_minor, adj_date, batch_id)"
          " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM adjustments),$1,$2,$3,$4,$5::text,$6))"
          " UPDATE invoices SET open_minor=open_minor-$4, last_activity=GREATEST(last_activity, $5::text) WHERE id=$1",
          {invoice_id, kind, reason, amount, day, id_or_null(batch)});
  note_activity(date);
}

std::vector<ApplicationRecord> PgLedger::applications_of_payment(std::int64_t payment_id) {
  Result s = db_.run(std::string(kApplicationColumns) + " WHERE a.payment_id=$1 AND a.reverses_id IS NULL ORDER BY a.id", {payment_id});
  std::vector<ApplicationRecord> out;
  while (s.next()) out.push_back(application_row(s));
  return out;
}

std::optional<ApplicationRecord> PgLedger::find_application(std::int64_t id) {
  Result s = db_.run(std::string(kApplicationColumns) + " WHERE a.id=$1 AND a.reverses_id IS NULL", {id});
  if (!s.next()) return std::nullopt;
  return application_row(s);
}

void PgLedger::mark_payment_reversed(std::int64_t payment_id, core::Date on, std::string_view reason) {
  ensure_period_open(on, "reversal date");
  std::string day = on.iso();
  db_.run("UPDATE payments SET status='reversed', unapplied_minor=0, reversed_on=$2::text, reverse_reason=$3,"
          " last_activity=GREATEST(last_activity, $2::text) WHERE id=$1",
          {payment_id, day, reason});
  note_activity(on);
}

void PgLedger::set_payment_customer(std::int64_t payment_id, std::int64_t customer_id) {
  db_.run("UPDATE payments SET customer_id=$2 WHERE id=$1", {payment_id, customer_id});
}

void PgLedger::replace_suggestions(std::int64_t payment_id, const std::vector<Suggestion>& list) {
  db_.run("DELETE FROM unapplied_suggestions WHERE payment_id=$1", {payment_id});
  std::int64_t rank = 0;
  for (const auto& sg : list)
    db_.run("INSERT INTO unapplied_suggestions(payment_id, rank, kind, target, score, why) VALUES($1,$2,$3,$4,$5,$6)",
            {payment_id, ++rank, sg.kind, sg.target, static_cast<std::int64_t>(sg.score), sg.why});
}

std::vector<PaymentCandidate> PgLedger::payments_with_amount(std::int64_t amount, const core::Currency& ccy, core::Date from,
                                                             core::Date to) {
  std::string f = from.iso(), t = to.iso();
  Result s = db_.run(
      "SELECT id, external_id, COALESCE(reference,''), COALESCE(payer_account,''), COALESCE(bank_key,''), received_date"
      " FROM payments WHERE amount_minor=$1 AND currency=$2 AND received_date BETWEEN $3::text AND $4::text AND status='posted' ORDER BY id",
      {amount, ccy.view(), f, t});
  std::vector<PaymentCandidate> out;
  while (s.next()) {
    PaymentCandidate c;
    c.id = s.int64(0);
    c.external_id.assign(s.text(1));
    c.reference.assign(s.text(2));
    c.payer_account.assign(s.text(3));
    c.bank_key.assign(s.text(4));
    c.received_date = date_of(s.text(5));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace otc::store::pg
