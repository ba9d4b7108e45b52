#pragma once
// The ledger's AR roll-forward for a period, per currency: the figures close and the GL
// reconciliation both report (the identity itself is checked in engine/reconcile_gl).
#include <vector>

#include "otc/core/period.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// opening = open AR at the day before the period; movements dated in it; closing = open AR at its
/// last day. Reads inside the caller's transaction.
std::vector<engine::LedgerRollForward> ledger_rollforward(store::LedgerStore& store, core::Date from, core::Date to);
inline std::vector<engine::LedgerRollForward> ledger_rollforward(store::LedgerStore& store, const core::Period& p) {
  return ledger_rollforward(store, p.first, p.last);
}

}  // namespace otc::ops
