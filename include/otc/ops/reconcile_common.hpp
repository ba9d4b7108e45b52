#pragma once
// What the three reconciliations (billing, bank, gl) share: bad input rows fail the run before
// anything is reconciled, and a run that used the ledger leaves one audit entry naming its inputs.
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/ops/invocation.hpp"

namespace otc::ops {

/// Throws core::Error (kInput) carrying every bad row (the printer lists them, in file order,
/// before the error) when there are any: nothing is reconciled on bad input. `file` is the
/// error's location ("" when the rows come from several files).
void fail_on_bad_rows(std::vector<core::Issue> issues, const std::string& file);

/// The audit entry of a reconciliation: action "reconcile", `what` (billing, bank, gl), the
/// period or range, the summary, and the input files with their SHA-256 (none for stdin "-").
store::AuditEntry reconcile_audit_entry(const Invocation& inv, std::string what, std::string id, std::string summary,
                                        const std::vector<std::string>& files);

}  // namespace otc::ops
