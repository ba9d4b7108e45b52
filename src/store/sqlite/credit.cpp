// The SQLite credit role: credit limits and reviews, manual holds, the seller profile, and the raw
// facts of a customer or a payment that statements, receipts, KPIs and the risk score read.
#include "../credit_fact_rows.hpp"
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {

namespace {

constexpr const char* kCustomerColumns =
    "SELECT id, external_id, name, COALESCE(currency,''), credit_limit, COALESCE(email,''), terms_days FROM customers";

CreditCustomer read_customer(const Statement& s) {
  CreditCustomer c;
  c.id = s.int64(0);
  c.external_id.assign(s.text(1));
  c.name.assign(s.text(2));
  c.currency.assign(s.text(3));
  if (!s.is_null(4)) c.imported_limit = s.int64(4);
  c.email.assign(s.text(5));
  if (!s.is_null(6)) c.terms_days = static_cast<int>(s.int64(6));
  return c;
}

}  // namespace

std::vector<CreditCustomer> SqliteLedger::credit_customers() {
  Statement s(db_.handle(), std::string(kCustomerColumns) + " ORDER BY external_id");
  std::vector<CreditCustomer> out;
  while (s.step()) out.push_back(read_customer(s));
  return out;
}

std::optional<CreditCustomer> SqliteLedger::credit_customer(std::string_view external_id) {
  Statement s(db_.handle(), std::string(kCustomerColumns) + " WHERE external_id=?1");
  s.bind(1, external_id);
  if (s.step()) return read_customer(s);
  return std::nullopt;
}

std::vector<CreditLimitRecord> SqliteLedger::credit_limits() {
  Statement s(db_.handle(),
              "SELECT l.customer_id, l.currency, l.limit_minor, l.review_by, l.set_on FROM credit_limits l"
              " JOIN customers c ON c.id=l.customer_id ORDER BY c.external_id, l.currency");
  std::vector<CreditLimitRecord> out;
  while (s.step()) {
    CreditLimitRecord r;
    r.customer_id = s.int64(0);
    r.currency = currency(s.text(1));
    r.limit_minor = s.int64(2);
    r.review_by = opt_date(s, 3);
    r.set_on = date_of(s.text(4));
    out.push_back(r);
  }
  return out;
}

void SqliteLedger::put_credit_limit(const CreditLimitRecord& r) {
  Statement s(db_.handle(),
              "INSERT INTO credit_limits(customer_id, currency, limit_minor, review_by, set_on, changed_at) VALUES(?1,?2,?3,?4,?5,?6)"
              " ON CONFLICT(customer_id, currency) DO UPDATE SET limit_minor=excluded.limit_minor,"
              " review_by=excluded.review_by, set_on=excluded.set_on, changed_at=excluded.changed_at");
  std::string ccy(r.currency.view());
  DateText set_on(r.set_on);
  std::string review = r.review_by ? r.review_by->iso() : std::string();
  std::string at = utc_timestamp();
  s.bind(1, r.customer_id).bind(2, ccy).bind(3, r.limit_minor).bind_opt(4, review).bind(5, set_on.text).bind(6, at);
  s.step();
}

std::vector<CreditHoldEvent> SqliteLedger::credit_hold_events() {
  Statement s(db_.handle(),
              "SELECT id, customer_id, action, effective_on, until, reason, at FROM credit_holds"
              " ORDER BY customer_id, effective_on, id");
  std::vector<CreditHoldEvent> out;
  while (s.step()) {
    CreditHoldEvent e;
    e.id = s.int64(0);
    e.customer_id = s.int64(1);
    e.action.assign(s.text(2));
    e.effective_on = date_of(s.text(3));
    e.until = opt_date(s, 4);
    e.reason.assign(s.text(5));
    e.at.assign(s.text(6));
    out.push_back(std::move(e));
  }
  return out;
}

void SqliteLedger::add_credit_hold_event(const CreditHoldEvent& e) {
  Statement s(db_.handle(),
              "INSERT INTO credit_holds(customer_id, action, effective_on, until, reason, at) VALUES(?1,?2,?3,?4,?5,?6)");
  DateText on(e.effective_on);
  std::string until = e.until ? e.until->iso() : std::string();
  std::string at = e.at.empty() ? utc_timestamp() : e.at;
  s.bind(1, e.customer_id).bind(2, e.action).bind(3, on.text).bind_opt(4, until).bind(5, e.reason).bind(6, at);
  s.step();
}

std::optional<std::pair<std::string, std::string>> SqliteLedger::seller_profile() {
  Statement s(db_.handle(), "SELECT content, file_name FROM seller_profile WHERE id=1");
  if (s.step()) return std::make_pair(std::string(s.text(0)), std::string(s.text(1)));
  return std::nullopt;
}

void SqliteLedger::put_seller_profile(std::string_view file_name, std::string_view text) {
  Statement s(db_.handle(),
              "INSERT INTO seller_profile(id, file_name, content, loaded_at) VALUES(1,?1,?2,?3)"
              " ON CONFLICT(id) DO UPDATE SET file_name=excluded.file_name, content=excluded.content, loaded_at=excluded.loaded_at"
              " WHERE seller_profile.content <> excluded.content OR seller_profile.file_name <> excluded.file_name");
  std::string at = utc_timestamp();
  s.bind(1, file_name).bind(2, text).bind(3, at);
  s.step();
}

namespace {
constexpr const char* kApplicationColumns =
    "SELECT a.id, a.invoice_id, i.external_id, i.invoice_date, COALESCE(a.payment_id,0), COALESCE(p.external_id,''),"
    " COALESCE(p.received_date,''), COALESCE(a.credit_memo_id,0), COALESCE(m.external_id,''), COALESCE(m.reason,''),"
    " i.currency, a.amount_minor, a.applied_on, COALESCE(a.reverses_id,0), COALESCE(a.note,'')"
    " FROM applications a JOIN invoices i ON i.id=a.invoice_id"
    " LEFT JOIN payments p ON p.id=a.payment_id LEFT JOIN credit_memos m ON m.id=a.credit_memo_id";
}  // namespace

CustomerFacts SqliteLedger::customer_facts(std::int64_t customer_id) {
  auto currency_of = [&](std::string_view c) { return currency(c); };
  auto date_text = [](std::string_view d) { return date_of(d); };
  CustomerFacts f;
  {
    Statement s(db_.handle(), std::string(kCustomerColumns) + " WHERE id=?1");
    s.bind(1, customer_id);
    if (s.step()) f.customer = read_customer(s);
  }
  {
    Statement s(db_.handle(),
                "SELECT id, external_id, currency, invoice_date, due_date, total_minor, status, last_activity, COALESCE(po_number,'')"
                " FROM invoices WHERE customer_id=?1 ORDER BY invoice_date, id");
    s.bind(1, customer_id);
    while (s.step()) {
      InvoiceFact v;
      v.id = s.int64(0);
      v.external_id.assign(s.text(1));
      v.currency = currency(s.text(2));
      v.invoice_date = date_of(s.text(3));
      v.due_date = date_of(s.text(4));
      v.total_minor = s.int64(5);
      if (s.text(6) == "void") v.void_on = date_of(s.text(7));  // a void is the invoice's last activity
      v.po_number.assign(s.text(8));
      f.invoices.push_back(std::move(v));
    }
  }
  {
    Statement s(db_.handle(),
                "SELECT p.id, p.external_id, p.currency, p.received_date, p.amount_minor, COALESCE(p.method,''),"
                " COALESCE(p.reference,''), COALESCE(p.payer_name,''), p.status, p.reversed_on, COALESCE(p.reverse_reason,''),"
                " c.external_id, c.name"
                " FROM payments p JOIN customers c ON c.id=p.customer_id WHERE p.customer_id=?1 ORDER BY p.received_date, p.id");
    s.bind(1, customer_id);
    while (s.step()) {
      f.payments.push_back(facts::read_payment(s, currency_of, date_text));
    }
  }
  auto read_app = [&](const Statement& s) { return facts::read_application(s, currency_of, date_text); };
  {
    // Applications to the customer's invoices, and of the customer's payments to anyone's invoices.
    // Two indexed halves (an OR across the join would scan every application).
    Statement s(db_.handle(), "SELECT * FROM (" + std::string(kApplicationColumns) + " WHERE i.customer_id=?1 UNION " +
                                  kApplicationColumns + " WHERE p.customer_id=?1 AND i.customer_id<>?1) ORDER BY 13, 1");
    s.bind(1, customer_id);
    while (s.step()) f.applications.push_back(read_app(s));
  }
  {
    Statement s(db_.handle(),
                "SELECT j.invoice_id, i.external_id, i.currency, j.kind, j.reason_code, COALESCE(j.note,''), j.amount_minor, j.adj_date"
                " FROM adjustments j JOIN invoices i ON i.id=j.invoice_id WHERE i.customer_id=?1 ORDER BY j.adj_date, j.id");
    s.bind(1, customer_id);
    while (s.step()) {
      AdjustmentFact j;
      j.invoice_id = s.int64(0);
      j.invoice_external_id.assign(s.text(1));
      j.currency = currency(s.text(2));
      j.kind.assign(s.text(3));
      j.reason_code.assign(s.text(4));
      j.note.assign(s.text(5));
      j.amount_minor = s.int64(6);
      j.date = date_of(s.text(7));
      f.adjustments.push_back(std::move(j));
    }
  }
  return f;
}

std::optional<PaymentFact> SqliteLedger::payment_fact(std::string_view external_id, std::vector<ApplicationFact>* apps) {
  auto currency_of = [&](std::string_view c) { return currency(c); };
  auto date_text = [](std::string_view d) { return date_of(d); };
  Statement s(db_.handle(),
              "SELECT p.id, p.external_id, p.currency, p.received_date, p.amount_minor, COALESCE(p.method,''),"
              " COALESCE(p.reference,''), COALESCE(p.payer_name,''), p.status, p.reversed_on, COALESCE(p.reverse_reason,''),"
              " COALESCE(c.external_id,''), COALESCE(c.name,'')"
              " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id WHERE p.external_id=?1");
  s.bind(1, external_id);
  if (!s.step()) return std::nullopt;
  PaymentFact p = facts::read_payment(s, currency_of, date_text);
  if (apps) {
    apps->clear();
    Statement a(db_.handle(), std::string(kApplicationColumns) + " WHERE a.payment_id=?1 ORDER BY a.applied_on, a.id");
    a.bind(1, p.id);
    while (a.step()) {
      apps->push_back(facts::read_application(a, currency_of, date_text));
    }
  }
  return p;
}

void SqliteLedger::for_each_cash_application(core::Date from, core::Date to,
                                             const std::function<void(const CashApplicationFact&)>& fn) {
  Statement s(db_.handle(),
              "SELECT i.customer_id, i.currency, i.invoice_date, p.received_date, a.applied_on, a.amount_minor"
              " FROM applications a JOIN invoices i ON i.id=a.invoice_id JOIN payments p ON p.id=a.payment_id"
              " WHERE a.applied_on >= ?1 AND a.applied_on <= ?2 ORDER BY i.customer_id, a.applied_on, a.id");
  std::string f = from.iso(), t = to.iso();
  s.bind(1, f).bind(2, t);
  const auto& names = customer_names();
  static const std::string kUnknown;
  CashApplicationFact row;
  while (s.step()) {
    row.customer_id = s.int64(0);
    auto it = names.find(row.customer_id);
    row.customer_external_id = it != names.end() ? &it->second.first : &kUnknown;
    row.customer_name = it != names.end() ? &it->second.second : &kUnknown;
    row.currency = currency(s.text(1));
    row.invoice_date = date_of(s.text(2));
    row.received_date = date_of(s.text(3));
    row.applied_on = date_of(s.text(4));
    row.amount_minor = s.int64(5);
    fn(row);
  }
}

std::vector<std::pair<std::int64_t, int>> SqliteLedger::reversed_payment_counts(core::Date from, core::Date to) {
  Statement s(db_.handle(),
              "SELECT customer_id, count(*) FROM payments WHERE status='reversed' AND customer_id IS NOT NULL"
              " AND COALESCE(method,'') <> 'return' AND COALESCE(reversed_on, received_date) BETWEEN ?2 AND ?1 GROUP BY customer_id ORDER BY customer_id");
  std::string t = to.iso(), f = from.iso();
  s.bind(1, t).bind(2, f);
  std::vector<std::pair<std::int64_t, int>> out;
  while (s.step()) out.emplace_back(s.int64(0), static_cast<int>(s.int64(1)));
  return out;
}

}  // namespace otc::store::sqlite
