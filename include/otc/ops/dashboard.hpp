#pragma once
// `otc dashboard`: gathers the dashboard's figures from the use cases the CSV reports use —
// aging (ops::age_open_items), the monthly KPIs (ops::kpi_report, engine::compute_kpi: billed,
// collected, collection rate, % past due, the DSO family), unapplied cash (the `cash unapplied`
// read), unbilled revenue (ops::unbilled), the risk score (ops::credit_risk) — at the as-of date and
// at each of the previous month-ends. With `in`, every
// amount is converted at the as-of date's rate (ops::FxBook) and the currencies are summed.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "otc/core/date.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/report/dashboard.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct DashboardOptions {
  core::Date as_of;
  int months = 12;                 ///< month-ends on the charts, the as-of month included (2 … 36)
  int window_days = 90;            ///< DSO / CEI window
  std::optional<std::string> in;   ///< --in CCY
  std::string ledger;              ///< for the footer
  std::string command;             ///< for the footer
  /// Progress: (steps done, steps in all); may be empty.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

report::Dashboard dashboard(store::LedgerStore& store, const DashboardOptions& options);

/// The month-ends a dashboard charts: the last day of each of the `months` months up to the as-of
/// month, the last one being the as-of date itself.
std::vector<core::Date> dashboard_month_ends(core::Date as_of, int months);

}  // namespace otc::ops
