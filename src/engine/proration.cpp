#include "otc/engine/proration.hpp"

#include <algorithm>

#include "otc/core/error.hpp"

namespace otc::engine {
namespace {

std::int64_t month_index_of(core::Date d) {
  int y, m, dd;
  d.to_ymd(y, m, dd);
  return static_cast<std::int64_t>(y) * 12 + (m - 1);
}

}  // namespace

std::int32_t inclusive_days(core::Date from, core::Date to) {
  return to < from ? 0 : to.days_since(from) + 1;
}

PeriodGrid::PeriodGrid(core::Date start, domain::BillingFrequency frequency, int anchor_day,
                       std::optional<int> anchor_month)
    : start_(start), months_(domain::months_of(frequency)), anchor_day_(anchor_day) {
  if (anchor_day < 1 || anchor_day > 31)
    throw core::Error(core::ErrorKind::kInput, "anchor day must be between 1 and 31");
  if (anchor_month && (*anchor_month < 1 || *anchor_month > 12))
    throw core::Error(core::ErrorKind::kInput, "anchor month must be between 1 and 12");
  std::int64_t m = month_index_of(start);
  // At most one frequency's worth of months (plus one) ahead holds the first boundary.
  for (;; ++m) {
    bool aligned = !anchor_month || ((m - (*anchor_month - 1)) % months_ + months_) % months_ == 0;
    if (aligned && anchor_date(m) >= start) break;
  }
  first_boundary_month_ = m;
}

core::Date PeriodGrid::anchor_date(std::int64_t month_index) const {
  int y = static_cast<int>(month_index / 12);
  int m = static_cast<int>(month_index % 12) + 1;
  int d = std::min(anchor_day_, core::days_in_month(y, m));
  auto date = core::Date::from_ymd(y, m, d);
  if (!date) throw core::Error(core::ErrorKind::kInput, "billing period falls outside the supported years");
  return *date;
}

ServicePeriod PeriodGrid::first() const {
  core::Date boundary = anchor_date(first_boundary_month_);
  ServicePeriod p;
  if (boundary == start_) {
    p.full_start = boundary;
    p.full_end = anchor_date(first_boundary_month_ + months_).add_days(-1);
  } else {
    p.full_start = anchor_date(first_boundary_month_ - months_);
    p.full_end = boundary.add_days(-1);
  }
  p.start = start_;
  p.index = 0;
  return p;
}

ServicePeriod PeriodGrid::next(const ServicePeriod& p) const {
  ServicePeriod n;
  n.full_start = p.full_end.add_days(1);
  std::int64_t m = month_index_of(n.full_start);
  n.full_end = anchor_date(m + months_).add_days(-1);
  n.start = n.full_start;
  n.index = p.index + 1;
  return n;
}

ServicePeriod PeriodGrid::containing(core::Date day) const {
  ServicePeriod p = first();
  if (day <= p.full_end) return p;
  // Jump close by months, then step: boundaries are whole multiples of the frequency.
  std::int64_t months_ahead = month_index_of(day) - month_index_of(p.full_end.add_days(1));
  std::int64_t k = std::max<std::int64_t>(0, months_ahead / months_ - 1);
  ServicePeriod q;
  q.full_start = anchor_date(month_index_of(p.full_end.add_days(1)) + k * months_);
  q.full_end = anchor_date(month_index_of(q.full_start) + months_).add_days(-1);
  q.start = q.full_start;
  q.index = 1 + k;
  while (q.full_end < day) q = next(q);
  return q;
}

}  // namespace otc::engine
