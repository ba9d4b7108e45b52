#pragma once
// The ledger's AR roll-forward for a period, per currency, as the GL reconciliation engine takes it.
#include <vector>

#include "otc/core/date.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

/// opening = open AR at the day before `from`; movements dated from..to; closing = open AR at `to`.
std::vector<engine::LedgerRollForward> ledger_rollforward(store::LedgerStore& store, core::Date from, core::Date to);

/// Parses "YYYY-MM" into the first and last day of that month; throws a usage error otherwise.
void parse_period(const std::string& text, core::Date& first, core::Date& last);

}  // namespace otc::cli
