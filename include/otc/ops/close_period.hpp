#pragma once
// `otc close` and `otc reopen`: month-end close writes the ledger's AR roll-forward and the aging
// at period end, checks that the roll-forward ties, and locks the period; reopening unlocks it.
// Both are audited. Once locked, the store refuses any posting dated in the period
// (ErrorKind::kPeriodClosed).
#include <functional>
#include <string>
#include <vector>

#include "otc/core/period.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct CloseResult;

struct CloseOptions {
  core::Period period;
  std::string out_dir = ".";  ///< an existing directory
  /// Writes (and checks) the caller's own report after the close files are complete and before
  /// the lock commits; a throw leaves the ledger unchanged.
  std::function<void(const CloseResult&)> before_commit;
};

struct CloseResult {
  bool already_closed = false;  ///< nothing was done
  std::vector<engine::LedgerRollForward> rollforward;
  std::string rollforward_path;  ///< OUT_DIR/rollforward_YYYY-MM.csv
  std::string aging_path;        ///< OUT_DIR/aging_YYYY-MM-DD.csv (the period's last day)
};

/// In one write transaction: the roll-forward (ops::ledger_rollforward) must tie (closing AR =
/// opening + movements) or a ledger error is thrown and nothing changes; both CSV files are
/// written completely (report::AtomicFile) before the lock and its audit entry commit, and appear
/// under their names only after the commit. A rename that fails after the commit throws
/// core::ErrorKind::kReportNotPlaced naming the temporary file that holds the complete report.
CloseResult close_period(store::LedgerStore& store, const Invocation& invocation, const CloseOptions& options);

/// Reopens a period and every later closed one (closing locks every earlier date, so reopening
/// reopens from a period onwards), auditing the reason. Returns the periods reopened, oldest
/// first; empty when none was closed (nothing done).
std::vector<std::string> reopen_period(store::LedgerStore& store, const Invocation& invocation, const core::Period& period,
                   const std::string& reason);

}  // namespace otc::ops
