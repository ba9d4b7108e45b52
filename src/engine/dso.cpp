#include "otc/engine/dso.hpp"

namespace otc::engine {

using core::divide_rounded;
using core::Rounding;

DsoResult compute_dso(const DsoInput& in) {
  DsoResult r;
  const __int128 n = in.window_days;
  if (in.credit_sales > 0) {
    r.dso_x100 = divide_rounded(static_cast<__int128>(in.open_ar) * n * 100, in.credit_sales, Rounding::kHalfUp);
    r.best_possible_x100 = divide_rounded(static_cast<__int128>(in.current_ar) * n * 100, in.credit_sales, Rounding::kHalfUp);
    // ADD is rounded once from the exact difference (open − current) × N / sales, so it can
    // differ by 0.01 from the difference of the two rounded columns.
    r.add_x100 = divide_rounded((static_cast<__int128>(in.open_ar) - in.current_ar) * n * 100, in.credit_sales, Rounding::kHalfUp);
  }
  // CEI = (begin AR + credit sales − end AR) / (begin AR + credit sales − current AR) × 100
  __int128 num = static_cast<__int128>(in.open_ar_start) + in.credit_sales - in.open_ar;
  __int128 den = static_cast<__int128>(in.open_ar_start) + in.credit_sales - in.current_ar;
  if (den != 0) r.cei_x100 = divide_rounded(num * 100 * 100, den, Rounding::kHalfUp);

  // Countback: walk back month by month, consuming each month's sales with its days, until the
  // remaining AR is smaller than a month's sales; that month contributes its fraction. When the
  // AR is used up exactly by whole months, the walk stops there (no fraction to add).
  if (in.open_ar <= 0) {
    r.countback_x100 = 0;
  } else {
    __int128 remaining = in.open_ar;
    __int128 whole_days = 0;
    for (const auto& m : in.months) {
      if (remaining < m.sales_minor) {
        r.countback_x100 = static_cast<std::int64_t>(whole_days * 100) +
                           divide_rounded(remaining * m.days * 100, m.sales_minor, Rounding::kHalfUp);
        break;
      }
      remaining -= m.sales_minor;
      whole_days += m.days;
      if (remaining == 0) {
        r.countback_x100 = static_cast<std::int64_t>(whole_days * 100);
        break;
      }
    }
  }
  return r;
}

std::vector<MonthSales> countback_months(core::Date as_of, int count) {
  std::vector<MonthSales> months(static_cast<std::size_t>(count > 0 ? count : 0));
  const core::Date first_of_month = *core::Date::from_ymd(as_of.year(), as_of.month(), 1);
  for (int i = 0; i < count; ++i) {
    core::Date month_start = first_of_month.add_months(-i);
    months[static_cast<std::size_t>(i)].days =
        i == 0 ? as_of.day() : core::days_in_month(month_start.year(), month_start.month());
  }
  return months;
}

int countback_month_index(core::Date as_of, core::Date d) {
  int y, m, day, yy, mm, dd;
  as_of.to_ymd(y, m, day);
  d.to_ymd(yy, mm, dd);
  return (y * 12 + m) - (yy * 12 + mm);
}

std::string format_hundredths(std::int64_t v) { return core::format_amount(v, 2); }

}  // namespace otc::engine
