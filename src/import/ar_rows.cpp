#include "otc/import/ar_rows.hpp"
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
}

ArRowParser::Col ArRowParser::col(const char* field) const {
  int i = map_.index(field);
  return {i, i + 1};
}

namespace {

std::string_view get(const CsvReader& row, int index) {
  return index < 0 ? std::string_view() : trim(row.field(static_cast<std::size_t>(index)));
}

}  // namespace

core::Issue issue_at(const CsvReader& row, int column, std::string message) {
  core::Issue is{row.location(column > 0 ? static_cast<std::size_t>(column - 1) : 0), std::move(message)};
  if (column <= 0) is.where.column = 0, is.where.caret = -1;
  return is;
}

namespace {

constexpr auto at = issue_at;

void required_text(const CsvReader& row, int index, int column, const char* what, std::string& out,
                   std::vector<core::Issue>& issues) {
  auto v = get(row, index);
  if (v.empty()) issues.push_back(at(row, column, std::string(what) + " is empty"));
  else if (v.size() > kMaxIdBytes)  // every required text here is an id (docs/limits.md)
    issues.push_back(at(row, column, std::string(what) + " is " + std::to_string(v.size()) + " bytes long; ids may be at most " +
                                         std::to_string(kMaxIdBytes)));
  else out.assign(v);
}

bool parse_date(const CsvReader& row, int index, int column, const char* what, const core::DateFormat& fmt,
                core::Date& out, std::vector<core::Issue>& issues, bool required = true) {
  auto v = get(row, index);
  if (v.empty()) {
    if (required) issues.push_back(at(row, column, std::string(what) + " is empty"));
    return false;
  }
  auto d = fmt.parse(v);
  if (!d) {
    std::string msg = std::string(what) + " '" + std::string(v) + "' is not a date";
    msg += fmt.is_iso() ? " (expected YYYY-MM-DD; declare another format with --date-format)" : " in the format " + fmt.pattern();
    issues.push_back(at(row, column, msg));
    return false;
  }
  out = *d;
  return true;
}

bool parse_money(const CsvReader& row, int index, int column, const char* what, const core::Currency& ccy,
                 core::AmountStyle style, std::int64_t& out, std::vector<core::Issue>& issues) {
  auto v = get(row, index);
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

bool ArRowParser::currency(const CsvReader& row, core::Currency& out, std::vector<core::Issue>& issues) const {
  auto v = get(row, currency_.index);
  if (v.empty()) v = settings_.default_currency;
  if (v.empty()) {
    issues.push_back(at(row, currency_.index >= 0 ? currency_.column : 0, "currency is empty and no default currency is set (--currency)"));
    return false;
  }
  auto c = core::find_currency(v);
  if (!c) {
    issues.push_back(at(row, currency_.column, "unknown currency '" + std::string(v) + "'"));
    return false;
  }
  out = *c;
  return true;
}

bool ArRowParser::parse(const CsvReader& row, domain::Customer& c, std::vector<core::Issue>& issues) const {
  std::size_t before = issues.size();
  required_text(row, customer_id_.index, customer_id_.column, "customer_id", c.external_id, issues);
  c.name.assign(get(row, name_.index));
  c.currency.clear();
  if (auto v = get(row, currency_.index); !v.empty()) {
    if (auto cc = core::find_currency(v)) c.currency.assign(cc->view());
    else issues.push_back(at(row, currency_.column, "unknown currency '" + std::string(v) + "'"));
  }
  c.terms_days.reset();
  if (auto v = get(row, terms_.index); !v.empty()) {
    c.terms_days = parse_terms_days(v);
    if (!c.terms_days) issues.push_back(at(row, terms_.column, "terms '" + std::string(v) + "' are not a number of days"));
  }
  c.credit_limit_minor.reset();
  if (auto v = get(row, credit_limit_.index); !v.empty()) {
    int exp = 2;
    if (auto cc = core::find_currency(c.currency)) exp = cc->exponent;
    std::int64_t limit = 0;
    if (parse_money(row, credit_limit_.index, credit_limit_.column, "credit_limit", core::Currency{{'X','X','X',0}, exp},
                    settings_.amount_style, limit, issues))
      c.credit_limit_minor = limit;
  }
  c.email.assign(get(row, email_.index));
  c.bank_account.assign(get(row, bank_account_.index));
  return issues.size() == before;
}

bool ArRowParser::parse(const CsvReader& row, domain::Invoice& inv, std::vector<core::Issue>& issues) const {
  std::size_t before = issues.size();
  required_text(row, invoice_id_.index, invoice_id_.column, "invoice_id", inv.external_id, issues);
  required_text(row, customer_id_.index, customer_id_.column, "customer_id", inv.customer_external_id, issues);
  inv.customer_name.assign(get(row, customer_name_.index));
  bool have_date = parse_date(row, invoice_date_.index, invoice_date_.column, "invoice_date", settings_.date_format, inv.invoice_date, issues);
  bool have_ccy = currency(row, inv.currency, issues);
  if (have_ccy) parse_money(row, amount_.index, amount_.column, "amount", inv.currency, settings_.amount_style, inv.total_minor, issues);
  inv.due_from_customer_terms = false;
  if (!parse_date(row, due_date_.index, due_date_.column, "due_date", settings_.date_format, inv.due_date, issues, false)) {
    auto terms_text = get(row, terms_.index);
    bool due_given = !get(row, due_date_.index).empty();
    if (!due_given) {
      auto days = parse_terms_days(terms_text);
      if (days && have_date) inv.due_date = inv.invoice_date.add_days(*days);
      else if (!terms_text.empty() && !days) issues.push_back(at(row, terms_.column, "terms '" + std::string(terms_text) + "' are not a number of days"));
      else if (have_date) {
        inv.due_date = inv.invoice_date;
        inv.due_from_customer_terms = true;  // resolved against the ledger by the importer
      }
    }
  }
  if (issues.size() == before && !inv.due_date.in_range())  // invoice date + terms past 2199-12-31
    issues.push_back(at(row, terms_.column ? terms_.column : due_date_.column,
                        "due date " + inv.due_date.iso() + " is outside the supported dates 1900-01-01 to 2199-12-31"));
  if (issues.size() == before && inv.due_date < inv.invoice_date)
    issues.push_back(at(row, due_date_.column, "due_date " + inv.due_date.iso() + " is before invoice_date " + inv.invoice_date.iso()));
  inv.po_number.assign(get(row, po_number_.index));
  return issues.size() == before;
}

bool ArRowParser::parse(const CsvReader& row, domain::Payment& p, std::vector<core::Issue>& issues) const {
  std::size_t before = issues.size();
  required_text(row, payment_id_.index, payment_id_.column, "payment_id", p.external_id, issues);
  p.customer_external_id.assign(get(row, customer_id_.index));
  p.customer_name.assign(get(row, customer_name_.index));
  parse_date(row, payment_date_.index, payment_date_.column, "payment_date", settings_.date_format, p.received_date, issues);
  if (currency(row, p.currency, issues)) {
    if (parse_money(row, amount_.index, amount_.column, "amount", p.currency, settings_.amount_style, p.amount_minor, issues) &&
        p.amount_minor <= 0)
      issues.push_back(at(row, amount_.column, "payment amount must be positive (returns and refunds are posted with `otc cash reverse`)"));
    p.applied_minor.reset();
    if (!get(row, applied_amount_.index).empty()) {
      std::int64_t applied = 0;
      if (parse_money(row, applied_amount_.index, applied_amount_.column, "applied_amount", p.currency, settings_.amount_style, applied, issues)) {
        if (applied <= 0) issues.push_back(at(row, applied_amount_.column, "applied_amount must be positive"));
        else if (applied > p.amount_minor) issues.push_back(at(row, applied_amount_.column, "applied_amount is more than the payment amount"));
        else p.applied_minor = applied;
      }
    }
  }
  p.invoice_external_id.assign(get(row, invoice_id_.index));
  if (p.applied_minor && p.invoice_external_id.empty())
    issues.push_back(at(row, applied_amount_.column, "applied_amount given but no invoice_id"));
  p.method.assign(get(row, method_.index));
  p.reference.assign(get(row, reference_.index));
  p.payer_name.assign(get(row, payer_name_.index));
  p.payer_account.assign(get(row, payer_account_.index));
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
