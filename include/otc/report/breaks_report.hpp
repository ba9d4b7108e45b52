#pragma once
// The reconciliation reports: the one breaks report every reconciliation writes (type, keys,
// left, right, difference, currency, suggestion), its one-line summary, and the two detail files
// (payout tie-out, roll-forward vs GL). Layout only: the rows come from the engines.
#include <string>
#include <vector>

#include "otc/domain/bank_transaction.hpp"
#include "otc/engine/reconcile.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/engine/reconcile_payout.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

/// Writes `breaks` in the order given (the engines' sort_breaks order), one row each.
void write_breaks(RowSink& sink, const std::vector<engine::Break>& breaks);

/// "2 breaks (missing_in_erp 1, duplicate_billing 1)": the exceptions among `breaks`, by type in
/// BreakType order; informational lines (fees) are not counted.
std::string break_summary(const std::vector<engine::Break>& breaks);

/// --detail of reconcile bank: one row per payout with its components, deposit and invoices.
/// `bank` is what the payout deposit indexes point into.
void write_payout_detail(RowSink& sink, const engine::PayoutResult& payouts, const std::vector<domain::BankTransaction>& bank);

/// The stderr lines of reconcile bank under its summary: each payout's arithmetic, then each
/// gateway balance not paid out yet.
std::vector<std::string> payout_notes(const engine::PayoutResult& payouts, const std::vector<domain::BankTransaction>& bank);

/// --detail of reconcile gl: ledger vs GL per currency and component, with the GL's sources.
void write_rollforward_detail(RowSink& sink, const std::string& period, const std::vector<engine::RollForwardRow>& rows);

}  // namespace otc::report
