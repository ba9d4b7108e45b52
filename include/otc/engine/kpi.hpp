#pragma once
// The monthly KPIs of `otc kpi` (and the dashboard): per month and currency (optionally per
// customer) billed, collected, collection rate, the DSO family (standard, countback, best possible,
// ADD, CEI: computed by engine::compute_dso, never here), % of AR past due, and the average days to
// pay weighted by amount with its trend. Pure: figures in, figures out. Formulas: docs/metrics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/dso.hpp"

namespace otc::engine {

/// One month's inputs. `dso` is exactly what `otc dso --as-of as_of --days N` reads (open AR and
/// current AR at as_of, open AR at as_of−N, the window's credit sales, the countback months).
struct KpiInput {
  core::Date month_start;               ///< first day of the month
  core::Date as_of;                     ///< the month's last day, or the report's as-of date in its month
  std::int64_t opening_ar = 0;          ///< open AR at month_start − 1
  std::int64_t billed = 0;              ///< invoice totals dated month_start .. as_of (not voided by as_of)
  std::int64_t collected = 0;           ///< cash applied to invoices dated month_start .. as_of (net of unapplies)
  DsoInput dso;
  /// Days to pay: Σ amount and Σ amount × (payment date − invoice date) over the cash applications
  /// dated in the month (negative for unapplies and reversals, so that a reversed payment cancels).
  std::int64_t paid_minor = 0;
  __int128 paid_minor_days = 0;
};

/// Figures in hundredths (percent × 100, days × 100), rounded half-up once; nullopt when undefined.
struct KpiResult {
  DsoResult dso;                                  ///< engine::compute_dso(in.dso)
  std::int64_t past_due_ar = 0;                   ///< open AR − current AR at as_of
  std::optional<std::int64_t> collection_rate_x100;  ///< collected ÷ (opening AR + billed) × 100
  std::optional<std::int64_t> past_due_x100;      ///< past-due AR ÷ open AR × 100
  std::optional<std::int64_t> avg_days_to_pay_x100;  ///< Σ amount × days ÷ Σ amount
  std::optional<std::int64_t> avg_days_to_pay_trend_x100;  ///< this month's minus the previous month's
};

/// One KPI row: a month in one currency, for all customers (customer fields empty) or one.
struct KpiRow {
  std::string month;                    ///< "2026-10"
  std::string customer_id, customer_name;
  core::Currency currency;
  KpiInput in;
  KpiResult result;
};

/// Adds one cash application (amount may be negative) to the month's days to pay. The payment
/// date is engine::application_date(received, invoice date): never before the invoice.
void add_days_to_pay(KpiInput& in, std::int64_t amount_minor, core::Date invoice_date, core::Date received);

/// The month's figures (trend left empty: it needs the month before, see apply_trends).
KpiResult compute_kpi(const KpiInput& in);

/// Sets each row's days-to-pay trend from the row of the same customer and currency one month
/// earlier. `rows` sorted by customer, currency, month.
void apply_trends(std::vector<KpiRow>& rows);

/// The months a KPI report covers: `count` calendar months ending with as_of's month, oldest
/// first; each month's as-of day is its last day, the latest month's is `as_of` itself.
struct KpiMonth {
  std::string name;
  core::Date first, as_of;
};
std::vector<KpiMonth> kpi_months(core::Date as_of, int count);

}  // namespace otc::engine
