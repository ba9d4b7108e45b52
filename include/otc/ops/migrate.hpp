#pragma once
#include <functional>
// `otc migrate --from LEDGER --to LEDGER`: a whole ledger copied into a new one (either backend),
// table by table, ids preserved, then verified on both sides.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// One comparison of the source and the copy.
struct MigrateCheck {
  std::string check;   ///< rows | aging | rollforward
  std::string key;     ///< the table; "customer CCY" or "total CCY"; "YYYY-MM CCY component"
  std::string source;
  std::string target;
  bool same() const { return source == target; }
};

struct MigrateResult {
  std::vector<MigrateCheck> checks;   ///< row counts of every table, aging, roll-forward
  std::size_t tables = 0;             ///< tables copied
  std::int64_t rows = 0;              ///< rows copied
  std::optional<core::Date> as_of;    ///< the latest fact date the aging and roll-forward compare at
  std::size_t differences = 0;        ///< checks that differ
  bool committed = false;             ///< every check the same: the copy is committed
};

/// Copies every table of `from` into `to`, in one read snapshot of `from` and ONE write
/// transaction on `to`, in dependency order with the ids as they are; then compares, inside that
/// transaction, the row count of every table (the audit log included), aging by customer as of
/// the latest fact date and the roll-forward of that date's month. Commits only when all agree;
/// otherwise rolls back (result.committed false). `to` must be a new ledger: a table holding
/// rows (beyond the one ledger_meta row every new ledger has) is a core::Error(kLedger), as is a
/// table or column of `from` that `to` lacks. Writes no audit entry: the copy is exact.
/// `before_commit` (when every check agrees) writes and checks the report before the commit: if
/// it throws, the copy is rolled back (docs/output.md).
MigrateResult migrate_ledger(store::LedgerStore& from, store::LedgerStore& to,
                             const std::function<void(const MigrateResult&)>& before_commit = {});

}  // namespace otc::ops
