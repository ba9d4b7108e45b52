#include "otc/import/billing_lines.hpp"

#include "otc/core/currency_names.hpp"
#include "otc/core/text.hpp"
#include "otc/import/gl_rows.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;

using core::trim;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<std::string> year_month(int year, int month) {
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  std::string out = std::to_string(year) + "-";
  if (month < 10) out += '0';
  out += std::to_string(month);
  return out;
}

/// 1..12 for an English month name or its three-letter abbreviation, else 0.
std::int64_t pow10(int n) {
  std::int64_t v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

/// The first record of a file read from its first bytes, so that the real reader (and its large
/// buffer) need not be opened before the side is read.
std::vector<std::string> sniff_header(const std::string& path, const std::string& name, char delimiter) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kInput, "cannot open file", {name});
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // Cut after the last complete line so that a record is never split in the middle.
  if (auto nl = head.rfind('\n'); nl != std::string::npos && !in.eof()) head.resize(nl + 1);
  CsvReader csv(name, head, delimiter);
  std::vector<std::string> header;
  if (csv.next())
    for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
  return header;
}

}  // namespace

const std::vector<std::string>& billing_key_fields() {
  static const std::vector<std::string> fields = {"contract_id", "contract_line", "period", "product", "customer"};
  return fields;
}

std::vector<std::string> parse_billing_key(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    auto comma = text.find(',');
    std::string field(trim(text.substr(0, comma)));
    if (field.empty() || std::find(billing_key_fields().begin(), billing_key_fields().end(), field) == billing_key_fields().end())
      throw Error(ErrorKind::kUsage, "--key: '" + field + "' is not a key field (known: contract_id, contract_line, period, product, customer)");
    if (std::find(out.begin(), out.end(), field) != out.end()) throw Error(ErrorKind::kUsage, "--key names '" + field + "' twice");
    out.push_back(std::move(field));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<std::string> normalize_period(std::string_view text, const core::DateFormat& format) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  // YYYY-MM, YYYY/MM, YYYY.MM
  if (text.size() == 7 && all_digits(text.substr(0, 4)) && (text[4] == '-' || text[4] == '/' || text[4] == '.') &&
      all_digits(text.substr(5)))
    return year_month(to_int(text.substr(0, 4)), to_int(text.substr(5)));
  // YYYYMM
  if (text.size() == 6 && all_digits(text)) return year_month(to_int(text.substr(0, 4)), to_int(text.substr(4)));
  // MM/YYYY, M/YYYY, MM-YYYY, MM.YYYY
  if ((text.size() == 7 || text.size() == 6)) {
    std::size_t sep = text.size() - 5;
    if ((text[sep] == '/' || text[sep] == '-' || text[sep] == '.') && all_digits(text.substr(0, sep)) &&
        all_digits(text.substr(sep + 1)))
      return year_month(to_int(text.substr(sep + 1)), to_int(text.substr(0, sep)));
  }
  // Mar 2026, March 2026, Mar-2026
  if (auto sep = text.find_first_of(" -"); sep != std::string_view::npos && sep >= 3) {
    std::string_view year = trim(text.substr(sep + 1));
    if (int m = core::month_from_name(text.substr(0, sep)); m != 0 && year.size() == 4 && all_digits(year))
      return year_month(to_int(year), m);
  }
  if (!format.is_iso())
    if (auto d = format.parse(text)) return year_month(d->year(), d->month());
  if (auto d = core::parse_iso_date(text)) return year_month(d->year(), d->month());
  return std::nullopt;
}

std::int64_t percent_discount_amount(std::int64_t quantity, std::int64_t unit_price, std::int64_t percent,
                                     const core::Currency& currency) {
  // As billing does: the line amount rounded to the minor unit, then the rate of it, rounded.
  const __int128 scale = static_cast<__int128>(engine::kMicros) * engine::kMicros / pow10(currency.exponent);
  std::int64_t gross_minor = core::divide_rounded(static_cast<__int128>(quantity) * unit_price, scale, core::Rounding::kHalfEven);
  std::int64_t discount_minor =
      core::divide_rounded(static_cast<__int128>(gross_minor) * percent, 100 * static_cast<__int128>(engine::kMicros),
                           core::Rounding::kHalfEven);
  return core::checked_mul(discount_minor, pow10(6 - currency.exponent));
}

std::optional<std::int64_t> discount_percent_of(std::int64_t quantity, std::int64_t unit_price, std::int64_t amount) {
  const __int128 gross = static_cast<__int128>(quantity) * unit_price;  // millionths squared
  if (gross == 0) return std::nullopt;
  __int128 num = static_cast<__int128>(amount) * 100 * engine::kMicros * engine::kMicros;
  __int128 den = gross;
  if (den < 0) {
    den = -den;
    num = -num;
  }
  return core::divide_rounded(num, den, core::Rounding::kHalfEven);
}

CsvBillingSource::CsvBillingSource(std::string path, BillingReadOptions options, std::string display_name)
    : path_(std::move(path)), options_(std::move(options)), display_name_(display_name.empty() ? path_ : std::move(display_name)) {
  settings_ = settings_with_mapping(options_.settings, options_.mapping);
  if (!settings_.default_currency.empty()) default_currency_ = core::find_currency(settings_.default_currency);
}

CsvBillingSource::~CsvBillingSource() = default;

void CsvBillingSource::prepare() {
  if (prepared_) return;
  prepared_ = true;
  if (path_ == "-") {
    // stdin cannot be read twice: open the reader now and keep it.
    csv_ = std::make_unique<CsvReader>(path_, settings_.delimiter);
    if (csv_->next())
      for (std::size_t i = 0; i < csv_->size(); ++i) header_.emplace_back(csv_->field(i));
  } else {
    header_ = sniff_header(path_, display_name_, settings_.delimiter);
  }
  if (header_.empty()) throw Error(ErrorKind::kInput, "file is empty (expected a header row)", {display_name_, 1, 0});
  ColumnMap map = ColumnMap::resolve(options_.kind, options_.profile, options_.mapping, header_, display_name_);
  // Required columns follow the key (below); the amount may be computed from quantity and unit
  // price when the export has no amount column.
  if (map.index("amount") < 0 && (map.index("quantity") < 0 || map.index("unit_price") < 0))
    throw Error(ErrorKind::kInput, "no column for required field(s): amount", {display_name_, 1, 0},
                "an export without an amount column needs quantity and unit_price columns (amount = quantity x unit price - discount)");
  for (const auto& k : options_.key_fields) {
    int idx = map.index(k);
    if (idx < 0)
      throw Error(ErrorKind::kInput, "no column for key field " + k, {display_name_, 1, 0},
                  "name it with --map FILE (see docs/reconcile.md), or choose other key fields with --key");
    keys_.push_back(idx);
  }
  period_ = map.index("period");
  if (!options_.period.empty() && period_ < 0)
    throw Error(ErrorKind::kInput, "--period needs a period column, and this export has none", {display_name_, 1, 0},
                "name it with --map FILE (period = Header)");
  customer_ = map.index("customer");
  quantity_ = map.index("quantity");
  price_ = map.index("unit_price");
  discount_ = map.index("discount");
  discount_percent_ = map.index("discount_percent");
  amount_ = map.index("amount");
  currency_ = map.index("currency");
  contract_ = map.index("contract_id");
  if (options_.kind == "erp_lines") {
    document_ = map.index("invoice_line");
    invoice_ = map.index("invoice_id");
  } else {
    document_ = map.index("contract_line");
  }
}

bool CsvBillingSource::has_field(std::string_view field) {
  prepare();
  if (field == "customer") return customer_ >= 0;
  if (field == "quantity") return quantity_ >= 0;
  if (field == "unit_price") return price_ >= 0;
  if (field == "discount") return discount_ >= 0 || discount_percent_ >= 0;
  if (field == "currency") return currency_ >= 0;
  if (field == "period") return period_ >= 0;
  if (field == "amount") return amount_ >= 0;
  return false;
}

void CsvBillingSource::issue(int index, std::string message) {
  core::SourceLocation where = csv_->location_of(index);
  where.file = display_name_;
  issues_.push_back({std::move(where), std::move(message)});
  row_ok_ = false;
}

bool CsvBillingSource::next(engine::BillingLine& out) {
  prepare();
  if (done_) return false;
  if (!csv_) {
    csv_ = std::make_unique<CsvReader>(path_, settings_.delimiter);
    csv_->next();  // the header, already resolved
  }
  while (true) {
    if (!csv_->next()) {
      csv_.reset();
      done_ = true;
      return false;
    }
    ++rows_read_;
    if (parse_row(out)) return true;
  }
}

bool CsvBillingSource::parse_row(engine::BillingLine& out) {
  row_ok_ = true;
  auto cell = [&](int index) { return index < 0 ? std::string_view() : trim(csv_->field(static_cast<std::size_t>(index))); };

  if (period_ >= 0) {
    std::string_view p = cell(period_);
    auto norm = normalize_period(p, settings_.date_format);
    if (!norm) {
      issue(period_, p.empty() ? "period is empty"
                               : "period '" + std::string(p) + "' is not a month (YYYY-MM) or a date in one" +
                                     (settings_.date_format.is_iso() ? "" : " (date format " + settings_.date_format.pattern() + ")"));
      return false;
    }
    if (!options_.period.empty() && *norm != options_.period) {
      ++rows_other_periods_;
      return false;
    }
    period_text_ = std::move(*norm);
  }

  out.key.clear();
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (k != 0) out.key.push_back('|');
    if (keys_[k] == period_) {
      out.key += period_text_;
      continue;
    }
    std::string_view v = cell(keys_[k]);
    if (v.empty()) issue(keys_[k], options_.key_fields[k] + " is empty");
    out.key.append(v);
  }

  std::string_view code = cell(currency_);
  if (code.empty()) {
    if (default_currency_) {
      out.currency = *default_currency_;
    } else {
      issue(currency_, settings_.default_currency.empty() ? "currency is empty and no default currency is set (--currency)"
                                                          : "default currency '" + settings_.default_currency + "' is not an ISO 4217 code");
      return false;
    }
  } else if (code == last_currency_.view()) {
    out.currency = last_currency_;
  } else if (auto c = core::currency_from_text(code)) {
    last_currency_ = *c;
    out.currency = *c;
  } else {
    issue(currency_, "currency '" + std::string(code) + "' is not an ISO 4217 code");
    return false;
  }

  auto micros = [&](int index, const char* what) -> std::int64_t {
    std::string_view v = cell(index);
    if (index < 0 || v.empty()) return 0;
    auto r = engine::parse_micros(v, settings_.amount_style);
    if (!r) {
      issue(index, std::string(what) + " '" + std::string(v) + "' is not a number with at most 6 decimals");
      return 0;
    }
    return *r;
  };
  out.quantity = micros(quantity_, "quantity");
  out.unit_price = micros(price_, "unit price");

  // Discount: a percent column, and/or a discount column holding an amount or "N%".
  std::int64_t percent = 0, amount_discount = 0;
  bool has_percent = false;
  if (std::string_view v = cell(discount_percent_); !v.empty()) {
    percent = micros(discount_percent_, "discount percent");
    has_percent = true;
  }
  int percent_column = discount_percent_;
  if (std::string_view v = cell(discount_); !v.empty()) {
    if (v.back() == '%') {
      percent += micros(discount_, "discount");
      has_percent = true;
      percent_column = discount_;
    } else {
      amount_discount = micros(discount_, "discount");
      if (out.currency.exponent < 6 && amount_discount % pow10(6 - out.currency.exponent) != 0)
        issue(discount_, "discount '" + std::string(v) + "' has more decimals than " + std::string(out.currency.view()) + " (" +
                             std::to_string(out.currency.exponent) + ")");
    }
  }
  if (options_.discount_unit == DiscountUnit::kAmount) {
    out.discount = amount_discount;
    if (has_percent && percent != 0) {
      if (quantity_ < 0 || price_ < 0) {
        issue(percent_column, "a percent discount is compared as an amount of quantity x unit price, and this export lacks those "
                              "columns (use --discount-unit percent)");
      } else {
        out.discount += percent_discount_amount(out.quantity, out.unit_price, percent, out.currency);
      }
    }
  } else {
    out.discount = percent;
    if (amount_discount != 0) {
      auto p = discount_percent_of(out.quantity, out.unit_price, amount_discount);
      if (!p) issue(discount_, "an amount discount cannot be turned into a percent: quantity x unit price is zero");
      else out.discount += *p;
    }
  }

  std::string_view a = cell(amount_);
  if (amount_ < 0) {
    // No amount column: quantity x unit price (rounded to the minor unit, half even) less the discount.
    const __int128 scale = static_cast<__int128>(engine::kMicros) * engine::kMicros / pow10(out.currency.exponent);
    std::int64_t gross = core::divide_rounded(static_cast<__int128>(out.quantity) * out.unit_price, scale, core::Rounding::kHalfEven);
    std::int64_t off = amount_discount / pow10(6 - out.currency.exponent);
    if (has_percent && percent != 0)
      off += percent_discount_amount(out.quantity, out.unit_price, percent, out.currency) / pow10(6 - out.currency.exponent);
    out.amount_minor = core::checked_sub(gross, off);
  } else if (a.empty()) {
    issue(amount_, "amount is empty");
  } else {
    auto r = core::parse_amount(a, out.currency.exponent, settings_.amount_style);
    if (!r.ok()) {
      std::string msg = "amount '" + std::string(a) + "': " + std::string(core::describe(*r.error));
      if (*r.error == core::AmountError::kTooManyDecimals)
        msg += " (" + std::string(out.currency.view()) + " has " + std::to_string(out.currency.exponent) + ")";
      issue(amount_, msg);
    } else {
      out.amount_minor = r.minor;
    }
  }

  out.customer.assign(cell(customer_));
  // The document named in suggestions: the line id, prefixed with its invoice or contract when it
  // is only a number ("INV-7/2", "K-1/1").
  out.document.clear();
  std::string_view doc = cell(document_), parent = options_.kind == "erp_lines" ? cell(invoice_) : cell(contract_);
  if (!parent.empty() && all_digits(doc)) {
    out.document.assign(parent);
    out.document += '/';
    out.document.append(doc);
  } else {
    out.document.assign(doc.empty() ? parent : doc);
  }
  out.source_line = csv_->line();
  return row_ok_;
}

void billing_line_from_ledger(const store::BilledLineRecord& r, const std::vector<std::string>& key_fields, DiscountUnit unit,
                              engine::BillingLine& out) {
  auto decimal = [&](const std::string& text, const char* what) -> std::int64_t {
    if (text.empty()) return 0;
    auto v = engine::parse_micros(text);
    if (!v)
      throw Error(ErrorKind::kLedger, "invoice " + r.invoice + " line " + std::to_string(r.line_no) + " holds " + what + " '" + text +
                                          "', not a decimal");
    return *v;
  };
  std::string period;
  if (auto d = r.service_from ? r.service_from : r.charge_date) period = *year_month(d->year(), d->month());
  out.key.clear();
  for (std::size_t k = 0; k < key_fields.size(); ++k) {
    if (k != 0) out.key.push_back('|');
    const std::string& f = key_fields[k];
    if (f == "contract_id") out.key += r.contract_id;
    else if (f == "contract_line") out.key += r.contract_line;
    else if (f == "period") out.key += period;
    else if (f == "product") out.key += r.product;
    else if (f == "customer") out.key += r.customer;
  }
  out.customer = r.customer;
  out.currency = r.currency;
  out.quantity = decimal(r.quantity, "quantity");
  out.unit_price = decimal(r.unit_price, "unit price");
  const std::int64_t discount_micros = core::checked_mul(r.discount_minor, pow10(6 - r.currency.exponent));
  if (unit == DiscountUnit::kAmount) out.discount = discount_micros;
  else out.discount = r.discount_minor == 0 ? 0 : discount_percent_of(out.quantity, out.unit_price, discount_micros).value_or(0);
  out.amount_minor = core::checked_sub(core::checked_sub(r.amount_minor, r.discount_minor), r.credited_minor);
  out.document = r.invoice + "/" + std::to_string(r.line_no);
  out.source_line = 0;
}

}  // namespace otc::import
