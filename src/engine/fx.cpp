#include "otc/engine/fx.hpp"

#include <limits>

#include "otc/core/error.hpp"

namespace otc::engine {
namespace {

__int128 pow10_128(int e) {
  __int128 p = 1;
  for (int i = 0; i < e; ++i) p *= 10;
  return p;
}

}  // namespace

std::string FxRate::text() const {
  std::string digits = std::to_string(units);
  if (scale == 0) return digits;
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, static_cast<std::size_t>(scale + 1) - digits.size(), '0');
  digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
  return digits;
}

std::optional<FxRate> parse_rate(std::string_view text) {
  FxRate r;
  bool dot = false, digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
      if (r.units > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return std::nullopt;
      r.units = r.units * 10 + (c - '0');
      if (dot) ++r.scale;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digit || r.units <= 0 || r.scale > 10) return std::nullopt;
  // "1.50" and "1.5" are the same rate: keep the shortest form.
  while (r.scale > 0 && r.units % 10 == 0) r.units /= 10, --r.scale;
  return r;
}

const FxRate* rate_on_or_before(const std::vector<FxRate>& rates, std::string_view currency, core::Date d) {
  const FxRate* best = nullptr;
  for (const auto& r : rates)
    if (r.currency == currency && r.date <= d && (!best || r.date > best->date)) best = &r;
  return best;
}

std::int64_t convert(std::int64_t minor, const core::Currency& from, const core::Currency& to, const FxRate& rate,
                     core::Rounding mode) {
  if (from == to) return minor;
  const __int128 num = static_cast<__int128>(minor) * rate.units * pow10_128(to.exponent);
  const __int128 den = pow10_128(from.exponent) * pow10_128(rate.scale);
  std::int64_t out = core::divide_rounded(num, den, mode);
  if (out > core::kMaxMinor || out < -core::kMaxMinor)
    throw core::Error(core::ErrorKind::kOverflow, "converting " + core::format_amount(minor, from.exponent) + " " +
                                                      std::string(from.view()) + " overflows");
  return out;
}

std::string CrossRate::text(int decimals) const {
  std::int64_t scaled = core::divide_rounded(num * pow10_128(decimals), den, core::Rounding::kHalfUp);
  return core::format_amount(scaled, decimals);
}

std::optional<CrossRate> cross_rate(const std::vector<FxRate>& rates, std::string_view functional, std::string_view from,
                                    std::string_view to, core::Date d, std::string& missing) {
  CrossRate r;
  r.from = std::string(from);
  r.to = std::string(to);
  r.date = core::Date::from_days(0);
  bool dated = false;
  if (from == to) {
    r.date = d;
    return r;
  }
  if (from != functional) {
    const FxRate* f = rate_on_or_before(rates, from, d);
    if (!f) {
      missing = std::string(from);
      return std::nullopt;
    }
    r.num *= f->units;
    r.den *= pow10_128(f->scale);
    r.date = f->date;
    dated = true;
  }
  if (to != functional) {
    const FxRate* t = rate_on_or_before(rates, to, d);
    if (!t) {
      missing = std::string(to);
      return std::nullopt;
    }
    r.num *= pow10_128(t->scale);
    r.den *= t->units;
    if (!dated || t->date > r.date) r.date = t->date;
  }
  return r;
}

std::int64_t convert(std::int64_t minor, const core::Currency& from, const core::Currency& to, const CrossRate& rate,
                     core::Rounding mode) {
  if (from == to) return minor;
  const __int128 num = static_cast<__int128>(minor) * rate.num * pow10_128(to.exponent);
  const __int128 den = rate.den * pow10_128(from.exponent);
  std::int64_t out = core::divide_rounded(num, den, mode);
  if (out > core::kMaxMinor || out < -core::kMaxMinor)
    throw core::Error(core::ErrorKind::kOverflow, "converting " + core::format_amount(minor, from.exponent) + " " +
                                                      std::string(from.view()) + " overflows");
  return out;
}

std::int64_t revaluation(std::int64_t open_minor, const core::Currency& from, const core::Currency& functional,
                         const FxRate& start, const FxRate& end) {
  return core::checked_sub(convert(open_minor, from, functional, end, kFxRounding),
                           convert(open_minor, from, functional, start, kFxRounding));
}

}  // namespace otc::engine
