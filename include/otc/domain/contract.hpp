#pragma once
// A contract line as the CRM exports it: what is sold, to whom, at what price, billed how often.
// One row per contract line; a later row for the same line with an effective date is an amendment.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::domain {

/// Unit prices and quantities are fixed-point decimals with six places: 1.5 seats is 1'500'000,
/// a unit price of USD 0.0125 is 12'500 (micro-dollars). Line amounts are rounded to the
/// currency's minor unit once, when a line is priced.
inline constexpr int kDecimalPlaces = 6;
inline constexpr std::int64_t kDecimalScale = 1'000'000;

/// Rates (discount percent, tax rate) are parts per million of the base: 1% = 10'000,
/// 8.875% = 88'750.
inline constexpr std::int64_t kRateScale = 1'000'000;

enum class BillingFrequency { kMonthly, kQuarterly, kSemiannual, kAnnual };
enum class BillingTiming { kAdvance, kArrears };
enum class PriceModel { kFlat, kPerSeat, kUsageGraduated, kUsageVolume, kMinimumCommitment };
enum class DiscountKind { kNone, kPercent, kAmount };

/// Months in one period of the frequency: 1, 3, 6, 12.
int months_of(BillingFrequency f);
std::string_view to_string(BillingFrequency f);
std::string_view to_string(BillingTiming t);
std::string_view to_string(PriceModel m);
/// Accepts the canonical names and common export spellings ("Monthly", "semi-annual", "yearly").
std::optional<BillingFrequency> parse_frequency(std::string_view text);
std::optional<BillingTiming> parse_timing(std::string_view text);
std::optional<PriceModel> parse_price_model(std::string_view text);

/// True for the models priced from metered usage (graduated, volume, minimum commitment).
bool is_usage_model(PriceModel m);

/// One row of a tier table. Units above the previous tier's `up_to` and up to this one's
/// (inclusive) fall in this tier; the last tier has no bound.
struct PriceTier {
  std::optional<std::int64_t> up_to;  ///< scaled by kDecimalScale; nullopt = unbounded ("inf")
  std::int64_t unit_price_micros = 0;  ///< per unit, millionths of the currency's major unit

  bool operator==(const PriceTier&) const = default;
};

struct Discount {
  DiscountKind kind = DiscountKind::kNone;
  /// kPercent: parts per million (15% = 150'000). kAmount: minor units off each full billing
  /// period, prorated by days like the charge and never more than the line.
  std::int64_t value = 0;
  /// Last day (inclusive) on which the discount applies; nullopt = for the life of the line.
  std::optional<core::Date> until;

  bool operator==(const Discount&) const = default;
};

/// One version of a contract line: the base row, or an amendment that replaces the line's terms
/// from its effective date on. Every row carries the line's full terms (an importer may fill
/// blank fields of an amendment from the previous version).
struct ContractLine {
  std::string contract_id;
  std::string line_id;        ///< unique within the contract; "1" when the export has no line ids
  std::string customer;       ///< customer external id
  std::string product;
  std::string metric;         ///< usage metric matched against usage records; defaults to product
  std::string description;    ///< text for invoice lines; defaults to product

  core::Date start;                    ///< first day of service
  std::optional<core::Date> end;       ///< last day of service (inclusive); nullopt = evergreen
  std::optional<core::Date> effective; ///< set on amendments: first day the new terms apply

  BillingFrequency frequency = BillingFrequency::kMonthly;
  BillingTiming timing = BillingTiming::kAdvance;
  int anchor_day = 1;                  ///< 1..31; periods start on this day (clamped to short months)
  std::optional<int> anchor_month;     ///< 1..12: aligns quarters/halves/years to this month

  PriceModel model = PriceModel::kFlat;
  /// What the unit price is quoted per (an annual price billed monthly); flat and per-seat only.
  BillingFrequency price_per = BillingFrequency::kMonthly;
  std::int64_t unit_price_micros = 0;  ///< millionths of the currency's major unit
  std::vector<PriceTier> tiers;        ///< usage models; empty = one unbounded tier at unit price
  std::int64_t quantity = 0;           ///< seats / committed units, scaled by kDecimalScale

  Discount discount;
  core::Currency currency;
  std::int64_t tax_rate_ppm = 0;       ///< parts per million (8.875% = 88'750)
  int net_days = 30;

  std::string source_file;  ///< where the row came from, for error messages
  long source_line = 0;

  /// The first day this version's terms apply: the effective date, or the start for the base.
  core::Date effective_from() const { return effective.value_or(start); }
  /// What invoice lines call the product.
  const std::string& label() const { return description.empty() ? product : description; }
};

}  // namespace otc::domain
