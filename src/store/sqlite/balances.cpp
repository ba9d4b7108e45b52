// The SQLite balances role: point-in-time reads. As of the latest activity or later the kept
// balances answer; before it, what was dated after the as-of date is taken back out.
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {

using core::Date;

void SqliteLedger::for_each_open_item(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) {
  // As of the latest activity or later, the kept balances are the answer and only open items
  // are read (through the partial index). Before it, every invoice dated on or before as_of is
  // a candidate; those touched after as_of are recomputed from applications dated up to as_of.
  static constexpr const char* kCurrent =
      "SELECT i.id, i.external_id, i.customer_id, i.currency, i.invoice_date, i.due_date, i.total_minor, i.open_minor"
      " FROM invoices i INDEXED BY invoices_open"
      " WHERE i.open_minor <> 0 AND i.status='open' AND i.invoice_date <= ?1";
  static constexpr const char* kHistoric =
      "SELECT i.id, i.external_id, i.customer_id, i.currency, i.invoice_date, i.due_date, i.total_minor,"
      " CASE WHEN i.last_activity <= ?1 THEN i.open_minor ELSE i.total_minor"
      "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.invoice_id=i.id AND a.applied_on <= ?1), 0)"
      "   - COALESCE((SELECT SUM(j.amount_minor) FROM adjustments j WHERE j.invoice_id=i.id AND j.adj_date <= ?1), 0) END"
      " FROM invoices i"
      // A voided invoice was open until its void date (its last activity).
      " WHERE i.invoice_date <= ?1 AND (i.status='open' OR (i.status='void' AND i.last_activity > ?1))"
      "   AND (i.open_minor <> 0 OR i.last_activity > ?1)";
  auto& s = as_of >= max_activity() ? stmt(balances_.open_items, kCurrent) : stmt(balances_.open_items_hist, kHistoric);
  std::string day = as_of.iso();
  s.bind(1, day);
  const auto& names = customer_names();
  domain::OpenItem item;
  std::int64_t last_customer = -1;
  while (s.step()) {
    item.open_minor = s.int64(7);
    if (item.open_minor == 0) continue;
    item.invoice_id = s.int64(0);
    item.invoice_external_id.assign(s.text(1));
    item.customer_id = s.int64(2);
    if (item.customer_id != last_customer) {
      auto it = names.find(item.customer_id);
      item.customer_external_id.assign(it != names.end() ? it->second.first : std::string());
      item.customer_name.assign(it != names.end() ? it->second.second : std::string());
      last_customer = item.customer_id;
    }
    item.currency = currency(s.text(3));
    item.invoice_date = date_of(s.text(4));
    item.due_date = date_of(s.text(5));
    item.total_minor = s.int64(6);
    fn(item);
  }
  s.reset();
}

void SqliteLedger::for_each_unapplied(core::Date as_of, const std::function<void(const domain::UnappliedCredit&)>& fn) {
  // Unapplied cash, and the open part of credit memos imported as open credit (issue 13).
  static constexpr const char* kCurrent =
      "SELECT e, n, ccy, SUM(amt) FROM ("
      " SELECT COALESCE(c.external_id, '') AS e, COALESCE(c.name, '') AS n, p.currency AS ccy, p.unapplied_minor AS amt"
      " FROM payments p INDEXED BY payments_unapplied LEFT JOIN customers c ON c.id=p.customer_id"
      " WHERE p.unapplied_minor <> 0 AND p.status='posted' AND p.received_date <= ?1"
      " UNION ALL SELECT c.external_id, c.name, m.currency, m.open_minor FROM credit_memos m JOIN customers c ON c.id=m.customer_id"
      " WHERE m.open_minor <> 0 AND m.memo_date <= ?1)"
      " GROUP BY 1, 2, 3 ORDER BY 1, 3";
  static constexpr const char* kHistoric =
      // The months from the earliest settled payment's to as_of's (payments_settled: one seek each).
      "WITH RECURSIVE months(ym) AS ("
      " SELECT (SELECT min(substr(received_date, 1, 7)) FROM payments INDEXED BY payments_settled WHERE unapplied_minor = 0)"
      " UNION ALL SELECT strftime('%Y-%m', ym || '-01', '+1 month') FROM months WHERE ym < substr(?1, 1, 7))"
      " SELECT e, n, ccy, SUM(amt) FROM ("
      // Unapplied now (a partial index), or settled now but touched after as_of (another): never
      // every payment of the ledger.
      " SELECT COALESCE(c.external_id, '') AS e, COALESCE(c.name, '') AS n, p.currency AS ccy,"
      " CASE WHEN p.last_activity <= ?1 THEN p.unapplied_minor ELSE p.amount_minor"
      "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.payment_id=p.id AND a.applied_on <= ?1), 0) END AS amt"
      " FROM payments p INDEXED BY payments_unapplied LEFT JOIN customers c ON c.id=p.customer_id"
      " WHERE p.unapplied_minor <> 0 AND p.received_date <= ?1 AND (p.status='posted' OR (p.status='reversed' AND p.reversed_on > ?1))"
      " UNION ALL SELECT COALESCE(c.external_id, ''), COALESCE(c.name, ''), p.currency, p.amount_minor"
      "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.payment_id=p.id AND a.applied_on <= ?1), 0)"
      " FROM months mo JOIN payments p INDEXED BY payments_settled ON substr(p.received_date, 1, 7) = mo.ym"
      " LEFT JOIN customers c ON c.id=p.customer_id"
      " WHERE p.unapplied_minor = 0 AND p.last_activity > ?1 AND p.received_date <= ?1"
      "   AND (p.status='posted' OR (p.status='reversed' AND p.reversed_on > ?1))"
      " UNION ALL SELECT c.external_id, c.name, m.currency, m.amount_minor"
      "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.credit_memo_id=m.id AND a.applied_on <= ?1), 0)"
      " FROM credit_memos m JOIN customers c ON c.id=m.customer_id"
      " WHERE m.memo_date <= ?1 AND (m.open_minor <> 0 OR m.last_activity > ?1) AND m.batch_id IN (SELECT id FROM import_batches WHERE kind='invoices'))"
      " GROUP BY 1, 2, 3 ORDER BY 1, 3";
  auto& s = as_of >= max_activity() ? stmt(balances_.unapplied, kCurrent) : stmt(balances_.unapplied_hist, kHistoric);
  std::string day = as_of.iso();
  s.bind(1, day);
  domain::UnappliedCredit u;
  while (s.step()) {
    u.amount_minor = s.int64(3);
    if (u.amount_minor == 0) continue;
    u.customer_external_id.assign(s.text(0));
    u.customer_name.assign(s.text(1));
    u.currency = currency(s.text(2));
    fn(u);
  }
  s.reset();
}

void SqliteLedger::for_each_unapplied_payment(core::Date as_of, const std::function<void(const UnappliedPayment&)>& fn) {
  Statement s(db_.handle(),
              "SELECT p.id, p.external_id, COALESCE(c.external_id,''), COALESCE(c.name,''), p.currency, p.received_date,"
              " p.amount_minor, CASE WHEN p.last_activity <= ?1 THEN p.unapplied_minor ELSE p.amount_minor"
              "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.payment_id=p.id AND a.applied_on <= ?1), 0) END,"
              " COALESCE(p.payer_name,''), COALESCE(p.reference,''), COALESCE(p.remittance,''),"
              " COALESCE((SELECT group_concat(g.rank || '. ' || g.kind || ' ' || g.target || ' (' || g.score || '): ' || g.why, ' | ')"
              "   FROM (SELECT * FROM unapplied_suggestions WHERE payment_id=p.id ORDER BY rank) g), '')"
              " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id"
              " WHERE p.received_date <= ?1 AND (p.status='posted' OR (p.status='reversed' AND p.reversed_on > ?1))"
              "   AND (p.unapplied_minor <> 0 OR p.last_activity > ?1)"
              " ORDER BY p.received_date, p.external_id");
  std::string day = as_of.iso();
  s.bind(1, day);
  UnappliedPayment u;
  while (s.step()) {
    u.unapplied_minor = s.int64(7);
    if (u.unapplied_minor == 0) continue;
    u.id = s.int64(0);
    u.external_id.assign(s.text(1));
    u.customer_external_id.assign(s.text(2));
    u.customer_name.assign(s.text(3));
    u.currency = currency(s.text(4));
    u.received_date = date_of(s.text(5));
    u.amount_minor = s.int64(6);
    u.payer_name.assign(s.text(8));
    u.reference.assign(s.text(9));
    u.remittance.assign(s.text(10));
    u.suggestions.assign(s.text(11));
    fn(u);
  }
}

void SqliteLedger::for_each_invoice_total(core::Date from, core::Date to, const std::function<void(const InvoiceTotal&)>& fn) {
  auto& s = stmt(balances_.invoice_totals,
                 "SELECT customer_id, currency, invoice_date, total_minor FROM invoices"
                 " WHERE invoice_date >= ?1 AND invoice_date <= ?2"
                 "   AND (status='open' OR (status='void' AND last_activity > ?2))");
  std::string f = from.iso(), t = to.iso();
  s.bind(1, f).bind(2, t);
  const auto& names = customer_names();
  InvoiceTotal row;
  static const std::string kUnknown;
  while (s.step()) {
    row.customer_id = s.int64(0);
    auto it = names.find(row.customer_id);
    row.customer_external_id = it != names.end() ? &it->second.first : &kUnknown;
    row.customer_name = it != names.end() ? &it->second.second : &kUnknown;
    row.currency = currency(s.text(1));
    row.invoice_date = date_of(s.text(2));
    row.total_minor = s.int64(3);
    fn(row);
  }
  s.reset();
}

std::vector<PeriodMovements> SqliteLedger::movements(core::Date from, core::Date to) {
  static constexpr const char* kSql =
      "SELECT currency, SUM(inv), SUM(col), SUM(cred), SUM(wo) FROM ("
      " SELECT currency, total_minor AS inv, 0 AS col, 0 AS cred, 0 AS wo FROM invoices"
      "   WHERE invoice_date BETWEEN ?1 AND ?2"
      // A void reverses the invoice in the period of the void (its last activity): credited.
      " UNION ALL SELECT currency, 0, 0, total_minor, 0 FROM invoices"
      "   WHERE status='void' AND last_activity BETWEEN ?1 AND ?2"
      " UNION ALL SELECT i.currency, 0, CASE WHEN a.payment_id IS NOT NULL THEN a.amount_minor ELSE 0 END,"
      "   CASE WHEN a.credit_memo_id IS NOT NULL THEN a.amount_minor ELSE 0 END, 0"
      "   FROM applications a JOIN invoices i ON i.id=a.invoice_id WHERE a.applied_on BETWEEN ?1 AND ?2"
      " UNION ALL SELECT i.currency, 0, 0, CASE WHEN j.kind <> 'write_off' THEN j.amount_minor ELSE 0 END,"
      "   CASE WHEN j.kind = 'write_off' THEN j.amount_minor ELSE 0 END"
      "   FROM adjustments j JOIN invoices i ON i.id=j.invoice_id WHERE j.adj_date BETWEEN ?1 AND ?2"
      ") GROUP BY currency ORDER BY currency";
  Statement s(db_.handle(), kSql);
  std::string f = from.iso(), t = to.iso();
  s.bind(1, f).bind(2, t);
  std::vector<PeriodMovements> out;
  while (s.step()) {
    PeriodMovements m;
    m.currency = currency(s.text(0));
    m.invoiced = s.int64(1);
    m.collected = s.int64(2);
    m.credited = s.int64(3);
    m.written_off = s.int64(4);
    out.push_back(m);
  }
  return out;
}

std::vector<ReceiptRecord> SqliteLedger::receipts(core::Date from, core::Date to) {
  // apply-cash keeps a record of each returned item as a reversed payment of method 'return';
  // it is not money received.
  auto& s = stmt(balances_.receipts,
                 "SELECT p.id, p.external_id, p.received_date, p.amount_minor, p.currency, COALESCE(p.reference,''),"
                 " COALESCE(p.bank_key,''), COALESCE(c.external_id,''), p.status"
                 " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id"
                 " WHERE p.received_date BETWEEN ?1 AND ?2 AND NOT (COALESCE(p.method,'')='return' AND p.status='reversed')"
                 " ORDER BY p.received_date, p.id");
  ResetOnExit reset{s};
  std::string f = from.iso(), t = to.iso();
  s.bind(1, f).bind(2, t);
  std::vector<ReceiptRecord> out;
  while (s.step()) {
    ReceiptRecord r;
    r.id = s.int64(0);
    r.external_id.assign(s.text(1));
    r.received_date = date_of(s.text(2));
    r.amount_minor = s.int64(3);
    r.currency = currency(s.text(4));
    r.reference.assign(s.text(5));
    r.bank_key.assign(s.text(6));
    r.customer_external_id.assign(s.text(7));
    r.reversed = s.text(8) == "reversed";
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<core::Date> SqliteLedger::latest_fact_date() {
  auto d = core::parse_iso_date(max_activity_text());
  if (pending_activity_ && (!d || *pending_activity_ > *d)) d = pending_activity_;
  return d;
}

std::string SqliteLedger::max_activity_text() {
  auto& s = stmt(balances_.meta_read, "SELECT max_activity FROM ledger_meta WHERE id = 1");
  std::string r;
  if (s.step()) r.assign(s.text(0));
  s.reset();
  return r;
}

Date SqliteLedger::max_activity() {
  auto d = latest_fact_date();
  return d ? *d : Date{};
}

}  // namespace otc::store::sqlite
