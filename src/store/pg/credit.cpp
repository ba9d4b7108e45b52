// The PostgreSQL credit role: credit limits and reviews, manual holds, the seller profile, and the raw
// facts of a customer or a payment that statements, receipts, KPIs and the risk score read.
#include <unordered_map>

#include "../credit_fact_rows.hpp"
#include "pg_ledger.hpp"

namespace otc::store::pg {

namespace {

constexpr const char* kCustomerColumns =
    "SELECT id, external_id, name, COALESCE(currency,''), credit_limit, COALESCE(email,''), terms_days FROM customers";

CreditCustomer read_customer(const Result& s) {
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

std::vector<CreditCustomer> PgLedger::credit_customers() {
  auto s = db_.run(std::string(kCustomerColumns) + " ORDER BY external_id");
  std::vector<CreditCustomer> out;
  while (s.next()) out.push_back(read_customer(s));
  return out;
}

std::optional<CreditCustomer> PgLedger::credit_customer(std::string_view external_id) {
  auto s = db_.run(std::string(kCustomerColumns) + " WHERE external_id=$1", {external_id});
  if (s.next()) return read_customer(s);
  return std::nullopt;
}

std::vector<CreditLimitRecord> PgLedger::credit_limits() {
  auto s = db_.run("SELECT l.customer_id, l.currency, l.limit_minor, l.review_by, l.set_on FROM credit_limits l"
                   " JOIN customers c ON c.id=l.customer_id ORDER BY c.external_id, l.currency");
  std::vector<CreditLimitRecord> out;
  while (s.next()) {
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

void PgLedger::put_credit_limit(const CreditLimitRecord& r) {
  static constexpr const char* kSql =
              "INSERT INTO credit_limits(customer_id, currency, limit_minor, review_by, set_on, changed_at) VALUES($1,$2,$3,$4,$5,$6)"
              " ON CONFLICT(customer_id, currency) DO UPDATE SET limit_minor=excluded.limit_minor,"
              " review_by=excluded.review_by, set_on=excluded.set_on, changed_at=excluded.changed_at";
  std::string ccy(r.currency.view());
  const std::string set_on = r.set_on.iso();
  std::string review = r.review_by ? r.review_by->iso() : std::string();
  std::string at = utc_timestamp();
  db_.run(kSql, {r.customer_id, ccy, r.limit_minor, Param::opt(review), set_on, at});
}

std::vector<CreditHoldEvent> PgLedger::credit_hold_events() {
  auto s = db_.run("SELECT id, customer_id, action, effective_on, until, reason, at FROM credit_holds"
                   " ORDER BY customer_id, effective_on, id");
  std::vector<CreditHoldEvent> out;
  while (s.next()) {
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

void PgLedger::add_credit_hold_event(const CreditHoldEvent& e) {
  const std::string on = e.effective_on.iso();
  std::string until = e.until ? e.until->iso() : std::string();
  std::string at = e.at.empty() ? utc_timestamp() : e.at;
  db_.run("INSERT INTO credit_holds(id, customer_id, action, effective_on, until, reason, at)"
          " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM credit_holds), $1,$2,$3,$4,$5,$6)",
          {e.customer_id, e.action, on, Param::opt(until), e.reason, at});
}

std::optional<std::pair<std::string, std::string>> PgLedger::seller_profile() {
  auto s = db_.run("SELECT content, file_name FROM seller_profile WHERE id=1");
  if (s.next()) return std::make_pair(std::string(s.text(0)), std::string(s.text(1)));
  return std::nullopt;
}

void PgLedger::put_seller_profile(std::string_view file_name, std::string_view text) {
  static constexpr const char* kSql =
              "INSERT INTO seller_profile(id, file_name, content, loaded_at) VALUES(1,$1,$2,$3)"
              " ON CONFLICT(id) DO UPDATE SET file_name=excluded.file_name, content=excluded.content, loaded_at=excluded.loaded_at"
              " WHERE seller_profile.content <> excluded.content OR seller_profile.file_name <> excluded.file_name";
  std::string at = utc_timestamp();
  db_.run(kSql, {file_name, text, at});
}

namespace {
constexpr const char* kApplicationColumns =
    "SELECT a.id, a.invoice_id, i.external_id, i.invoice_date, COALESCE(a.payment_id,0), COALESCE(p.external_id,''),"
    " COALESCE(p.received_date,''), COALESCE(a.credit_memo_id,0), COALESCE(m.external_id,''), COALESCE(m.reason,''),"
    " i.currency, a.amount_minor, a.applied_on, COALESCE(a.reverses_id,0), COALESCE(a.note,'')"
    " FROM applications a JOIN invoices i ON i.id=a.invoice_id"
    " LEFT JOIN payments p ON p.id=a.payment_id LEFT JOIN credit_memos m ON m.id=a.credit_memo_id";
}  // namespace

CustomerFacts PgLedger::customer_facts(std::int64_t customer_id) {
  auto currency_of = [&](std::string_view c) { return currency(c); };
  auto date_text = [](std::string_view d) { return date_of(d); };
  CustomerFacts f;
  {
    auto s = db_.run(std::string(kCustomerColumns) + " WHERE id=$1", {customer_id});
    if (s.next()) f.customer = read_customer(s);
  }
  {
    auto s = db_.run(
                "SELECT id, external_id, currency, invoice_date, due_date, total_minor, status, last_activity, COALESCE(po_number,'')"
                " FROM invoices WHERE customer_id=$1 ORDER BY invoice_date, id", {customer_id});
    while (s.next()) {
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
    auto s = db_.run(
                "SELECT p.id, p.external_id, p.currency, p.received_date, p.amount_minor, COALESCE(p.method,''),"
                " COALESCE(p.reference,''), COALESCE(p.payer_name,''), p.status, p.reversed_on, COALESCE(p.reverse_reason,''),"
                " c.external_id, c.name"
                " FROM payments p JOIN customers c ON c.id=p.customer_id WHERE p.customer_id=$1 ORDER BY p.received_date, p.id",
                {customer_id});
    while (s.next()) {
      f.payments.push_back(facts::read_payment(s, currency_of, date_text));
    }
  }
  auto read_app = [&](const Result& s) { return facts::read_application(s, currency_of, date_text); };
  {
    // Applications to the customer's invoices, and of the customer's payments to anyone's invoices.
    // Two indexed halves (an OR across the join would scan every application).
    auto s = db_.run("SELECT * FROM (" + std::string(kApplicationColumns) + " WHERE i.customer_id=$1 UNION " +
                         kApplicationColumns + " WHERE p.customer_id=$1 AND i.customer_id<>$1) AS u ORDER BY 13, 1",
                     {customer_id});
    while (s.next()) f.applications.push_back(read_app(s));
  }
  {
    auto s = db_.run(
                "SELECT j.invoice_id, i.external_id, i.currency, j.kind, j.reason_code, COALESCE(j.note,''), j.amount_minor, j.adj_date"
                " FROM adjustments j JOIN invoices i ON i.id=j.invoice_id WHERE i.customer_id=$1 ORDER BY j.adj_date, j.id",
                {customer_id});
    while (s.next()) {
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

std::optional<PaymentFact> PgLedger::payment_fact(std::string_view external_id, std::vector<ApplicationFact>* apps) {
  auto currency_of = [&](std::string_view c) { return currency(c); };
  auto date_text = [](std::string_view d) { return date_of(d); };
  auto s = db_.run(
              "SELECT p.id, p.external_id, p.currency, p.received_date, p.amount_minor, COALESCE(p.method,''),"
              " COALESCE(p.reference,''), COALESCE(p.payer_name,''), p.status, p.reversed_on, COALESCE(p.reverse_reason,''),"
              " COALESCE(c.external_id,''), COALESCE(c.name,'')"
              " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id WHERE p.external_id=$1",
              {external_id});
  if (!s.next()) return std::nullopt;
  PaymentFact p = facts::read_payment(s, currency_of, date_text);
  if (apps) {
    apps->clear();
    auto a = db_.run(std::string(kApplicationColumns) + " WHERE a.payment_id=$1 ORDER BY a.applied_on, a.id", {p.id});
    while (a.next()) {
      apps->push_back(facts::read_application(a, currency_of, date_text));
    }
  }
  return p;
}

void PgLedger::for_each_cash_application(core::Date from, core::Date to,
                                             const std::function<void(const CashApplicationFact&)>& fn) {
  std::string f = from.iso(), t = to.iso();
  auto s = db_.run(
              "SELECT i.customer_id, i.currency, i.invoice_date, p.received_date, a.applied_on, a.amount_minor"
              " FROM applications a JOIN invoices i ON i.id=a.invoice_id JOIN payments p ON p.id=a.payment_id"
              " WHERE a.applied_on >= $1 AND a.applied_on <= $2 ORDER BY i.customer_id, a.applied_on, a.id",
              {f, t});
  // id -> (external id, name), read once (the rows point into it).
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>> names;
  {
    auto c = db_.run("SELECT id, external_id, name FROM customers");
    while (c.next()) names.emplace(c.int64(0), std::make_pair(std::string(c.text(1)), std::string(c.text(2))));
  }
  static const std::string kUnknown;
  CashApplicationFact row;
  while (s.next()) {
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

std::vector<std::pair<std::int64_t, int>> PgLedger::reversed_payment_counts(core::Date from, core::Date to) {
  std::string t = to.iso(), f = from.iso();
  auto s = db_.run(
              "SELECT customer_id, count(*) FROM payments WHERE status='reversed' AND customer_id IS NOT NULL"
              " AND COALESCE(method,'') <> 'return' AND COALESCE(reversed_on, received_date) BETWEEN $2 AND $1 GROUP BY customer_id ORDER BY customer_id",
              {t, f});
  std::vector<std::pair<std::int64_t, int>> out;
  while (s.next()) out.emplace_back(s.int64(0), static_cast<int>(s.int64(1)));
  return out;
}

}  // namespace otc::store::pg
