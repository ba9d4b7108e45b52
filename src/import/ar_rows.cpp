#include "otc/import/ar_rows.hpp"
#include "otc/core/currency_names.hpp"
#include "otc/core/text.hpp"

#include <cctype>
#include <string>

namespace otc::import {
namespace {

using core::trim;

struct Fnv {
  std::uint64_t h = 1469598103934665603ULL;
  void add(std::string_view s) {
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
    h ^= 0x1f; h *= 1099511628211ULL;  // field separator
  }
  void add(std::int64_t v) { add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v)); }
};

}  // namespace

std::optional<int> parse_terms_days(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::string lower;
  for (char c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.find("receipt") != std::string::npos || lower == "cod" || lower == "immediate") return 0;
  // The last run of digits is the net days ("2% 10 Net 30" -> 30).
  int value = -1;
  for (std::size_t i = 0; i < lower.size();) {
    if (std::isdigit(static_cast<unsigned char>(lower[i]))) {
      int v = 0;
      std::size_t j = i;
      while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j])) && v < 100000) v = v * 10 + (lower[j++] - '0');
      if (j < lower.size() && lower[j] == '%') { i = j + 1; continue; }  // a discount percentage
      value = v;
      i = j;
    } else {
      ++i;
    }
  }
  if (value < 0 || value > 3650) return std::nullopt;
  return value;
}

ArRowParser::ArRowParser(const ColumnMap& map, const InputSettings& settings) : map_(map), settings_(settings) {
  customer_id_ = col("customer_id"); name_ = col("name"); customer_name_ = col("customer_name");
  currency_ = col("currency"); terms_ = col("terms"); credit_limit_ = col("credit_limit"); email_ = col("email");
  bank_account_ = col("bank_account"); invoice_id_ = col("invoice_id"); invoice_date_ = col("invoice_date");
  due_date_ = col("due_date"); amount_ = col("amount"); po_number_ = col("po_number"); payment_id_ = col("payment_id");
  payment_date_ = col("payment_date"); applied_amount_ = col("applied_amount"); method_ = col("method");
  reference_ = col("reference"); payer_name_ = col("payer_name"); payer_account_ = col("payer_account");
  open_amount_ = col("open_amount"); type_ = col("type"); applies_to_ = col("applies_to"); memo_ = col("memo");
  status_ = col("status");
  // A customer column that is a name (QuickBooks `Customer`, `Customer full name`, `Name`): the
  // text is the customer's name as well as its id.
  if (customer_id_.index >= 0) {
    std::string h = normalize_header(map_.header()[static_cast<std::size_t>(customer_id_.index)]);
    id_is_name_ = h == "customer" || h == "name" || h == "customername" || h == "customerfullname" || h == "displayname" ||
                  h == "company" || h == "companyname" || h == "accountname";
  }
}

void ArRowParser::configure(const MappingFile* mapping, std::string_view profile, bool explicit_default,
                            CustomerCurrencyFn customer_currency) {
  mapping_ = mapping;
  split_always_ = profile == "netsuite";
  explicit_default_ = explicit_default;
  customer_currency_ = std::move(customer_currency);
}

ArRowParser::Col ArRowParser::col(const char* field) const {
  int i = map_.index(field);
  return {i, i + 1, field};
}

std::string_view ArRowParser::get(const CsvReader& row, const Col& c) const {
  if (c.index < 0) return {};
  std::string_view v = trim(row.field(static_cast<std::size_t>(c.index)));
  if (auto m = mapped_value(mapping_, c.field, v)) return *m;
  return v;
}

std::optional<EntityText> split_entity_text(std::string_view text) {
  text = trim(text);
  // A NetSuite hierarchy "Parent Co : CUST-1001 Child Co": the entity is the last part.
  if (std::size_t p = text.rfind(" : "); p != std::string_view::npos) text = trim(text.substr(p + 3));
  std::size_t sp = text.find(' ');
  if (sp == std::string_view::npos) return std::nullopt;
  std::string_view id = text.substr(0, sp);
  std::string_view name = trim(text.substr(sp + 1));
  bool digit = false;
  for (char c : id) digit = digit || std::isdigit(static_cast<unsigned char>(c));
  if (!digit || name.empty() || id.size() < 2) return std::nullopt;
  return EntityText{std::string(id), std::string(name)};
}

namespace {

std::string lower_alnum(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  return out;
}

}  // namespace

core::Issue issue_at(const CsvReader& row, int column, std::string message) {
  core::Issue is{row.location(column > 0 ? static_cast<std::size_t>(column - 1) : 0), std::move(message)};
  if (column <= 0) is.where.column = 0, is.where.caret = -1;
  return is;
}

namespace {

constexpr auto at = issue_at;

/// An id longer than the documented limit is a bad row (docs/limits.md).
void check_id_length(const CsvReader& row, int column, const char* what, const std::string& v, std::vector<core::Issue>& issues) {
  if (v.size() > kMaxIdBytes)
    issues.push_back(at(row, column, std::string(what) + " is " + std::to_string(v.size()) + " bytes long; ids may be at most " +
                                         std::to_string(kMaxIdBytes)));
}

bool parse_money(const CsvReader& row, std::string_view v, int column, const char* what, const core::Currency& ccy,
                 core::AmountStyle style, std::int64_t& out, std::vector<core::Issue>& issues) {
  auto r = core::parse_amount(v, ccy.exponent, style);
  if (!r.ok()) {
    std::string msg = std::string(what) + " '" + std::string(v) + "': " + std::string(core::describe(*r.error));
    if (*r.error == core::AmountError::kTooManyDecimals)
      msg += " (" + std::string(ccy.view()) + " has " + std::to_string(ccy.exponent) + ")";
    issues.push_back(at(row, column, msg));
    return false;
  }
  out = r.minor;
  return true;
}

}  // namespace

bool ArRowParser::date(const CsvReader& row, const Col& c, core::Date& out, std::vector<core::Issue>& issues, bool required,
                       bool& form_reported) const {
  auto v = get(row, c);
  if (v.empty()) {
    if (required) issues.push_back(at(row, c.column, std::string(c.field) + " is empty"));
    return false;
  }
  if (auto d = settings_.date_format.parse(v)) { out = *d; return true; }
  for (const auto& f : settings_.extra_date_formats)
    if (auto d = f.parse(v)) { out = *d; return true; }
  // One message per row: a second date in the same wrong form adds nothing.
  if (form_reported) return false;
  form_reported = true;
  std::string forms = settings_.date_format.is_iso() ? std::string("YYYY-MM-DD") : settings_.date_format.pattern();
  for (const auto& f : settings_.extra_date_formats) forms += " or " + (f.is_iso() ? std::string("YYYY-MM-DD") : f.pattern());
  std::string msg = std::string(c.field) + " '" + std::string(v) + "' is not a date in the form " + forms +
                    " (declare the file's form with date_format in a mapping file or --date-format)";
  issues.push_back(at(row, c.column, msg));
  return false;
}

bool ArRowParser::currency(const CsvReader& row, core::Currency& out, std::vector<core::Issue>& issues,
                           const CustomerNaming* naming, std::string_view customer) const {
  auto v = get(row, currency_);
  std::string fallback;
  if (v.empty() && explicit_default_) v = settings_.default_currency;
  if (v.empty() && customer_currency_ && naming) {
    fallback = customer_currency_(*naming, customer);
    v = fallback;
  }
  if (v.empty()) v = settings_.default_currency;
  if (v.empty()) {
    issues.push_back(at(row, currency_.index >= 0 ? currency_.column : 0,
                        "currency is empty, the customer has no currency and no default currency is set (--currency)"));
    return false;
  }
  // Most files hold a few currencies: the last texts read are remembered (a code look-up is a table scan).
  for (const auto& m : currency_memo_)
    if (m.size != 0 && m.size == v.size() && v.compare(std::string_view(m.text, m.size)) == 0) {
      out = m.currency;
      return true;
    }
  auto c = core::currency_from_text(v);
  if (!c) {
    issues.push_back(at(row, currency_.column, "unknown currency '" + std::string(v) + "'"));
    return false;
  }
  if (v.size() <= sizeof currency_memo_[0].text) {
    auto& m = currency_memo_[next_memo_++ % (sizeof currency_memo_ / sizeof currency_memo_[0])];
    v.copy(m.text, v.size());
    m.size = v.size();
    m.currency = *c;
  }
  out = *c;
  return true;
}

CustomerNaming ArRowParser::naming(const CsvReader& row, std::string& id, std::string& name, bool name_from_id) const {
  CustomerNaming n;
  n.text.assign(get(row, customer_id_));
  n.split_always = split_always_;
  n.split = split_entity_text(n.text);
  id = n.text;
  if (n.split && split_always_) {
    id = n.split->id;
    if (name.empty()) name = n.split->name;
  }
  // One column for id and name (QuickBooks `Customer`): the name is the id's text.
  if (name.empty() && name_from_id) name = n.text;
  // A name column written "ID Name" as well: the name is what follows the id.
  if (!id.empty() && name.size() > id.size() + 1 && name.compare(0, id.size(), id) == 0 && name[id.size()] == ' ')
    name = std::string(trim(std::string_view(name).substr(id.size() + 1)));
  return n;
}

bool ArRowParser::parse(const CsvReader& row, domain::Customer& c, std::vector<core::Issue>& issues) const {
  std::size_t before = issues.size();
  c.name.assign(get(row, name_));
  naming(row, c.external_id, c.name, id_is_name_);
  if (c.external_id.empty()) issues.push_back(at(row, customer_id_.column, "customer_id is empty"));
  check_id_length(row, customer_id_.column, "customer_id", c.external_id, issues);
  c.currency.clear();
  if (auto v = get(row, currency_); !v.empty()) {
    if (auto cc = core::currency_from_text(v)) c.currency.assign(cc->view());
    else issues.push_back(at(row, currency_.column, "unknown currency '" + std::string(v) + "'"));
  }
  c.terms_days.reset();
  if (auto v = get(row, terms_); !v.empty()) {
    c.terms_days = parse_terms_days(v);
    if (!c.terms_days) issues.push_back(at(row, terms_.column, "terms '" + std::string(v) + "' are not a number of days"));
  }
  c.credit_limit_minor.reset();
  if (auto v = get(row, credit_limit_); !v.empty()) {
    int exp = 2;
    if (auto cc = core::find_currency(c.currency)) exp = cc->exponent;
    std::int64_t limit = 0;
    if (parse_money(row, v, credit_limit_.column, "credit_limit", core::Currency{{'X','X','X',0}, exp},
                    settings_.amount_style, limit, issues))
      c.credit_limit_minor = limit;
  }
  c.email.assign(get(row, email_));
  c.bank_account.assign(get(row, bank_account_));
  return issues.size() == before;
}

bool ArRowParser::parse(const CsvReader& row, domain::Invoice& inv, std::vector<core::Issue>& issues) const {
  InvoiceRow r;
  bool ok = parse(row, r, issues);
  inv = static_cast<domain::Invoice&>(r);
  return ok;
}

namespace {

enum class DocType { kInvoice, kCredit, kUnknown };

DocType doc_type(std::string_view text) {
  std::string t = lower_alnum(text);
  if (t.empty()) return DocType::kUnknown;
  if (t == "invoice" || t == "inv" || t == "bill" || t == "statementcharge" || t == "charge" || t == "debitmemo" ||
      t == "salesinvoice")
    return DocType::kInvoice;
  if (t == "creditmemo" || t == "credit" || t == "creditnote" || t == "cm" || t == "cn" || t == "salescredit" ||
      t == "customercredit" || t == "returnauthorization")
    return DocType::kCredit;
  return DocType::kUnknown;
}

}  // namespace

bool ArRowParser::parse(const CsvReader& row, InvoiceRow& inv, std::vector<core::Issue>& issues) const {
  std::size_t before = issues.size();
  inv.external_id.assign(get(row, invoice_id_));
  if (inv.external_id.empty()) issues.push_back(at(row, invoice_id_.column, "invoice_id is empty"));
  check_id_length(row, invoice_id_.column, "invoice_id", inv.external_id, issues);
  inv.customer_name.assign(get(row, customer_name_));
  inv.naming = naming(row, inv.customer_external_id, inv.customer_name, id_is_name_);
  if (inv.customer_external_id.empty()) issues.push_back(at(row, customer_id_.column, "customer_id is empty"));
  check_id_length(row, customer_id_.column, "customer_id", inv.customer_external_id, issues);
  inv.type.assign(get(row, type_));
  inv.applies_to.assign(get(row, applies_to_));
  inv.memo.assign(get(row, memo_));
  inv.is_void = false;
  inv.open_minor.reset();
  bool paid = false;
  if (auto st = lower_alnum(get(row, status_)); !st.empty()) {
    if (st == "void" || st == "voided" || st == "cancelled" || st == "canceled" || st == "rejected") inv.is_void = true;
    else if (st == "paid" || st == "paidinfull" || st == "closed" || st == "fullypaid") paid = true;
    else if (!(st == "open" || st == "partiallypaid" || st == "overdue" || st == "posted" || st == "pendingpayment" ||
               st == "sent" || st == "due" || st == "unpaid"))
      issues.push_back(at(row, status_.column, "status '" + std::string(get(row, status_)) +
                                                   "' is not open, paid or void (map it with `value status \"...\" = open` in a mapping file)"));
  }
  bool form_reported = false;
  bool have_date = date(row, invoice_date_, inv.invoice_date, issues, true, form_reported);
  bool have_ccy = currency(row, inv.currency, issues, &inv.naming, inv.customer_external_id);
  bool have_amount = false;
  if (have_ccy)
    have_amount = parse_money(row, get(row, amount_), amount_.column, "amount", inv.currency, settings_.amount_style, inv.total_minor, issues);
  DocType type = doc_type(inv.type);
  inv.is_credit = type == DocType::kCredit || (have_amount && inv.total_minor < 0);
  if (have_amount && type == DocType::kCredit && inv.total_minor > 0) {}  // credit memos may be written positive
  if (have_amount) inv.total_minor = inv.total_minor < 0 ? -inv.total_minor : inv.total_minor;
  if (have_amount && inv.total_minor == 0 && !inv.is_void)
    issues.push_back(at(row, amount_.column, "amount is zero"));
  if (have_ccy && open_amount_.index >= 0 && !get(row, open_amount_).empty()) {
    std::int64_t open = 0;
    if (parse_money(row, get(row, open_amount_), open_amount_.column, "open_amount", inv.currency, settings_.amount_style, open, issues)) {
      if (open < 0) open = -open;  // a credit's open balance is written negative
      if (have_amount && open > inv.total_minor)
        issues.push_back(at(row, open_amount_.column, "open_amount is more than the amount"));
      else
        inv.open_minor = open;
    }
  } else if (paid) {
    inv.open_minor = 0;
  }
  inv.due_from_customer_terms = false;
  if (!date(row, due_date_, inv.due_date, issues, false, form_reported)) {
    auto terms_text = get(row, terms_);
    bool due_given = !get(row, due_date_).empty();
    if (!due_given) {
      auto days = parse_terms_days(terms_text);
      if (days && have_date) inv.due_date = inv.invoice_date.add_days(*days);
      else if (!terms_text.empty() && !days) issues.push_back(at(row, terms_.column, "terms '" + std::string(terms_text) + "' are not a number of days"));
      else if (have_date) {
        inv.due_date = inv.invoice_date;
        inv.due_from_customer_terms = !inv.is_credit;  // resolved against the ledger by the importer
      }
    }
  }
  if (issues.size() == before && !inv.due_date.in_range())  // invoice date + terms past 2199-12-31
    issues.push_back(at(row, terms_.column ? terms_.column : due_date_.column,
                        "due date " + inv.due_date.iso() + " is outside the supported dates 1900-01-01 to 2199-12-31"));
  if (issues.size() == before && inv.due_date < inv.invoice_date) {
    if (inv.is_credit) inv.due_date = inv.invoice_date;
    else issues.push_back(at(row, due_date_.column, "due_date " + inv.due_date.iso() + " is before invoice_date " + inv.invoice_date.iso()));
  }
  inv.po_number.assign(get(row, po_number_));
  return issues.size() == before;
}

bool ArRowParser::parse(const CsvReader& row, domain::Payment& p, std::vector<core::Issue>& issues) const {
  PaymentRow r;
  bool ok = parse(row, r, issues);
  p = static_cast<domain::Payment&>(r);
  return ok;
}

bool ArRowParser::parse(const CsvReader& row, PaymentRow& p, std::vector<core::Issue>& issues) const {
  std::size_t before = issues.size();
  p.external_id.assign(get(row, payment_id_));
  if (p.external_id.empty()) issues.push_back(at(row, payment_id_.column, "payment_id is empty"));
  check_id_length(row, payment_id_.column, "payment_id", p.external_id, issues);
  p.customer_name.assign(get(row, customer_name_));
  p.naming = naming(row, p.customer_external_id, p.customer_name, id_is_name_);
  bool form_reported = false;
  date(row, payment_date_, p.received_date, issues, true, form_reported);
  if (currency(row, p.currency, issues, p.customer_external_id.empty() ? nullptr : &p.naming, p.customer_external_id)) {
    if (parse_money(row, get(row, amount_), amount_.column, "amount", p.currency, settings_.amount_style, p.amount_minor, issues) &&
        p.amount_minor <= 0)
      issues.push_back(at(row, amount_.column, "payment amount must be positive (returns and refunds are posted with `otc cash reverse`)"));
    p.applied_minor.reset();
    if (!get(row, applied_amount_).empty()) {
      std::int64_t applied = 0;
      if (parse_money(row, get(row, applied_amount_), applied_amount_.column, "applied_amount", p.currency, settings_.amount_style, applied, issues)) {
        if (applied <= 0) issues.push_back(at(row, applied_amount_.column, "applied_amount must be positive"));
        else if (applied > p.amount_minor) issues.push_back(at(row, applied_amount_.column, "applied_amount is more than the payment amount"));
        else p.applied_minor = applied;
      }
    }
  }
  p.invoice_external_id.assign(get(row, invoice_id_));
  if (p.applied_minor && p.invoice_external_id.empty())
    issues.push_back(at(row, applied_amount_.column, "applied_amount given but no invoice_id"));
  p.method.assign(get(row, method_));
  p.reference.assign(get(row, reference_));
  p.payer_name.assign(get(row, payer_name_));
  p.payer_account.assign(get(row, payer_account_));
  return issues.size() == before;
}

std::uint64_t content_hash(const domain::Customer& c) {
  Fnv f;
  f.add(c.external_id); f.add(c.name); f.add(c.currency);
  f.add(static_cast<std::int64_t>(c.terms_days.value_or(-1)));
  f.add(c.credit_limit_minor.value_or(-1)); f.add(c.email); f.add(c.bank_account);
  return f.h >> 1;  // SQLite integers are signed; keep it positive
}

std::uint64_t content_hash(const domain::Invoice& i) {
  Fnv f;
  f.add(i.external_id); f.add(i.customer_external_id); f.add(i.currency.view());
  f.add(static_cast<std::int64_t>(i.invoice_date.days())); f.add(static_cast<std::int64_t>(i.due_date.days()));
  f.add(i.total_minor); f.add(i.po_number);
  return f.h >> 1;
}

std::uint64_t content_hash(const domain::Payment& p) {
  // The payment itself, not how a row splits it across invoices.
  Fnv f;
  f.add(p.external_id); f.add(p.customer_external_id); f.add(p.currency.view());
  f.add(static_cast<std::int64_t>(p.received_date.days())); f.add(p.amount_minor); f.add(p.method); f.add(p.reference);
  return f.h >> 1;
}

}  // namespace otc::import
