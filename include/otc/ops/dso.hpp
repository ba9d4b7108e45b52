#pragma once
// `otc dso`: the DSO inputs read from the ledger (open AR at D and at the window start, current AR,
// the window's credit sales, the countback months' sales), grouped per currency or per customer
// and currency, and the figures engine::compute_dso makes of them.
#include <vector>

#include "otc/engine/dso.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// How many months of sales countback may walk back through (D's month included).
constexpr int kCountbackMonths = 36;

struct DsoOptions {
  core::Date as_of;         ///< D
  int window_days = 90;     ///< N: the window is D-N+1 .. D
  bool by_customer = false;
};

/// One row per currency (or customer and currency), sorted by customer then currency; reads inside
/// the caller's transaction (`otc kpi` computes many months in one snapshot).
std::vector<engine::DsoRow> dso_rows(store::LedgerStore& store, const DsoOptions& options);

/// The same in a read transaction of its own.
std::vector<engine::DsoRow> dso_report(store::LedgerStore& store, const DsoOptions& options);

}  // namespace otc::ops
