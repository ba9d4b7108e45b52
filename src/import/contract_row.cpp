#include "otc/import/contract_row.hpp"
#include "otc/core/text.hpp"

#include <cctype>
#include <climits>
#include <string>

#include "otc/core/error.hpp"
#include "otc/engine/pricing.hpp"
#include "otc/import/csv_reader.hpp"

namespace otc::import {
namespace {

using domain::ContractLine;
using domain::PriceModel;

using core::trim;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::optional<std::int64_t> parse_decimal(std::string_view text, int places, core::AmountStyle style) {
  auto r = core::parse_amount(text, places, style);
  if (!r.ok() || r.minor < 0) return std::nullopt;
  return r.minor;
}

// FNV-1a over the fields, with a separator so that ("ab","c") and ("a","bc") differ.
struct Fnv {
  std::uint64_t h = 1469598103934665603ULL;
  void byte(unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  void add(std::string_view s) {
    for (unsigned char c : s) byte(c);
    byte(0x1f);
  }
  void add(std::int64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(static_cast<std::uint64_t>(v) >> (8 * i)));
    byte(0x1e);
  }
};

constexpr std::string_view kFrequencies = "monthly, quarterly, semiannual, annual";

/// Parses the fields of one row, throwing at the field's column.
class RowParser {
 public:
  RowParser(const ContractRowContext& ctx) : ctx_(ctx) {}

  [[noreturn]] void fail(const ContractField& f, const std::string& message, std::string hint = {}) const {
    throw core::Error(core::ErrorKind::kInput, message, core::SourceLocation{ctx_.file, ctx_.line, f.column},
                      std::move(hint));
  }

  static bool given(const ContractField& f) { return !trim(f.text).empty(); }
  static std::string_view text(const ContractField& f) { return trim(f.text); }

  std::string required_text(const ContractField& f, std::string_view name) const {
    if (!given(f)) fail(f, std::string(name) + (f.column == 0 ? " is missing" : " is empty"));
    if ((name == "contract_id" || name == "customer") && text(f).size() > kMaxIdBytes)  // docs/limits.md
      fail(f, std::string(name) + " is " + std::to_string(text(f).size()) + " bytes long; ids may be at most " + std::to_string(kMaxIdBytes));
    return std::string(text(f));
  }

  /// The field's value among named choices ("is not one of CHOICES" otherwise).
  template <class Parse>
  auto choice(const ContractField& f, std::string_view name, Parse parse, std::string_view choices) const {
    auto v = parse(text(f));
    if (!v) fail(f, std::string(name) + " '" + std::string(text(f)) + "' is not one of " + std::string(choices));
    return *v;
  }

  template <class Parse>
  auto required_choice(const ContractField& f, std::string_view name, Parse parse, std::string_view choices) const {
    required_text(f, name);
    return choice(f, name, parse, choices);
  }

  /// A non-negative decimal with up to 6 places, in millionths.
  std::int64_t decimal(const ContractField& f, std::string_view name, std::string_view what) const {
    auto v = parse_decimal(text(f), domain::kDecimalPlaces, ctx_.amount_style);
    if (!v)
      fail(f, std::string(name) + " '" + std::string(text(f)) + "' is not " + std::string(what) +
                  " (a non-negative decimal with up to 6 places)");
    return *v;
  }

  std::string expected_date() const {
    return ctx_.date_format.is_iso() ? "YYYY-MM-DD" : ctx_.date_format.pattern();
  }

  core::Date date(const ContractField& f, std::string_view name) const {
    auto d = ctx_.date_format.parse(text(f));
    if (!d) fail(f, std::string(name) + " '" + std::string(text(f)) + "' is not a date (expected " + expected_date() + ")");
    return *d;
  }

  const ContractRowContext& ctx() const { return ctx_; }

 private:
  const ContractRowContext& ctx_;
};

}  // namespace

std::optional<std::vector<domain::PriceTier>> parse_tier_table(std::string_view text, std::string& error,
                                                               core::AmountStyle style) {
  std::vector<domain::PriceTier> tiers;
  text = trim(text);
  if (text.empty()) {
    error = "the tier table is empty";
    return std::nullopt;
  }
  int number = 0;
  while (!text.empty()) {
    std::size_t semi = text.find(';');
    std::string_view part = trim(text.substr(0, semi));
    text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
    if (part.empty()) {
      if (text.empty() && !tiers.empty()) break;  // a trailing ';'
      error = "tier " + std::to_string(number + 1) + " is empty";
      return std::nullopt;
    }
    ++number;
    std::string where = "tier " + std::to_string(number) + " '" + std::string(part) + "'";
    std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) {
      error = where + " is not UP_TO:UNIT_PRICE";
      return std::nullopt;
    }
    std::string_view bound = trim(part.substr(0, colon));
    std::string_view price = trim(part.substr(colon + 1));
    domain::PriceTier t;
    if (!tiers.empty() && !tiers.back().up_to) {
      error = where + " follows the unbounded 'inf' tier, which must be last";
      return std::nullopt;
    }
    if (!iequals(bound, "inf")) {
      auto up_to = parse_decimal(bound, domain::kDecimalPlaces, style);
      if (!up_to) {
        error = where + ": '" + std::string(bound) + "' is not a quantity or 'inf'";
        return std::nullopt;
      }
      std::int64_t previous = tiers.empty() ? 0 : *tiers.back().up_to;
      if (*up_to <= previous) {
        error = where + ": " + std::string(bound) + " is not above the previous bound " +
                engine::format_scaled(previous, domain::kDecimalPlaces, 0);
        return std::nullopt;
      }
      t.up_to = *up_to;
    }
    auto p = parse_decimal(price, domain::kDecimalPlaces, style);
    if (!p) {
      error = where + ": '" + std::string(price) + "' is not a unit price (a decimal with up to 6 places)";
      return std::nullopt;
    }
    t.unit_price_micros = *p;
    tiers.push_back(t);
  }
  if (tiers.back().up_to) {
    error = "the last tier must be 'inf:PRICE' so that every quantity has a price";
    return std::nullopt;
  }
  return tiers;
}

std::optional<std::int64_t> parse_percent(std::string_view text, core::AmountStyle style) {
  text = trim(text);
  if (!text.empty() && text.back() == '%') text = trim(text.substr(0, text.size() - 1));
  if (text.empty()) return std::nullopt;
  // Four decimals of a percent are parts per million.
  auto v = parse_decimal(text, 4, style);
  if (!v || *v > domain::kRateScale) return std::nullopt;
  return v;
}

domain::ContractLine parse_contract_row(const ContractRowFields& row, const ContractRowContext& ctx,
                                        const domain::ContractLine* previous) {
  RowParser p(ctx);
  using F = RowParser;
  ContractLine c;
  if (previous) c = *previous;
  c.source_file = ctx.file;
  c.source_line = ctx.line;
  c.effective.reset();

  // Identity.
  if (!previous || F::given(row.contract_id)) c.contract_id = p.required_text(row.contract_id, "contract_id");
  if (F::given(row.line_id)) c.line_id = std::string(F::text(row.line_id));
  else if (!previous) c.line_id = "1";
  if (!previous || F::given(row.customer)) c.customer = p.required_text(row.customer, "customer");
  if (!previous || F::given(row.product)) c.product = p.required_text(row.product, "product");
  if (F::given(row.metric)) c.metric = std::string(F::text(row.metric));
  else if (!previous) c.metric = c.product;
  if (F::given(row.description)) c.description = std::string(F::text(row.description));

  // Dates.
  if (!previous || F::given(row.start_date)) {
    p.required_text(row.start_date, "start_date");
    c.start = p.date(row.start_date, "start_date");
  }
  if (F::given(row.end_date)) {
    if (iequals(F::text(row.end_date), "evergreen") || iequals(F::text(row.end_date), "none"))
      c.end.reset();
    else
      c.end = p.date(row.end_date, "end_date");
  } else if (!previous) {
    c.end.reset();
  }
  if (c.end && *c.end < c.start)
    p.fail(row.end_date, "end_date " + c.end->iso() + " is before start_date " + c.start.iso());
  if (F::given(row.effective_date)) {
    core::Date e = p.date(row.effective_date, "effective_date");
    if (e < c.start)
      p.fail(row.effective_date, "effective_date " + e.iso() + " is before start_date " + c.start.iso());
    if (e > c.start || previous) c.effective = e;
  } else if (previous) {
    p.fail(row.effective_date, "effective_date is empty: an amendment of contract " + c.contract_id + " line " +
                                   c.line_id + " needs the date its terms take effect");
  }

  // Schedule.
  if (!previous || F::given(row.frequency)) {
    c.frequency = p.required_choice(row.frequency, "frequency", domain::parse_frequency, kFrequencies);
  }
  if (F::given(row.timing)) {
    auto t = domain::parse_timing(F::text(row.timing));
    if (!t) p.fail(row.timing, "timing '" + std::string(F::text(row.timing)) + "' is not advance or arrears");
    c.timing = *t;
  } else if (!previous) {
    c.timing = domain::BillingTiming::kAdvance;
  }
  if (F::given(row.anchor_day)) {
    std::string_view a = F::text(row.anchor_day);
    bool digits = a.size() <= 2;
    for (char ch : a) digits = digits && std::isdigit(static_cast<unsigned char>(ch));
    if (digits) {
      int day = std::stoi(std::string(a));
      if (day < 1 || day > 31)
        p.fail(row.anchor_day, "anchor_day '" + std::string(a) + "' is not a day of the month (1-31) or a date");
      c.anchor_day = day;
      c.anchor_month.reset();
    } else if (auto d = ctx.date_format.parse(a)) {
      c.anchor_day = d->day();
      c.anchor_month = d->month();
    } else {
      p.fail(row.anchor_day, "anchor_day '" + std::string(a) + "' is not a day of the month (1-31) or a date");
    }
  } else if (!previous) {
    c.anchor_day = c.start.day();
    c.anchor_month.reset();
  }

  // Currency first: a fixed discount is an amount in it.
  if (!previous || F::given(row.currency)) {
    std::string code = p.required_text(row.currency, "currency");
    auto cur = core::find_currency(code);
    if (!cur) p.fail(row.currency, "currency '" + code + "' is not a known ISO 4217 code");
    c.currency = *cur;
  }

  // Price.
  if (!previous || F::given(row.price_model)) {
    c.model = p.required_choice(row.price_model, "price_model", domain::parse_price_model,
                                "flat, per_seat, usage_graduated, usage_volume, minimum_commitment");
  }
  if (F::given(row.price_per)) {
    c.price_per = p.choice(row.price_per, "price_per", domain::parse_frequency, kFrequencies);
  } else if (!previous) {
    c.price_per = c.frequency;
  }
  bool has_price = previous != nullptr;
  if (F::given(row.unit_price)) {
    c.unit_price_micros = p.decimal(row.unit_price, "unit_price", "a price");
    has_price = true;
  } else if (!previous) {
    c.unit_price_micros = 0;
  }
  if (F::given(row.tiers)) {
    std::string error;
    auto t = parse_tier_table(F::text(row.tiers), error, ctx.amount_style);
    if (!t) p.fail(row.tiers, "tiers: " + error, "write tiers as UP_TO:UNIT_PRICE;...;inf:UNIT_PRICE, e.g. 100:1.00;1000:0.80;inf:0.50");
    c.tiers = std::move(*t);
  } else if (!previous) {
    c.tiers.clear();
  }
  bool tiered_model = c.model == PriceModel::kUsageGraduated || c.model == PriceModel::kUsageVolume;
  if (!c.tiers.empty() && !tiered_model)
    p.fail(row.tiers, "tiers: a " + std::string(domain::to_string(c.model)) +
                          " line takes a unit price, not a tier table (only usage_graduated and usage_volume have tiers)");
  if (!has_price && !(tiered_model && !c.tiers.empty()))
    p.fail(row.unit_price, tiered_model ? "unit_price is empty: a " + std::string(domain::to_string(c.model)) +
                                              " line needs a unit price or a tier table"
                                        : std::string("unit_price is empty"));
  if (F::given(row.quantity)) {
    c.quantity = p.decimal(row.quantity, "quantity", "a quantity");
  } else if (!previous) {
    if (c.model == PriceModel::kPerSeat) p.fail(row.quantity, "quantity is empty: a per_seat line needs a seat count");
    if (c.model == PriceModel::kMinimumCommitment)
      p.fail(row.quantity, "quantity is empty: a minimum_commitment line needs the committed units per period");
    c.quantity = c.model == PriceModel::kFlat ? domain::kDecimalScale : 0;
  }

  // Discount.
  if (F::given(row.discount)) {
    std::string_view d = F::text(row.discount);
    if (iequals(d, "none")) {
      c.discount = {};
    } else if (d.back() == '%') {
      auto pct = parse_percent(d, ctx.amount_style);
      if (!pct)
        p.fail(row.discount, "discount '" + std::string(d) + "' is not a percentage from 0% to 100% with up to 4 decimals");
      c.discount.kind = *pct == 0 ? domain::DiscountKind::kNone : domain::DiscountKind::kPercent;
      c.discount.value = *pct;
    } else {
      auto a = core::parse_amount(d, c.currency.exponent, ctx.amount_style);
      if (!a.ok() || a.minor < 0)
        p.fail(row.discount, "discount '" + std::string(d) + "' is not a percentage (15%) or an amount in " +
                                 std::string(c.currency.view()),
               "a percentage ends with '%'; an amount is taken off each full billing period");
      c.discount.kind = a.minor == 0 ? domain::DiscountKind::kNone : domain::DiscountKind::kAmount;
      c.discount.value = a.minor;
    }
    if (c.discount.kind == domain::DiscountKind::kNone) c.discount.until.reset();
  } else if (!previous) {
    c.discount = {};
  }
  if (F::given(row.discount_until)) {
    if (c.discount.kind == domain::DiscountKind::kNone)
      p.fail(row.discount_until, "discount_until is given but the line has no discount");
    c.discount.until = p.date(row.discount_until, "discount_until");
  }

  // Tax and terms.
  if (F::given(row.tax_rate)) {
    auto t = parse_percent(F::text(row.tax_rate), ctx.amount_style);
    if (!t)
      p.fail(row.tax_rate, "tax_rate '" + std::string(F::text(row.tax_rate)) +
                               "' is not a percentage from 0 to 100 with up to 4 decimals (8.875 means 8.875%)");
    c.tax_rate_ppm = *t;
  } else if (!previous) {
    c.tax_rate_ppm = 0;
  }
  if (F::given(row.net_days)) {
    std::string_view n = F::text(row.net_days);
    if (iequals(n, "due on receipt") || iequals(n, "receipt")) {
      c.net_days = 0;
    } else {
      if (istarts_with(n, "net")) n = trim(n.substr(3));
      bool ok = !n.empty() && n.size() <= 4;
      for (char ch : n) ok = ok && std::isdigit(static_cast<unsigned char>(ch));
      if (!ok)
        p.fail(row.net_days, "net_days '" + std::string(F::text(row.net_days)) +
                                 "' is not a number of days (30, Net 30, due on receipt)");
      c.net_days = std::stoi(std::string(n));
    }
  } else if (!previous) {
    c.net_days = 30;
  }
  return c;
}

ContractRowFields contract_row_fields(const std::function<ContractField(std::string_view name)>& field) {
  ContractRowFields f;
  f.contract_id = field("contract_id");
  f.line_id = field("line_id");
  f.customer = field("customer");
  f.product = field("product");
  f.metric = field("metric");
  f.description = field("description");
  f.start_date = field("start_date");
  f.end_date = field("end_date");
  f.effective_date = field("effective_date");
  f.frequency = field("frequency");
  f.timing = field("timing");
  f.anchor_day = field("anchor_day");
  f.price_model = field("price_model");
  f.price_per = field("price_per");
  f.unit_price = field("unit_price");
  f.tiers = field("tiers");
  f.quantity = field("quantity");
  f.discount = field("discount");
  f.discount_until = field("discount_until");
  f.currency = field("currency");
  f.tax_rate = field("tax_rate");
  f.net_days = field("net_days");
  return f;
}

std::uint64_t content_hash(const domain::ContractLine& v) {
  Fnv f;
  f.add(v.contract_id); f.add(v.line_id); f.add(v.customer); f.add(v.product); f.add(v.metric); f.add(v.description);
  f.add(v.start.days()); f.add(v.end ? v.end->days() : INT64_MIN); f.add(v.effective ? v.effective->days() : INT64_MIN);
  f.add(static_cast<std::int64_t>(v.frequency)); f.add(static_cast<std::int64_t>(v.timing)); f.add(v.anchor_day);
  f.add(v.anchor_month.value_or(0)); f.add(static_cast<std::int64_t>(v.model)); f.add(static_cast<std::int64_t>(v.price_per));
  f.add(v.unit_price_micros);
  for (const auto& t : v.tiers) { f.add(t.up_to.value_or(-1)); f.add(t.unit_price_micros); }
  f.add(v.quantity); f.add(static_cast<std::int64_t>(v.discount.kind)); f.add(v.discount.value);
  f.add(v.discount.until ? v.discount.until->days() : INT64_MIN);
  f.add(v.currency.view()); f.add(v.tax_rate_ppm); f.add(v.net_days);
  return f.h >> 1;
}

UsageRowFields usage_row_fields(const std::function<ContractField(std::string_view name)>& field) {
  return {field("event_id"), field("contract_id"), field("line_id"), field("customer"),
          field("metric"),   field("quantity"),    field("usage_date")};
}

void parse_usage_row(const UsageRowFields& row, const ContractRowContext& ctx, domain::UsageRecord& r,
                     std::vector<core::Issue>& issues) {
  auto issue = [&](const ContractField& f, std::string message) {
    issues.push_back({core::SourceLocation{ctx.file, ctx.line, f.column}, std::move(message)});
  };
  r.event_id.assign(row.event_id.text);
  r.contract_id.assign(row.contract_id.text);
  r.line_id.assign(row.line_id.text);
  r.customer.assign(row.customer.text);
  r.metric.assign(row.metric.text);
  r.source_file = ctx.file;
  r.source_line = ctx.line;
  if (r.event_id.empty()) issue(row.event_id, "event_id is empty");
  if (row.usage_date.text.empty()) {
    issue(row.usage_date, "usage_date is empty");
  } else if (auto d = ctx.date_format.parse(row.usage_date.text)) {
    r.date = *d;
  } else {
    issue(row.usage_date, "usage_date '" + std::string(row.usage_date.text) + "' is not a date (expected " +
                              (ctx.date_format.is_iso() ? std::string("YYYY-MM-DD") : ctx.date_format.pattern()) + ")");
  }
  auto q = core::parse_amount(row.quantity.text, domain::kDecimalPlaces, ctx.amount_style);
  if (row.quantity.text.empty()) issue(row.quantity, "quantity is empty");
  else if (!q.ok())
    issue(row.quantity, "quantity '" + std::string(row.quantity.text) + "' is not a quantity (a decimal with up to 6 places)");
  else r.quantity = q.minor;
}

}  // namespace otc::import
