#pragma once
// Pricing arithmetic: exact fractions of minor units, rounded once per invoice line.
//
// Every line amount is computed as an exact fraction (128-bit numerator and denominator) and
// rounded to the currency's minor unit by the named rule. Then, on the rounded amount:
//   discount = round(amount × percent)          (or a fixed amount, prorated, capped at the amount)
//   net      = amount − discount
//   tax      = round(net × tax rate)
//   total    = net + tax
// so every figure on a line is a whole number of minor units and totals are exact sums.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "otc/core/money.hpp"
#include "otc/domain/contract.hpp"

namespace otc::engine {

/// An exact amount in minor units: num / den (den > 0).
struct Exact {
  __int128 num = 0;
  __int128 den = 1;
};

/// Rounds to whole minor units. Negative amounts round symmetrically (half-up rounds half away
/// from zero), so a credit line is the exact mirror of the charge it reverses.
std::int64_t round_exact(const Exact& value, core::Rounding mode);

/// unit price (micros) × quantity (scaled) in minor units of a currency with `exponent` decimals.
Exact unit_charge(std::int64_t unit_price_micros, std::int64_t quantity, int exponent);

/// A recurring charge: unit price × quantity × periods_num/periods_den (the billing period as a
/// fraction of the price period, e.g. 1/12 for an annual price billed monthly) × days/full_days.
Exact recurring_charge(std::int64_t unit_price_micros, std::int64_t quantity, int periods_num,
                       int periods_den, std::int32_t days, std::int32_t full_days, int exponent);

/// Usage priced by a tier table. Graduated: each tier's units at that tier's price. Volume: all
/// units at the price of the tier the total falls in. Quantities at or below zero cost nothing.
/// An empty table is one unbounded tier at `unit_price_micros`.
Exact tiered_charge(std::span<const domain::PriceTier> tiers, std::int64_t unit_price_micros,
                    bool graduated, std::int64_t quantity, int exponent);

/// round(amount × rate_ppm / 1'000'000): percent discounts and tax.
std::int64_t apply_rate(std::int64_t amount, std::int64_t rate_ppm, core::Rounding mode);

/// The money figures of one invoice line.
struct LineMoney {
  std::int64_t amount = 0;    ///< before discount
  std::int64_t discount = 0;  ///< positive on a charge, negative on a credit
  std::int64_t net = 0;       ///< amount − discount
  std::int64_t tax = 0;
  std::int64_t total = 0;     ///< net + tax
};

/// Completes a line from its rounded amount and discount: net, tax at `tax_rate_ppm`, total.
LineMoney settle_line(std::int64_t amount, std::int64_t discount, std::int64_t tax_rate_ppm,
                      core::Rounding mode);

/// A fixed-amount discount prorated by days, rounded, capped at |amount| and given the sign of
/// the amount (a credit line gets its discount back as a negative discount).
std::int64_t fixed_discount(std::int64_t per_period_minor, std::int32_t days, std::int32_t full_days,
                            std::int64_t amount, core::Rounding mode);

/// Parses a non-negative or signed decimal with up to `places` decimals into an integer scaled by
/// 10^places ("12.5" with 6 places -> 12'500'000). Accepts grouping commas and a leading '$'.
std::optional<std::int64_t> parse_scaled(std::string_view text, int places, bool allow_negative = false);

/// Formats a scaled decimal, trimming trailing zeros but keeping at least `min_places`:
/// (12'500'000, 6, 0) -> "12.5"; (30'000'000, 6, 2) -> "30.00".
std::string format_scaled(std::int64_t value, int places, int min_places);

/// Formats a rate in parts per million as a percent: 88'750 -> "8.875%".
std::string format_rate(std::int64_t ppm);

}  // namespace otc::engine
