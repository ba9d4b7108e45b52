#pragma once
// reconcile bank: bank deposits against the ledger's receipts over a date range, and gateway
// payouts (Stripe, PayPal) against the deposits they became. The matching rules are
// engine/reconcile_bank's and the payout arithmetic engine/reconcile_payout's; this use case
// decides how the two fit together (see reconcile_bank below).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/domain/bank_transaction.hpp"
#include "otc/engine/reconcile_bank.hpp"
#include "otc/engine/reconcile_payout.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct ReconcileBankOptions {
  /// The range reconciled; an open end is the bank files' first (last) booking day.
  std::optional<core::Date> from, to;
  int window_days = 3;                  ///< days a receipt or payout may be from its deposit
  /// Text in a deposit's payer/reference that marks a gateway payout; empty: the gateways' names.
  std::vector<std::string> deposit_markers;
  std::vector<std::string> files;       ///< every input file, for the audit entry
};

/// What the command read: bank transactions (every bank file, in order) and gateway export rows.
struct ReconcileBankInput {
  std::vector<domain::BankTransaction> bank;
  std::vector<engine::GatewayTransaction> gateway;
  std::vector<std::string> gateways;    ///< names of the gateways read ("paypal", "stripe"), sorted, unique
};

struct ReconcileBankResult {
  core::Date from, to;                  ///< the range reconciled
  engine::PayoutResult payouts;         ///< deposit indexes point into input.bank
  std::size_t deposits_in_range = 0;
  std::size_t receipts_in_range = 0;
  std::size_t matched = 0, matched_by_reference = 0;
  std::size_t gateway_receipts = 0;     ///< ledger receipts that are a charge in a gateway export
  std::vector<engine::Break> breaks;    ///< bank, payout and fee lines, sorted
  std::string summary;                  ///< the note after "reconcile bank FROM..TO: " and the audit detail
  bool exceptions = false;              ///< breaks remain (exit 3)
};

/// In one write transaction:
/// 1. payouts are tied out against the deposits (engine::tie_out_payouts);
/// 2. ledger receipts whose reference is a gateway charge's id are left out (the payout explains them);
/// 3. deposits are matched with the remaining receipts within the range ± the window;
/// 4. a deposit a payout explains and no receipt matched is dropped, and the rest matched again;
/// 5. a gateway deposit with no payout is reported once, as deposit_without_payout;
/// then the audit entry. `before_commit` (when given) writes the reports before the commit.
/// Throws core::Error (kInput) when there is no range: no --from/--to and no bank transactions.
ReconcileBankResult reconcile_bank(store::LedgerStore& store, const Invocation& inv, const ReconcileBankOptions& options,
                                   const ReconcileBankInput& input,
                                   const std::function<void(const ReconcileBankResult&)>& before_commit = {});

}  // namespace otc::ops
