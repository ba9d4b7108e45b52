// The PostgreSQL collections role: notes, promises and plans, disputes, dunning notices,
// escalations, write-off approvals, and the reads collections needs. The same statements as the
// SQLite role (src/store/sqlite/collections.cpp), in PostgreSQL's dialect, with the same row order.
#include <charconv>

#include "../customer_event_rows.hpp"
#include "otc/core/error.hpp"
#include "pg_ledger.hpp"

namespace otc::store::pg {
namespace {

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

std::vector<std::int64_t> split_ids(std::string_view text) {
  std::vector<std::int64_t> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) comma = text.size();
    std::int64_t v = 0;
    std::from_chars(text.data() + pos, text.data() + comma, v);
    out.push_back(v);
    pos = comma + 1;
  }
  return out;
}

std::string str(const Result& r, int col) { return std::string(r.text(col)); }

constexpr const char* kContactColumns =
    "SELECT id, external_id, name, COALESCE(email,''), credit_limit, COALESCE(currency,''), terms_days FROM customers";

CustomerContact contact_row(const Result& r) {
  CustomerContact c{r.int64(0), str(r, 1), str(r, 2), str(r, 3), std::nullopt, str(r, 5), std::nullopt};
  if (!r.is_null(4)) c.credit_limit = r.int64(4);
  if (!r.is_null(6)) c.terms_days = static_cast<int>(r.int64(6));
  return c;
}

}  // namespace

std::optional<CustomerContact> PgLedger::find_customer_contact(std::string_view ext) {
  auto r = db_.run(std::string(kContactColumns) + " WHERE external_id=$1", {ext});
  if (!r.next()) return std::nullopt;
  return contact_row(r);
}

void PgLedger::for_each_customer_contact(const std::function<void(const CustomerContact&)>& fn) {
  auto r = db_.run(std::string(kContactColumns) + " ORDER BY external_id");
  while (r.next()) fn(contact_row(r));
}

std::optional<std::int64_t> PgLedger::add_note(const NoteRecord& n) {
  const std::string day = n.date.iso();
  std::string now = utc_timestamp();
  auto r = db_.run("INSERT INTO collection_notes(id, customer_id, invoice_id, note_date, kind, body, created_at)"
                   " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM collection_notes), $1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING RETURNING id",
                   {n.customer_id, n.invoice_id, day, n.kind, n.text, now});
  if (!r.next()) return std::nullopt;
  return r.int64(0);
}

std::vector<NoteRecord> PgLedger::notes(core::Date as_of, std::optional<std::int64_t> customer_id) {
  const std::string day = as_of.iso();
  auto r = db_.run("SELECT n.id, n.customer_id, n.invoice_id, COALESCE(i.external_id,''), n.note_date, n.kind, n.body"
                   " FROM collection_notes n LEFT JOIN invoices i ON i.id=n.invoice_id"
                   " WHERE n.note_date <= $1 AND ($2::bigint IS NULL OR n.customer_id = $2::bigint) ORDER BY n.note_date, n.id",
                   {day, customer_id});
  std::vector<NoteRecord> out;
  while (r.next()) {
    NoteRecord n;
    n.id = r.int64(0);
    n.customer_id = r.int64(1);
    if (!r.is_null(2)) n.invoice_id = r.int64(2);
    n.invoice = str(r, 3);
    n.date = date_of(r.text(4));
    n.kind = str(r, 5);
    n.text = str(r, 6);
    out.push_back(std::move(n));
  }
  return out;
}

std::optional<std::int64_t> PgLedger::add_promise(const PromiseRecord& p) {
  const std::string made = p.made_on.iso(), due = p.due_date.iso();
  std::string ids = join_ids(p.invoice_ids), now = utc_timestamp();
  std::optional<std::int64_t> installment;
  if (p.installment) installment = p.installment;
  auto r = db_.run("INSERT INTO promises(id, customer_id, currency, amount_minor, made_on, due_date, invoices, plan_id,"
                   " installment, created_at) VALUES((SELECT COALESCE(max(id), 0) + 1 FROM promises), $1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING RETURNING id",
                   {p.customer_id, p.currency.view(), p.amount_minor, made, due, ids, p.plan_id, installment, now});
  if (!r.next()) return std::nullopt;
  return r.int64(0);
}

std::pair<std::int64_t, bool> PgLedger::add_plan(const PlanDraft& p) {
  const std::string first = p.first_date.iso(), made = p.made_on.iso();
  {
    auto f = db_.run("SELECT id FROM payment_plans WHERE customer_id=$1 AND currency=$2 AND total_minor=$3"
                     " AND installments=$4 AND every=$5 AND first_date=$6",
                     {p.customer_id, p.currency.view(), p.total_minor, p.installments, p.every, first});
    if (f.next()) return {f.int64(0), false};
  }
  std::string now = utc_timestamp();
  auto r = db_.run("INSERT INTO payment_plans(id, customer_id, currency, total_minor, installments, every, first_date,"
                   " made_on, created_at) VALUES((SELECT COALESCE(max(id), 0) + 1 FROM payment_plans), $1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                   {p.customer_id, p.currency.view(), p.total_minor, p.installments, p.every, first, made, now});
  r.next();
  return {r.int64(0), true};
}

std::vector<PromiseRecord> PgLedger::promises(core::Date as_of) {
  const std::string day = as_of.iso();
  auto r = db_.run("SELECT id, customer_id, currency, amount_minor, made_on, due_date, invoices, plan_id,"
                   " COALESCE(installment, 0) FROM promises WHERE made_on <= $1 ORDER BY customer_id, due_date, id",
                   {day});
  std::vector<PromiseRecord> out;
  while (r.next()) {
    PromiseRecord p;
    p.id = r.int64(0);
    p.customer_id = r.int64(1);
    p.currency = currency(r.text(2));
    p.amount_minor = r.int64(3);
    p.made_on = date_of(r.text(4));
    p.due_date = date_of(r.text(5));
    p.invoice_ids = split_ids(r.text(6));
    if (!r.is_null(7)) p.plan_id = r.int64(7);
    p.installment = static_cast<int>(r.int64(8));
    out.push_back(std::move(p));
  }
  for (auto& p : out) {
    for (auto id : p.invoice_ids) {
      auto n = db_.run("SELECT external_id FROM invoices WHERE id=$1", {id});
      if (n.next()) p.invoices += (p.invoices.empty() ? "" : ",") + str(n, 0);
    }
  }
  return out;
}

namespace {
constexpr const char* kDisputeColumns =
    "SELECT d.id, d.invoice_id, i.external_id, i.customer_id, i.currency, d.amount_minor, d.reason, d.owner, d.opened_on,"
    " d.note, d.resolved_on, COALESCE(d.outcome,''), COALESCE(d.resolution_note,''), COALESCE(d.credit_memo,'')"
    " FROM disputes d JOIN invoices i ON i.id=d.invoice_id";

DisputeRecord dispute_row(const Result& r, const std::function<core::Currency(std::string_view)>& ccy) {
  DisputeRecord d;
  d.id = r.int64(0);
  d.invoice_id = r.int64(1);
  d.invoice = str(r, 2);
  d.customer_id = r.int64(3);
  d.currency = ccy(r.text(4));
  d.amount_minor = r.int64(5);
  d.reason = str(r, 6);
  d.owner = str(r, 7);
  d.opened_on = date_of(r.text(8));
  d.note = str(r, 9);
  d.resolved_on = opt_date(r, 10);
  d.outcome = str(r, 11);
  d.resolution_note = str(r, 12);
  d.credit_memo = str(r, 13);
  return d;
}
}  // namespace

std::int64_t PgLedger::add_dispute(const DisputeRecord& d) {
  const std::string day = d.opened_on.iso();
  std::string now = utc_timestamp();
  auto r = db_.run("INSERT INTO disputes(id, invoice_id, amount_minor, reason, owner, opened_on, note, created_at)"
                   " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM disputes), $1,$2,$3,$4,$5,$6,$7) RETURNING id",
                   {d.invoice_id, d.amount_minor, d.reason, d.owner, day, d.note, now});
  r.next();
  return r.int64(0);
}

std::optional<DisputeRecord> PgLedger::find_dispute(std::int64_t id) {
  auto r = db_.run(std::string(kDisputeColumns) + " WHERE d.id=$1", {id});
  if (!r.next()) return std::nullopt;
  return dispute_row(r, [this](std::string_view c) { return currency(c); });
}

std::optional<DisputeRecord> PgLedger::find_same_dispute(std::int64_t invoice_id, core::Date opened_on, std::int64_t amount,
                                                         std::string_view reason) {
  const std::string day = opened_on.iso();
  auto r = db_.run(std::string(kDisputeColumns) +
                       " WHERE d.invoice_id=$1 AND d.opened_on=$2 AND d.amount_minor=$3 AND d.reason=$4 ORDER BY d.id",
                   {invoice_id, day, amount, reason});
  if (!r.next()) return std::nullopt;
  return dispute_row(r, [this](std::string_view c) { return currency(c); });
}

void PgLedger::resolve_dispute(std::int64_t id, core::Date on, std::string_view outcome, std::string_view note,
                               std::string_view credit_memo) {
  const std::string day = on.iso();
  db_.run("UPDATE disputes SET resolved_on=$2, outcome=$3, resolution_note=$4, credit_memo=$5"
          " WHERE id=$1 AND resolved_on IS NULL",
          {id, day, outcome, note, Param::opt(credit_memo)});
}

std::vector<DisputeRecord> PgLedger::disputes(core::Date as_of) {
  const std::string day = as_of.iso();
  auto r = db_.run(std::string(kDisputeColumns) + " WHERE d.opened_on <= $1 ORDER BY d.id", {day});
  std::vector<DisputeRecord> out;
  while (r.next()) out.push_back(dispute_row(r, [this](std::string_view c) { return currency(c); }));
  return out;
}

std::int64_t PgLedger::add_dunning(const DunningRecord& n) {
  const std::string day = n.sent_on.iso();
  std::string ids = join_ids(n.invoice_ids), now = utc_timestamp();
  auto r = db_.run("INSERT INTO dunning_notices(id, customer_id, currency, level, sent_on, template, channel, file_name,"
                   " past_due_minor, invoices, created_at) VALUES((SELECT COALESCE(max(id), 0) + 1 FROM dunning_notices), $1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                   {n.customer_id, n.currency.view(), n.level, day, n.template_name, n.channel, n.file_name,
                    n.past_due_minor, ids, now});
  r.next();
  return r.int64(0);
}

std::vector<DunningRecord> PgLedger::dunning_notices(core::Date as_of) {
  // Ties (same level on the same day) in the order the notices were written, as SQLite reads them.
  const std::string day = as_of.iso();
  auto r = db_.run("SELECT id, customer_id, currency, level, sent_on, template, channel, file_name, past_due_minor, invoices"
                   " FROM dunning_notices WHERE sent_on <= $1 ORDER BY customer_id, currency, sent_on, level, id",
                   {day});
  std::vector<DunningRecord> out;
  while (r.next()) {
    DunningRecord n;
    n.id = r.int64(0);
    n.customer_id = r.int64(1);
    n.currency = currency(r.text(2));
    n.level = static_cast<int>(r.int64(3));
    n.sent_on = date_of(r.text(4));
    n.template_name = str(r, 5);
    n.channel = str(r, 6);
    n.file_name = str(r, 7);
    n.past_due_minor = r.int64(8);
    n.invoice_ids = split_ids(r.text(9));
    out.push_back(std::move(n));
  }
  return out;
}

bool PgLedger::add_escalation(const EscalationRecord& e) {
  const std::string day = e.escalated_on.iso();
  std::string now = utc_timestamp();
  auto r = db_.run("INSERT INTO escalations(id, customer_id, currency, rule, owner, escalated_on, created_at)"
                   " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM escalations), $1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING RETURNING id",
                   {e.customer_id, e.currency.view(), e.rule, e.owner, day, now});
  return r.rows() > 0;
}

std::vector<EscalationRecord> PgLedger::escalations(core::Date as_of) {
  const std::string day = as_of.iso();
  auto r = db_.run("SELECT customer_id, currency, rule, owner, escalated_on FROM escalations WHERE escalated_on <= $1"
                   " ORDER BY escalated_on, id",
                   {day});
  std::vector<EscalationRecord> out;
  while (r.next()) out.push_back({r.int64(0), currency(r.text(1)), str(r, 2), str(r, 3), date_of(r.text(4))});
  return out;
}

std::vector<CashApplied> PgLedger::cash_applied(core::Date as_of) {
  const std::string day = as_of.iso();
  auto r = db_.run("SELECT a.invoice_id, i.customer_id, i.currency, a.applied_on, a.amount_minor FROM applications a"
                   " JOIN invoices i ON i.id=a.invoice_id WHERE a.payment_id IS NOT NULL AND a.applied_on <= $1"
                   " ORDER BY a.applied_on, a.id",
                   {day});
  std::vector<CashApplied> out;
  while (r.next()) out.push_back({r.int64(0), r.int64(1), currency(r.text(2)), date_of(r.text(3)), r.int64(4)});
  return out;
}

std::optional<std::int64_t> PgLedger::find_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount,
                                                     std::string_view reason) {
  const std::string day = date.iso();
  auto r = db_.run("SELECT id FROM adjustments WHERE kind='write_off' AND invoice_id=$1 AND adj_date=$2"
                   " AND ($3::bigint < 0 OR amount_minor=$3::bigint) AND reason_code=$4 ORDER BY id",
                   {invoice_id, day, amount, reason});
  if (!r.next()) return std::nullopt;
  return r.int64(0);
}

std::int64_t PgLedger::post_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount, std::string_view reason,
                                      std::string_view approved_by) {
  add_adjustment(invoice_id, "write_off", reason, amount, date, 0);
  // The adjustment just written: this transaction holds the writer's lock, so it is the newest
  // write-off of the invoice.
  auto last = db_.run("SELECT max(id) FROM adjustments WHERE invoice_id=$1 AND kind='write_off'", {invoice_id});
  if (!last.next() || last.is_null(0)) throw core::Error(core::ErrorKind::kLedger, "the write-off just posted is not in the ledger");
  std::int64_t id = last.int64(0);
  if (!approved_by.empty())
    db_.run("INSERT INTO write_off_approvals(adjustment_id, approved_by) VALUES($1,$2)", {id, approved_by});
  return id;
}

std::vector<CustomerEvent> PgLedger::customer_events(std::int64_t customer_id) {
  // Each list in the order SQLite's plans read it (through the index on the customer or its
  // invoices); the caller sorts stably by date, kind and id, and only credit-memo applications
  // can tie on all three.
  // The columns of each kind: src/store/customer_event_rows.hpp.
  static const std::pair<events::EventRow, const char*> kQueries[] = {
      {events::EventRow::kInvoice,
       "SELECT invoice_date, external_id, currency, total_minor, due_date, status, last_activity FROM invoices WHERE customer_id=$1"
       " ORDER BY invoice_date, id"},
      {events::EventRow::kVoid,
       "SELECT last_activity, external_id, currency, total_minor FROM invoices WHERE customer_id=$1 AND status='void'"
       " ORDER BY invoice_date, id"},
      {events::EventRow::kPayment,
       "SELECT received_date, external_id, currency, amount_minor, COALESCE(method,''), COALESCE(reference,''), status,"
       " COALESCE(reversed_on,'') FROM payments WHERE customer_id=$1 ORDER BY received_date, id"},
      {events::EventRow::kApplication,
       "SELECT a.applied_on, a.id, COALESCE(p.external_id, m.external_id), i.external_id, i.currency, a.amount_minor,"
       " CASE WHEN a.payment_id IS NOT NULL THEN 1 ELSE 0 END, COALESCE(a.reverses_id, 0), a.rule, COALESCE(a.note,''),"
       " i.invoice_date"
       " FROM applications a JOIN invoices i ON i.id=a.invoice_id LEFT JOIN payments p ON p.id=a.payment_id"
       " LEFT JOIN credit_memos m ON m.id=a.credit_memo_id WHERE i.customer_id=$1"
       " ORDER BY i.invoice_date, i.id, a.applied_on, a.id"},
      {events::EventRow::kAdjustment,
       "SELECT j.adj_date, j.id, i.external_id, i.currency, j.amount_minor, j.kind, j.reason_code, COALESCE(w.approved_by,'')"
       " FROM adjustments j JOIN invoices i ON i.id=j.invoice_id LEFT JOIN write_off_approvals w ON w.adjustment_id=j.id"
       " WHERE i.customer_id=$1 ORDER BY i.invoice_date, i.id, j.adj_date, j.id"},
      {events::EventRow::kNote,
       "SELECT n.note_date, n.id, COALESCE(i.external_id,''), n.kind, n.body FROM collection_notes n"
       " LEFT JOIN invoices i ON i.id=n.invoice_id WHERE n.customer_id=$1 ORDER BY n.note_date, n.kind, n.body, n.id"},
      {events::EventRow::kPromise,
       "SELECT made_on, id, currency, amount_minor, due_date, COALESCE(plan_id,0), COALESCE(installment,0) FROM promises"
       " WHERE customer_id=$1 ORDER BY currency, amount_minor, due_date, invoices, COALESCE(plan_id, 0), id"},
      {events::EventRow::kDispute,
       "SELECT d.opened_on, d.id, i.external_id, i.currency, d.amount_minor, d.reason, d.owner FROM disputes d"
       " JOIN invoices i ON i.id=d.invoice_id WHERE i.customer_id=$1"
       " ORDER BY i.invoice_date, i.id, d.opened_on, d.amount_minor, d.reason, d.id"},
      {events::EventRow::kDisputeResolved,
       "SELECT d.resolved_on, d.id, i.external_id, i.currency, d.amount_minor, d.outcome, COALESCE(d.credit_memo,'')"
       " FROM disputes d JOIN invoices i ON i.id=d.invoice_id WHERE i.customer_id=$1 AND d.resolved_on IS NOT NULL"
       " ORDER BY i.invoice_date, i.id, d.id"},
      {events::EventRow::kDunning,
       "SELECT sent_on, id, currency, past_due_minor, level, channel, file_name FROM dunning_notices WHERE customer_id=$1"
       " ORDER BY currency, level, invoices, id"},
  };
  std::vector<CustomerEvent> out;
  for (const auto& [kind, sql] : kQueries) {
    auto r = db_.run(sql, {customer_id});
    while (r.next())
      out.push_back(events::read_event(kind, r, [&](std::string_view c) { return currency(c); }, [](std::string_view d) { return date_of(d); }));
  }
  return out;
}

}  // namespace otc::store::pg
