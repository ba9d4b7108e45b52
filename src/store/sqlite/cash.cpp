// The SQLite cash role: payments, applications, adjustments, returned items, bank keys and the
// suggestions kept for unapplied cash.
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {
namespace {

/// The stored record an insert met: id, content hash, where it came from.
constexpr const char* kStoredPayment =
    "SELECT p.id, p.content_hash, b.file_name, p.source_line FROM payments p LEFT JOIN import_batches b ON b.id=p.batch_id WHERE p.external_id=?1";

constexpr const char* kApplicationColumns =
    "SELECT a.id, a.invoice_id, i.external_id, a.payment_id, p.external_id, a.amount_minor, a.applied_on,"
    " EXISTS (SELECT 1 FROM applications r WHERE r.reverses_id = a.id)"
    " FROM applications a JOIN invoices i ON i.id=a.invoice_id JOIN payments p ON p.id=a.payment_id";

ApplicationRecord application_row(const Statement& s) {
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

}  // namespace

PutResult SqliteLedger::put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id, std::uint64_t hash,
                                    std::int64_t batch, long line) {
  ensure_period_open(p.received_date, "payment date");
  if (defer_invoice_updates_ && foreign_keys_off_ && p.bank_key.empty()) {
    // A large payments import (bulk.cpp): a payment neither buffered nor in the ledger is buffered;
    // any other goes the row-by-row way below, after the buffer is written.
    // A payment id never written by this load into a table empty before it is not known (KeySet).
    const std::uint64_t key = KeySet::hash(p.external_id);
    bool known = false;
    if (payment_may_exist(key)) {
      known = buffered_payment_index_.find(p.external_id) != buffered_payment_index_.end();
      if (!known) {
        auto& e = stmt(cash_.exists, "SELECT 1 FROM payments WHERE external_id=?1");
        e.bind(1, p.external_id);
        known = e.step();
        e.reset();
      }
    }
    if (!known) {
      if (next_payment_id_ == 0) {
        Statement s(db_.handle(), "SELECT COALESCE(max(id), 0) + 1 FROM payments");
        next_payment_id_ = s.step() ? s.int64(0) : 1;
      }
      if (buffered_payments_.size() >= kBufferedPayments) flush_buffered_payments();
      if (buffered_payments_.empty()) buffered_first_id_ = next_payment_id_;
      const std::int64_t id = next_payment_id_++;
      IsoDay check(p.received_date);  // the same guard as a bound date
      (void)check;
      buffered_payment_index_.emplace(p.external_id, buffered_payments_.size());
      buffered_payments_.push_back(BufferedPayment{p, customer_id, p.amount_minor, p.received_date, hash, batch, line});
      if (payments_keyed_) payment_keys_.insert(key);
      note_activity(p.received_date);
      return {PutOutcome::kInserted, id, {}, 0};
    }
    flush_buffered_payments();
  }
  auto& s = stmt(cash_.put,
      "INSERT INTO payments(external_id, customer_id, currency, received_date, amount_minor, unapplied_minor, last_activity, method, reference, payer_name, payer_account, content_hash, batch_id, source_line, bank_key, remittance)"
      " VALUES(?1,?2,?3,?4,?5,?5,?4,?6,?7,?8,?9,?10,?11,?12,?13,?14) ON CONFLICT(external_id) DO NOTHING");
  IsoDay date(p.received_date);
  s.bind(1, p.external_id);
  if (customer_id) s.bind(2, *customer_id); else s.bind_null(2);
  s.bind(3, p.currency.view()).bind(4, date.view()).bind(5, p.amount_minor).bind_opt(6, p.method)
      .bind_opt(7, p.reference).bind_opt(8, p.payer_name).bind_opt(9, p.payer_account)
      .bind(10, static_cast<std::int64_t>(hash)).bind(11, batch).bind(12, static_cast<std::int64_t>(line))
      .bind_opt(13, p.bank_key).bind_opt(14, p.remittance);
  auto r = insert_keyed(s, p.received_date, kStoredPayment, cash_.compare, p.external_id, hash);
  if (payments_keyed_ && r.outcome == PutOutcome::kInserted) payment_keys_.insert(KeySet::hash(p.external_id));
  return r;
}

std::optional<PaymentRef> SqliteLedger::find_payment(std::string_view ext) {
  if (auto it = buffered_payment_index_.find(ext); it != buffered_payment_index_.end()) {
    const auto& b = buffered_payments_[it->second];
    return PaymentRef{buffered_first_id_ + static_cast<std::int64_t>(it->second), b.customer_id, b.p.currency,
                      b.p.received_date, b.unapplied, false};
  }
  auto& s = stmt(cash_.find, "SELECT id, customer_id, currency, received_date, unapplied_minor, status FROM payments WHERE external_id=?1");
  s.bind(1, ext);
  std::optional<PaymentRef> r;
  if (s.step()) {
    r = PaymentRef{s.int64(0), std::nullopt, currency(s.text(2)), date_of(s.text(3)), s.int64(4), s.text(5) == "reversed"};
    if (!s.is_null(1)) r->customer_id = s.int64(1);
    if (auto it = pending_payments_.find(r->id); it != pending_payments_.end()) r->unapplied_minor -= it->second.amount;
  }
  s.reset();
  return r;
}

bool SqliteLedger::has_application(std::int64_t payment_id, std::int64_t invoice_id) {
  flush_bulk_applications();
  auto& s = stmt(cash_.has_app, "SELECT 1 FROM applications WHERE payment_id=?1 AND invoice_id=?2 LIMIT 1");
  s.bind(1, payment_id).bind(2, invoice_id);
  bool found = s.step();
  s.reset();
  return found;
}

std::int64_t SqliteLedger::apply(const ApplicationDraft& d) {
  ensure_period_open(d.applied_on, "application date");
  flush_buffered_invoices();
  IsoDay date(d.applied_on);
  std::string_view day = date.view();
  if (defer_invoice_updates_) {
    // A payments import (bulk.cpp): the application is buffered, the balances held back.
    if (next_application_id_ == 0) {
      Statement s(db_.handle(), "SELECT COALESCE(max(id), 0) + 1 FROM applications");
      next_application_id_ = s.step() ? s.int64(0) : 1;
    }
    const std::int64_t id = next_application_id_++;
    bulk_apps_.int64(id);
    bulk_apps_.int64(d.invoice_id);
    bulk_apps_.int64(d.payment_id);
    bulk_apps_.int64(d.amount_minor);
    bulk_apps_.text(day);
    bulk_apps_.text(d.rule);
    bulk_apps_.int64(d.confidence);
    if (d.batch_id) bulk_apps_.int64(d.batch_id); else bulk_apps_.null();
    if (d.reverses_id) bulk_apps_.int64(d.reverses_id); else bulk_apps_.null();
    if (d.note.empty()) bulk_apps_.null(); else bulk_apps_.text(d.note);
    bulk_apps_.end_row(db_.handle());
    note_activity(d.applied_on);
    auto& inv = pending_invoices_[d.invoice_id];
    inv.amount += d.amount_minor;
    if (d.applied_on > inv.last) inv.last = d.applied_on;
    if (auto* b = buffered_payment(d.payment_id)) {
      b->unapplied -= d.amount_minor;
      if (d.applied_on > b->last) b->last = d.applied_on;
    } else {
      auto& pay = pending_payments_[d.payment_id];
      pay.amount += d.amount_minor;
      if (d.applied_on > pay.last) pay.last = d.applied_on;
    }
    if (pending_invoices_.size() >= kMaxPendingInvoices || pending_payments_.size() >= kMaxPendingInvoices)
      flush_invoice_updates();
    return id;
  }
  forget_preload();  // row by row: not kept equal to the preloaded invoices
  auto& ins = stmt(cash_.apply_ins, "INSERT INTO applications(invoice_id, payment_id, amount_minor, applied_on, rule, confidence, batch_id, reverses_id, note) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  ins.bind(1, d.invoice_id).bind(2, d.payment_id).bind(3, d.amount_minor).bind(4, day).bind(5, d.rule).bind(6, d.confidence);
  if (d.batch_id) ins.bind(7, d.batch_id); else ins.bind_null(7);
  if (d.reverses_id) ins.bind(8, d.reverses_id); else ins.bind_null(8);
  ins.bind_opt(9, d.note);
  ins.step();
  ins.reset();
  std::int64_t id = db_.last_insert_id();
  note_activity(d.applied_on);
  {
    auto& inv = stmt(cash_.apply_inv, "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
    inv.bind(1, d.invoice_id).bind(2, d.amount_minor).bind(3, day);
    inv.step();
    inv.reset();
  }
  auto& pay = stmt(cash_.apply_pay, "UPDATE payments SET unapplied_minor=unapplied_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
  pay.bind(1, d.payment_id).bind(2, d.amount_minor).bind(3, day);
  pay.step();
  pay.reset();
  return id;
}

bool SqliteLedger::bank_key_exists(std::string_view key) {
  auto& s = stmt(cash_.bank_key, "SELECT 1 FROM payments WHERE bank_key=?1");
  s.bind(1, key);
  bool found = s.step();
  s.reset();
  return found;
}

void SqliteLedger::add_adjustment(std::int64_t invoice_id, std::string_view kind, std::string_view reason, std::int64_t amount,
                                  core::Date date, std::int64_t batch) {
  ensure_period_open(date, "adjustment date");
  flush_buffered_invoices();  // the invoice may be one of an invoices import's buffered rows
  if (kind == "opening") any_opening_ = true;
  std::string day = date.iso();
  auto& s = stmt(cash_.add_adj, "INSERT INTO adjustments(invoice_id, kind, reason_code, amount_minor, adj_date, batch_id) VALUES(?1,?2,?3,?4,?5,?6)");
  s.bind(1, invoice_id).bind(2, kind).bind(3, reason).bind(4, amount).bind(5, day);
  if (batch) s.bind(6, batch); else s.bind_null(6);
  s.step();
  s.reset();
  auto& u = stmt(cash_.adj_inv, "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
  u.bind(1, invoice_id).bind(2, amount).bind(3, day);
  u.step();
  u.reset();
  preload_applied(invoice_id, amount);
  note_activity(date);
}

std::vector<ApplicationRecord> SqliteLedger::applications_of_payment(std::int64_t payment_id) {
  Statement s(db_.handle(), std::string(kApplicationColumns) + " WHERE a.payment_id=?1 AND a.reverses_id IS NULL ORDER BY a.id");
  s.bind(1, payment_id);
  std::vector<ApplicationRecord> out;
  while (s.step()) out.push_back(application_row(s));
  return out;
}

std::optional<ApplicationRecord> SqliteLedger::find_application(std::int64_t id) {
  Statement s(db_.handle(), std::string(kApplicationColumns) + " WHERE a.id=?1 AND a.reverses_id IS NULL");
  s.bind(1, id);
  std::optional<ApplicationRecord> r;
  if (s.step()) r = application_row(s);
  return r;
}

void SqliteLedger::mark_payment_reversed(std::int64_t payment_id, core::Date on, std::string_view reason) {
  ensure_period_open(on, "reversal date");
  std::string day = on.iso();
  Statement s(db_.handle(),
              "UPDATE payments SET status='reversed', unapplied_minor=0, reversed_on=?2, reverse_reason=?3,"
              " last_activity=max(last_activity, ?2) WHERE id=?1");
  s.bind(1, payment_id).bind(2, day).bind(3, reason);
  s.step();
  note_activity(on);
}

void SqliteLedger::set_payment_customer(std::int64_t payment_id, std::int64_t customer_id) {
  Statement s(db_.handle(), "UPDATE payments SET customer_id=?2 WHERE id=?1");
  s.bind(1, payment_id).bind(2, customer_id);
  s.step();
}

void SqliteLedger::replace_suggestions(std::int64_t payment_id, const std::vector<Suggestion>& list) {
  auto& del = stmt(cash_.del_sugg, "DELETE FROM unapplied_suggestions WHERE payment_id=?1");
  del.bind(1, payment_id);
  del.step();
  del.reset();
  auto& ins = stmt(cash_.ins_sugg, "INSERT INTO unapplied_suggestions(payment_id, rank, kind, target, score, why) VALUES(?1,?2,?3,?4,?5,?6)");
  int rank = 0;
  for (const auto& sg : list) {
    ins.bind(1, payment_id).bind(2, ++rank).bind(3, sg.kind).bind(4, sg.target).bind(5, sg.score).bind(6, sg.why);
    ins.step();
    ins.reset();
  }
}

std::vector<PaymentCandidate> SqliteLedger::payments_with_amount(std::int64_t amount, const core::Currency& ccy,
                                                                 core::Date from, core::Date to) {
  Statement s(db_.handle(),
              "SELECT id, external_id, COALESCE(reference,''), COALESCE(payer_account,''), COALESCE(bank_key,''), received_date"
              " FROM payments WHERE amount_minor=?1 AND currency=?2 AND received_date BETWEEN ?3 AND ?4 AND status='posted' ORDER BY id");
  std::string f = from.iso(), t = to.iso();
  s.bind(1, amount).bind(2, ccy.view()).bind(3, f).bind(4, t);
  std::vector<PaymentCandidate> out;
  while (s.step()) {
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

}  // namespace otc::store::sqlite
