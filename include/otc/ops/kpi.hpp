#pragma once
// `otc kpi` (and the dashboard): the monthly KPIs, per currency or per customer and currency, read
// in one snapshot. Each month's DSO figures are ops::dso_rows as of the month's last day, so they
// equal what `otc dso --as-of LAST-DAY` prints; the engine is engine::compute_kpi.
#include <vector>

#include "otc/engine/kpi.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct KpiOptions {
  core::Date as_of;          ///< the latest month is as_of's, counted up to as_of
  int months = 12;           ///< how many calendar months, ending with as_of's
  int window_days = 90;      ///< the DSO window N, as `otc dso --days`
  bool by_customer = false;
};

/// Rows sorted by customer, currency, month (oldest first). A month appears for a group when the
/// group has open AR, sales in its DSO history, billing or collections in it.
std::vector<engine::KpiRow> kpi_report(store::LedgerStore& store, const KpiOptions& options);

}  // namespace otc::ops
