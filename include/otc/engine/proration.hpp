#pragma once
// Service periods of a contract line and proration by days. The one place these rules live.
//
// Periods run from anchor date to anchor date. An anchor date is the anchor day in a month,
// clamped to the month's length (anchor 31 in February is the 28th or 29th). The first period
// boundary is the first anchor date on or after the line's start (in a month aligned to the
// anchor month, when one is given); if the start is not itself an anchor date, the first period
// is a partial one from the start to the day before that boundary.
//
// Proration: a partial period is charged days / full_days of a full period's price, where days
// counts the service days in the partial period and full_days the days of the anchor-to-anchor
// period containing it (so 17 days of a 31-day January is 17/31; Dec 2027 to Feb 2028 is 91 days).
#include <cstdint>
#include <optional>

#include "otc/core/date.hpp"
#include "otc/domain/contract.hpp"

namespace otc::engine {

/// One billing period. Dates are inclusive.
struct ServicePeriod {
  core::Date full_start;  ///< the anchor date that opens the full period
  core::Date full_end;    ///< the day before the next anchor date
  core::Date start;       ///< first day of the period that is on or after the line's start
  std::int64_t index = 0; ///< 0 for the first period of the line, then 1, 2, ...

  std::int32_t full_days() const { return full_end.days_since(full_start) + 1; }
};

/// The sequence of billing periods of a line: anchor day, anchor month and frequency are fixed
/// for the life of the line (amendments cannot change them).
class PeriodGrid {
 public:
  PeriodGrid(core::Date start, domain::BillingFrequency frequency, int anchor_day,
             std::optional<int> anchor_month = std::nullopt);
  explicit PeriodGrid(const domain::ContractLine& line)
      : PeriodGrid(line.start, line.frequency, line.anchor_day, line.anchor_month) {}

  /// The period that contains the line's start.
  ServicePeriod first() const;
  ServicePeriod next(const ServicePeriod& p) const;
  /// The period containing `day` (which must be on or after the start).
  ServicePeriod containing(core::Date day) const;

 private:
  core::Date anchor_date(std::int64_t month_index) const;

  core::Date start_;
  int months_;
  int anchor_day_;
  std::int64_t first_boundary_month_;  // year * 12 + (month - 1) of the first boundary >= start
};

/// Days from `from` to `to` inclusive; 0 when `to` is before `from`.
std::int32_t inclusive_days(core::Date from, core::Date to);

}  // namespace otc::engine
