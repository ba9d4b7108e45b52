#include "otc/engine/pricing.hpp"

#include <algorithm>

#include "otc/core/error.hpp"

namespace otc::engine {
namespace {

__int128 mul(__int128 a, __int128 b) {
  __int128 r;
  if (__builtin_mul_overflow(a, b, &r))
    throw core::Error(core::ErrorKind::kOverflow, "amount overflow while pricing a line");
  return r;
}

__int128 add(__int128 a, __int128 b) {
  __int128 r;
  if (__builtin_add_overflow(a, b, &r))
    throw core::Error(core::ErrorKind::kOverflow, "amount overflow while pricing a line");
  return r;
}

__int128 pow10(int n) {
  __int128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

constexpr __int128 kScaleSquared =
    static_cast<__int128>(domain::kDecimalScale) * domain::kDecimalScale;

}  // namespace

std::int64_t round_exact(const Exact& value, core::Rounding mode) {
  return core::divide_rounded(value.num, value.den, mode);
}

Exact unit_charge(std::int64_t unit_price_micros, std::int64_t quantity, int exponent) {
  return {mul(mul(unit_price_micros, quantity), pow10(exponent)), kScaleSquared};
}

Exact recurring_charge(std::int64_t unit_price_micros, std::int64_t quantity, int periods_num,
                       int periods_den, std::int32_t days, std::int32_t full_days, int exponent) {
  if (full_days <= 0 || periods_den <= 0)
    throw core::Error(core::ErrorKind::kInput, "proration needs a positive period length");
  __int128 num = mul(mul(mul(mul(unit_price_micros, quantity), periods_num), days), pow10(exponent));
  __int128 den = mul(mul(kScaleSquared, periods_den), full_days);
  return {num, den};
}

Exact tiered_charge(std::span<const domain::PriceTier> tiers, std::int64_t unit_price_micros,
                    bool graduated, std::int64_t quantity, int exponent) {
  if (quantity <= 0) return {0, 1};
  if (tiers.empty()) return unit_charge(unit_price_micros, quantity, exponent);
  __int128 sum = 0;  // micros × scaled units
  if (graduated) {
    std::int64_t below = 0;  // units already priced by lower tiers
    for (const auto& t : tiers) {
      std::int64_t top = t.up_to ? std::min(*t.up_to, quantity) : quantity;
      if (top > below) sum = add(sum, mul(top - below, t.unit_price_micros));
      if (t.up_to) below = std::max(below, *t.up_to);
      if (below >= quantity) break;
    }
    if (below < quantity && tiers.back().up_to)
      throw core::Error(core::ErrorKind::kInput, "usage exceeds the last tier of the tier table");
  } else {
    const domain::PriceTier* tier = nullptr;
    for (const auto& t : tiers) {
      if (!t.up_to || quantity <= *t.up_to) { tier = &t; break; }
    }
    if (!tier) throw core::Error(core::ErrorKind::kInput, "usage exceeds the last tier of the tier table");
    sum = mul(quantity, tier->unit_price_micros);
  }
  return {mul(sum, pow10(exponent)), kScaleSquared};
}

std::int64_t apply_rate(std::int64_t amount, std::int64_t rate_ppm, core::Rounding mode) {
  return core::divide_rounded(mul(amount, rate_ppm), domain::kRateScale, mode);
}

LineMoney settle_line(std::int64_t amount, std::int64_t discount, std::int64_t tax_rate_ppm,
                      core::Rounding mode) {
  LineMoney m;
  m.amount = amount;
  m.discount = discount;
  m.net = core::checked_sub(amount, discount);
  m.tax = apply_rate(m.net, tax_rate_ppm, mode);
  m.total = core::checked_add(m.net, m.tax);
  return m;
}

std::int64_t fixed_discount(std::int64_t per_period_minor, std::int32_t days, std::int32_t full_days,
                            std::int64_t amount, core::Rounding mode) {
  if (per_period_minor <= 0 || amount == 0 || days <= 0) return 0;
  std::int64_t d = core::divide_rounded(mul(per_period_minor, days), full_days, mode);
  std::int64_t cap = amount < 0 ? -amount : amount;
  d = std::min(d, cap);
  return amount < 0 ? -d : d;
}

std::optional<std::int64_t> parse_scaled(std::string_view text, int places, bool allow_negative) {
  auto r = core::parse_amount(text, places);
  if (!r.ok()) return std::nullopt;
  if (r.minor < 0 && !allow_negative) return std::nullopt;
  // parse_amount also accepts "(1.00)" and a currency code; a plain decimal is what we want, and
  // those spellings are harmless for prices and quantities.
  return r.minor;
}

std::string format_scaled(std::int64_t value, int places, int min_places) {
  std::string s = core::format_amount(value, places);
  if (places == 0) return s;
  std::size_t dot = s.find('.');
  std::size_t keep = dot + 1 + static_cast<std::size_t>(min_places);
  while (s.size() > keep && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_rate(std::int64_t ppm) {
  // ppm / 10'000 is the percent: four decimal places of a percent.
  return format_scaled(ppm, 4, 0) + "%";
}

}  // namespace otc::engine
