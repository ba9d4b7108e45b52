#pragma once
// Foreign exchange: rates to the functional currency, the rate that applies on a date, conversion
// with a named rounding, and the revaluation of open foreign-currency AR between two dates.
// Pure: rates in, amounts out. A rate is an exact decimal (never a float).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::engine {

/// Units of the functional currency for one unit of `currency`, effective from `date`:
/// value = units / 10^scale (e.g. "1.0825" -> 10825, 4).
struct FxRate {
  core::Date date;
  std::string currency;
  std::int64_t units = 0;
  int scale = 0;
  /// The rate as written: "1.0825".
  std::string text() const;
};

/// Parses a positive decimal rate with at most 10 decimals ("1.0825", "151.2"); nullopt otherwise.
std::optional<FxRate> parse_rate(std::string_view text);

/// The latest rate of `currency` dated on or before `d`; `rates` in any order. nullptr when none.
const FxRate* rate_on_or_before(const std::vector<FxRate>& rates, std::string_view currency, core::Date d);

/// `minor` units of `from` in `to` (the functional currency) at `rate`, rounded by `mode`:
/// minor × rate × 10^to.exponent / 10^from.exponent. Throws core::Error(kOverflow) when too large.
std::int64_t convert(std::int64_t minor, const core::Currency& from, const core::Currency& to, const FxRate& rate,
                     core::Rounding mode = core::Rounding::kHalfUp);

/// The rounding every converted figure uses (named once): half-up, away from zero on a tie.
inline constexpr core::Rounding kFxRounding = core::Rounding::kHalfUp;

/// The rate from one currency to another on a date, as an exact fraction (units of `to` per unit
/// of `from`): through the functional currency when neither is it (GBP→EUR = GBP→USD ÷ EUR→USD).
struct CrossRate {
  std::string from, to;
  core::Date date;                 ///< the later of the rates' own dates
  __int128 num = 1, den = 1;
  /// The rate for people, rounded half-up to `decimals`: "1.082500".
  std::string text(int decimals = 6) const;
};

/// The cross rate on or before `d`. On a missing rate, nullopt and `missing` names the currency.
std::optional<CrossRate> cross_rate(const std::vector<FxRate>& rates, std::string_view functional, std::string_view from,
                                    std::string_view to, core::Date d, std::string& missing);

/// `minor` of `from` in `to` at `rate`, one rounding by `mode`.
std::int64_t convert(std::int64_t minor, const core::Currency& from, const core::Currency& to, const CrossRate& rate,
                     core::Rounding mode = core::Rounding::kHalfUp);

/// The revaluation, in the functional currency, of `open_minor` of a foreign currency held from
/// `start` to `end`: its value at the end rate less its value at the start rate (each converted
/// and rounded on its own, so it ties to the two translated balances).
std::int64_t revaluation(std::int64_t open_minor, const core::Currency& from, const core::Currency& functional,
                         const FxRate& start, const FxRate& end);

}  // namespace otc::engine
