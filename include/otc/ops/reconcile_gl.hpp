#pragma once
// reconcile gl: the ledger's AR roll-forward for a period against the GL's AR control account.
// The identity (closing = opening + invoiced − collected − credited − written off ± FX) and the
// source-to-component rules are engine/reconcile_gl's; this use case gathers both sides.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "otc/core/period.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/import/mapping.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct ReconcileGlOptions {
  std::string file;                       ///< the GL detail export ("-" = stdin)
  core::Period period;
  std::vector<std::string> accounts;      ///< the AR control account(s); empty: every row
  std::vector<engine::GlSourceRule> rules;  ///< tried before the built-in source rules
  /// "CUR=AMOUNT" (or "AMOUNT" in the default currency): GL opening balances not in the export.
  std::vector<std::string> openings;
  std::int64_t tolerance_minor = 0;
  std::string profile = "generic";
  std::string map;                        ///< mapping file; empty: none
  /// Date format, decimal comma and the currency of rows without one (empty: the ledger's, when
  /// it holds exactly one).
  import::InputSettings settings;
};

struct ReconcileGlResult {
  engine::GlResult gl;     ///< rows (the detail report) and breaks (sorted)
  std::string summary;     ///< "N GL rows used...; USD closing AR: ...; 2 breaks (...)": the note and the audit detail
  bool exceptions = false; ///< breaks remain (exit 3)
};

/// Reads the ledger's roll-forward and the GL export, reconciles them and appends the audit entry,
/// in one write transaction. `before_commit` (when given) writes the reports before the commit.
/// Throws core::Error: bad GL rows (all listed), a bad --gl-opening (kUsage).
ReconcileGlResult reconcile_gl(store::LedgerStore& store, const Invocation& inv, const ReconcileGlOptions& options,
                               const std::function<void(const ReconcileGlResult&)>& before_commit = {});

}  // namespace otc::ops
