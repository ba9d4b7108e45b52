// The SQLite collections role: notes, promises and plans, disputes, dunning notices, escalations,
// write-off approvals, and the reads collections needs. Statements are prepared per call: these
// commands touch a few rows, never millions.
#include <charconv>

#include "../customer_event_rows.hpp"
#include "otc/core/error.hpp"
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {
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

std::string str(const Statement& s, int col) { return std::string(s.text(col)); }

}  // namespace

std::optional<CustomerContact> SqliteLedger::find_customer_contact(std::string_view ext) {
  std::optional<CustomerContact> out;
  Statement s(db_.handle(), "SELECT id, external_id, name, COALESCE(email,''), credit_limit, COALESCE(currency,''), terms_days"
                            " FROM customers WHERE external_id=?1");
  s.bind(1, ext);
  if (s.step()) {
    CustomerContact c{s.int64(0), str(s, 1), str(s, 2), str(s, 3), std::nullopt, str(s, 5), std::nullopt};
    if (!s.is_null(4)) c.credit_limit = s.int64(4);
    if (!s.is_null(6)) c.terms_days = static_cast<int>(s.int64(6));
    out = std::move(c);
  }
  return out;
}

void SqliteLedger::for_each_customer_contact(const std::function<void(const CustomerContact&)>& fn) {
  Statement s(db_.handle(), "SELECT id, external_id, name, COALESCE(email,''), credit_limit, COALESCE(currency,''), terms_days"
                            " FROM customers ORDER BY external_id");
  while (s.step()) {
    CustomerContact c{s.int64(0), str(s, 1), str(s, 2), str(s, 3), std::nullopt, str(s, 5), std::nullopt};
    if (!s.is_null(4)) c.credit_limit = s.int64(4);
    if (!s.is_null(6)) c.terms_days = static_cast<int>(s.int64(6));
    fn(c);
  }
}

std::optional<std::int64_t> SqliteLedger::add_note(const NoteRecord& n) {
  Statement s(db_.handle(), "INSERT INTO collection_notes(customer_id, invoice_id, note_date, kind, body, created_at)"
                            " VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT DO NOTHING");
  DateText day(n.date);
  std::string now = utc_timestamp();
  s.bind(1, n.customer_id);
  if (n.invoice_id) s.bind(2, *n.invoice_id); else s.bind_null(2);
  s.bind(3, day.text).bind(4, n.kind).bind(5, n.text).bind(6, now);
  s.step();
  if (db_.changes() == 0) return std::nullopt;
  return db_.last_insert_id();
}

std::vector<NoteRecord> SqliteLedger::notes(core::Date as_of, std::optional<std::int64_t> customer_id) {
  Statement s(db_.handle(), "SELECT n.id, n.customer_id, n.invoice_id, COALESCE(i.external_id,''), n.note_date, n.kind, n.body"
                            " FROM collection_notes n LEFT JOIN invoices i ON i.id=n.invoice_id"
                            " WHERE n.note_date <= ?1 AND (?2 IS NULL OR n.customer_id = ?2) ORDER BY n.note_date, n.id");
  DateText day(as_of);
  s.bind(1, day.text);
  if (customer_id) s.bind(2, *customer_id); else s.bind_null(2);
  std::vector<NoteRecord> out;
  while (s.step()) {
    NoteRecord n;
    n.id = s.int64(0);
    n.customer_id = s.int64(1);
    if (!s.is_null(2)) n.invoice_id = s.int64(2);
    n.invoice = str(s, 3);
    n.date = date_of(s.text(4));
    n.kind = str(s, 5);
    n.text = str(s, 6);
    out.push_back(std::move(n));
  }
  return out;
}

std::optional<std::int64_t> SqliteLedger::add_promise(const PromiseRecord& p) {
  Statement s(db_.handle(), "INSERT INTO promises(customer_id, currency, amount_minor, made_on, due_date, invoices, plan_id,"
                            " installment, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT DO NOTHING");
  DateText made(p.made_on), due(p.due_date);
  std::string ids = join_ids(p.invoice_ids), now = utc_timestamp();
  s.bind(1, p.customer_id).bind(2, p.currency.view()).bind(3, p.amount_minor).bind(4, made.text).bind(5, due.text).bind(6, ids);
  if (p.plan_id) s.bind(7, *p.plan_id); else s.bind_null(7);
  if (p.installment) s.bind(8, p.installment); else s.bind_null(8);
  s.bind(9, now);
  s.step();
  if (db_.changes() == 0) return std::nullopt;
  return db_.last_insert_id();
}

std::pair<std::int64_t, bool> SqliteLedger::add_plan(const PlanDraft& p) {
  DateText first(p.first_date), made(p.made_on);
  {
    Statement f(db_.handle(), "SELECT id FROM payment_plans WHERE customer_id=?1 AND currency=?2 AND total_minor=?3"
                              " AND installments=?4 AND every=?5 AND first_date=?6");
    f.bind(1, p.customer_id).bind(2, p.currency.view()).bind(3, p.total_minor).bind(4, p.installments).bind(5, p.every)
        .bind(6, first.text);
    if (f.step()) return {f.int64(0), false};
  }
  Statement s(db_.handle(), "INSERT INTO payment_plans(customer_id, currency, total_minor, installments, every, first_date,"
                            " made_on, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
  std::string now = utc_timestamp();
  s.bind(1, p.customer_id).bind(2, p.currency.view()).bind(3, p.total_minor).bind(4, p.installments).bind(5, p.every)
      .bind(6, first.text).bind(7, made.text).bind(8, now);
  s.step();
  return {db_.last_insert_id(), true};
}

std::vector<PromiseRecord> SqliteLedger::promises(core::Date as_of) {
  Statement s(db_.handle(), "SELECT id, customer_id, currency, amount_minor, made_on, due_date, invoices, plan_id,"
                            " COALESCE(installment, 0) FROM promises WHERE made_on <= ?1 ORDER BY customer_id, due_date, id");
  DateText day(as_of);
  s.bind(1, day.text);
  std::vector<PromiseRecord> out;
  while (s.step()) {
    PromiseRecord p;
    p.id = s.int64(0);
    p.customer_id = s.int64(1);
    p.currency = currency(s.text(2));
    p.amount_minor = s.int64(3);
    p.made_on = date_of(s.text(4));
    p.due_date = date_of(s.text(5));
    p.invoice_ids = split_ids(s.text(6));
    if (!s.is_null(7)) p.plan_id = s.int64(7);
    p.installment = static_cast<int>(s.int64(8));
    out.push_back(std::move(p));
  }
  for (auto& p : out) {
    for (auto id : p.invoice_ids) {
      Statement n(db_.handle(), "SELECT external_id FROM invoices WHERE id=?1");
      n.bind(1, id);
      if (n.step()) p.invoices += (p.invoices.empty() ? "" : ",") + str(n, 0);
    }
  }
  return out;
}

namespace {
constexpr const char* kDisputeColumns =
    "SELECT d.id, d.invoice_id, i.external_id, i.customer_id, i.currency, d.amount_minor, d.reason, d.owner, d.opened_on,"
    " d.note, d.resolved_on, COALESCE(d.outcome,''), COALESCE(d.resolution_note,''), COALESCE(d.credit_memo,'')"
    " FROM disputes d JOIN invoices i ON i.id=d.invoice_id";
}  // namespace

static DisputeRecord dispute_row(const Statement& s, const std::function<core::Currency(std::string_view)>& ccy) {
  DisputeRecord d;
  d.id = s.int64(0);
  d.invoice_id = s.int64(1);
  d.invoice = str(s, 2);
  d.customer_id = s.int64(3);
  d.currency = ccy(s.text(4));
  d.amount_minor = s.int64(5);
  d.reason = str(s, 6);
  d.owner = str(s, 7);
  d.opened_on = date_of(s.text(8));
  d.note = str(s, 9);
  d.resolved_on = opt_date(s, 10);
  d.outcome = str(s, 11);
  d.resolution_note = str(s, 12);
  d.credit_memo = str(s, 13);
  return d;
}

std::int64_t SqliteLedger::add_dispute(const DisputeRecord& d) {
  Statement s(db_.handle(), "INSERT INTO disputes(invoice_id, amount_minor, reason, owner, opened_on, note, created_at)"
                            " VALUES(?1,?2,?3,?4,?5,?6,?7)");
  DateText day(d.opened_on);
  std::string now = utc_timestamp();
  s.bind(1, d.invoice_id).bind(2, d.amount_minor).bind(3, d.reason).bind(4, d.owner).bind(5, day.text).bind(6, d.note).bind(7, now);
  s.step();
  return db_.last_insert_id();
}

std::optional<DisputeRecord> SqliteLedger::find_dispute(std::int64_t id) {
  Statement s(db_.handle(), std::string(kDisputeColumns) + " WHERE d.id=?1");
  s.bind(1, id);
  std::optional<DisputeRecord> out;
  if (s.step()) out = dispute_row(s, [this](std::string_view c) { return currency(c); });
  return out;
}

std::optional<DisputeRecord> SqliteLedger::find_same_dispute(std::int64_t invoice_id, core::Date opened_on, std::int64_t amount,
                                                             std::string_view reason) {
  Statement s(db_.handle(), std::string(kDisputeColumns) +
                                " WHERE d.invoice_id=?1 AND d.opened_on=?2 AND d.amount_minor=?3 AND d.reason=?4");
  DateText day(opened_on);
  s.bind(1, invoice_id).bind(2, day.text).bind(3, amount).bind(4, reason);
  std::optional<DisputeRecord> out;
  if (s.step()) out = dispute_row(s, [this](std::string_view c) { return currency(c); });
  return out;
}

void SqliteLedger::resolve_dispute(std::int64_t id, core::Date on, std::string_view outcome, std::string_view note,
                                   std::string_view credit_memo) {
  Statement s(db_.handle(), "UPDATE disputes SET resolved_on=?2, outcome=?3, resolution_note=?4, credit_memo=?5"
                            " WHERE id=?1 AND resolved_on IS NULL");
  DateText day(on);
  s.bind(1, id).bind(2, day.text).bind(3, outcome).bind(4, note).bind_opt(5, credit_memo);
  s.step();
}

std::vector<DisputeRecord> SqliteLedger::disputes(core::Date as_of) {
  Statement s(db_.handle(), std::string(kDisputeColumns) + " WHERE d.opened_on <= ?1 ORDER BY d.id");
  DateText day(as_of);
  s.bind(1, day.text);
  std::vector<DisputeRecord> out;
  while (s.step()) out.push_back(dispute_row(s, [this](std::string_view c) { return currency(c); }));
  return out;
}

std::int64_t SqliteLedger::add_dunning(const DunningRecord& n) {
  Statement s(db_.handle(), "INSERT INTO dunning_notices(customer_id, currency, level, sent_on, template, channel, file_name,"
                            " past_due_minor, invoices, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
  DateText day(n.sent_on);
  std::string ids = join_ids(n.invoice_ids), now = utc_timestamp();
  s.bind(1, n.customer_id).bind(2, n.currency.view()).bind(3, n.level).bind(4, day.text).bind(5, n.template_name)
      .bind(6, n.channel).bind(7, n.file_name).bind(8, n.past_due_minor).bind(9, ids).bind(10, now);
  s.step();
  return db_.last_insert_id();
}

std::vector<DunningRecord> SqliteLedger::dunning_notices(core::Date as_of) {
  Statement s(db_.handle(), "SELECT id, customer_id, currency, level, sent_on, template, channel, file_name, past_due_minor, invoices"
                            " FROM dunning_notices WHERE sent_on <= ?1 ORDER BY customer_id, currency, sent_on, level");
  DateText day(as_of);
  s.bind(1, day.text);
  std::vector<DunningRecord> out;
  while (s.step()) {
    DunningRecord n;
    n.id = s.int64(0);
    n.customer_id = s.int64(1);
    n.currency = currency(s.text(2));
    n.level = static_cast<int>(s.int64(3));
    n.sent_on = date_of(s.text(4));
    n.template_name = str(s, 5);
    n.channel = str(s, 6);
    n.file_name = str(s, 7);
    n.past_due_minor = s.int64(8);
    n.invoice_ids = split_ids(s.text(9));
    out.push_back(std::move(n));
  }
  return out;
}

bool SqliteLedger::add_escalation(const EscalationRecord& e) {
  Statement s(db_.handle(), "INSERT INTO escalations(customer_id, currency, rule, owner, escalated_on, created_at)"
                            " VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT DO NOTHING");
  DateText day(e.escalated_on);
  std::string now = utc_timestamp();
  s.bind(1, e.customer_id).bind(2, e.currency.view()).bind(3, e.rule).bind(4, e.owner).bind(5, day.text).bind(6, now);
  s.step();
  return db_.changes() > 0;
}

std::vector<EscalationRecord> SqliteLedger::escalations(core::Date as_of) {
  Statement s(db_.handle(), "SELECT customer_id, currency, rule, owner, escalated_on FROM escalations WHERE escalated_on <= ?1"
                            " ORDER BY escalated_on, id");
  DateText day(as_of);
  s.bind(1, day.text);
  std::vector<EscalationRecord> out;
  while (s.step())
    out.push_back({s.int64(0), currency(s.text(1)), str(s, 2), str(s, 3), date_of(s.text(4))});
  return out;
}

std::vector<CashApplied> SqliteLedger::cash_applied(core::Date as_of) {
  Statement s(db_.handle(), "SELECT a.invoice_id, i.customer_id, i.currency, a.applied_on, a.amount_minor FROM applications a"
                            " JOIN invoices i ON i.id=a.invoice_id WHERE a.payment_id IS NOT NULL AND a.applied_on <= ?1"
                            " ORDER BY a.applied_on, a.id");
  DateText day(as_of);
  s.bind(1, day.text);
  std::vector<CashApplied> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), currency(s.text(2)), date_of(s.text(3)), s.int64(4)});
  return out;
}

std::optional<std::int64_t> SqliteLedger::find_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount,
                                                         std::string_view reason) {
  Statement s(db_.handle(), "SELECT id FROM adjustments WHERE kind='write_off' AND invoice_id=?1 AND adj_date=?2"
                            " AND (?3 < 0 OR amount_minor=?3) AND reason_code=?4");
  DateText day(date);
  s.bind(1, invoice_id).bind(2, day.text).bind(3, amount).bind(4, reason);
  std::optional<std::int64_t> out;
  if (s.step()) out = s.int64(0);
  return out;
}

std::int64_t SqliteLedger::post_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount, std::string_view reason,
                                          std::string_view approved_by) {
  add_adjustment(invoice_id, "write_off", reason, amount, date, 0);
  std::int64_t id = db_.last_insert_id();
  if (!approved_by.empty()) {
    Statement s(db_.handle(), "INSERT INTO write_off_approvals(adjustment_id, approved_by) VALUES(?1,?2)");
    s.bind(1, id).bind(2, approved_by);
    s.step();
  }
  return id;
}

std::vector<CustomerEvent> SqliteLedger::customer_events(std::int64_t customer_id) {
  // The columns of each kind: src/store/customer_event_rows.hpp.
  static const std::pair<events::EventRow, const char*> kQueries[] = {
      {events::EventRow::kInvoice,
       "SELECT invoice_date, external_id, currency, total_minor, due_date, status, last_activity FROM invoices WHERE customer_id=?1"},
      {events::EventRow::kVoid,
       "SELECT last_activity, external_id, currency, total_minor FROM invoices WHERE customer_id=?1 AND status='void'"},
      {events::EventRow::kPayment,
       "SELECT received_date, external_id, currency, amount_minor, COALESCE(method,''), COALESCE(reference,''), status,"
       " COALESCE(reversed_on,'') FROM payments WHERE customer_id=?1"},
      {events::EventRow::kApplication,
       "SELECT a.applied_on, a.id, COALESCE(p.external_id, m.external_id), i.external_id, i.currency, a.amount_minor,"
       " a.payment_id IS NOT NULL, COALESCE(a.reverses_id, 0), a.rule, COALESCE(a.note,''), i.invoice_date"
       " FROM applications a JOIN invoices i ON i.id=a.invoice_id LEFT JOIN payments p ON p.id=a.payment_id"
       " LEFT JOIN credit_memos m ON m.id=a.credit_memo_id WHERE i.customer_id=?1"},
      {events::EventRow::kAdjustment,
       "SELECT j.adj_date, j.id, i.external_id, i.currency, j.amount_minor, j.kind, j.reason_code, COALESCE(w.approved_by,'')"
       " FROM adjustments j JOIN invoices i ON i.id=j.invoice_id LEFT JOIN write_off_approvals w ON w.adjustment_id=j.id"
       " WHERE i.customer_id=?1"},
      {events::EventRow::kNote,
       "SELECT n.note_date, n.id, COALESCE(i.external_id,''), n.kind, n.body FROM collection_notes n"
       " LEFT JOIN invoices i ON i.id=n.invoice_id WHERE n.customer_id=?1"},
      {events::EventRow::kPromise,
       "SELECT made_on, id, currency, amount_minor, due_date, COALESCE(plan_id,0), COALESCE(installment,0) FROM promises"
       " WHERE customer_id=?1"},
      {events::EventRow::kDispute,
       "SELECT d.opened_on, d.id, i.external_id, i.currency, d.amount_minor, d.reason, d.owner FROM disputes d"
       " JOIN invoices i ON i.id=d.invoice_id WHERE i.customer_id=?1"},
      {events::EventRow::kDisputeResolved,
       "SELECT d.resolved_on, d.id, i.external_id, i.currency, d.amount_minor, d.outcome, COALESCE(d.credit_memo,'')"
       " FROM disputes d JOIN invoices i ON i.id=d.invoice_id WHERE i.customer_id=?1 AND d.resolved_on IS NOT NULL"},
      {events::EventRow::kDunning,
       "SELECT sent_on, id, currency, past_due_minor, level, channel, file_name FROM dunning_notices WHERE customer_id=?1"},
  };
  std::vector<CustomerEvent> out;
  for (const auto& [kind, sql] : kQueries) {
    Statement s(db_.handle(), sql);
    s.bind(1, customer_id);
    while (s.step())
      out.push_back(events::read_event(kind, s, [&](std::string_view c) { return currency(c); }, [](std::string_view d) { return date_of(d); }));
  }
  return out;
}

}  // namespace otc::store::sqlite

namespace otc::store {

}  // namespace otc::store
