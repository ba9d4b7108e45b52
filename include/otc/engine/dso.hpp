#pragma once
// DSO (standard and countback), best possible DSO, average days delinquent and CEI, per the
// definitions in PRODUCT.md and docs/metrics.md. Pure: figures in, figures out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::engine {

/// A month's credit sales and the days it contributes to countback (D's own month counts its days up to D).
struct MonthSales {
  std::int64_t sales_minor = 0;
  int days = 0;
};

struct DsoInput {
  std::int64_t open_ar = 0;         ///< open AR at D
  std::int64_t open_ar_start = 0;   ///< open AR at D−N (the day before the window)
  std::int64_t current_ar = 0;      ///< open AR not past due at D
  std::int64_t credit_sales = 0;    ///< invoice totals dated D−N+1 … D
  int window_days = 90;             ///< N
  /// Months from D's month backwards; months[0] is D's month (sales dated up to D).
  std::vector<MonthSales> months;
};

/// Figures are in hundredths (days × 100, percent × 100), rounded half-up; nullopt when undefined
/// (no credit sales, or a zero CEI denominator, or countback running out of history).
struct DsoResult {
  std::optional<std::int64_t> dso_x100;
  std::optional<std::int64_t> countback_x100;
  std::optional<std::int64_t> best_possible_x100;
  std::optional<std::int64_t> add_x100;          ///< average days delinquent = DSO − best possible DSO
  std::optional<std::int64_t> cei_x100;
};

DsoResult compute_dso(const DsoInput& in);

/// The countback months for as-of D, `count` of them: D's month (its days up to D, no sales yet),
/// then whole months backwards.
std::vector<MonthSales> countback_months(core::Date as_of, int count);

/// Which countback month a date falls in: 0 for D's month, 1 for the month before, ...; negative
/// after D's month.
int countback_month_index(core::Date as_of, core::Date d);

/// One DSO row: all the AR of a currency (customer fields empty), or of one customer in it.
struct DsoRow {
  std::string customer_id, customer_name;
  core::Currency currency;
  DsoInput in;
  DsoResult result;
};

/// "12.34" from 1234; "-0.05" from -5.
std::string format_hundredths(std::int64_t v);

}  // namespace otc::engine
