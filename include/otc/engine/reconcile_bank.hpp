#pragma once
// Bank-vs-ledger reconciliation: bank deposits (credits in a bank file, left) against the receipts
// the ledger holds (right), over a date range. Pure: both sides in, matches and breaks out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/bank_transaction.hpp"
#include "otc/engine/reconcile.hpp"

namespace otc::engine {

/// A receipt (payment) as the ledger holds it.
struct LedgerReceipt {
  std::string payment_id;        ///< the ledger's external id for the payment
  core::Date date;               ///< received / deposit date
  std::int64_t amount_minor = 0; ///< positive
  core::Currency currency;
  std::string bank_reference;    ///< the bank's reference for the deposit, when the receipt was posted from a bank file
  std::string customer;          ///< for suggestions only
};

struct BankReconcileOptions {
  /// The range being reconciled (inclusive; either end may be open). Items outside it are used
  /// only as counterparts, so a deposit on the last day matches a receipt posted a day later,
  /// and they are never reported as breaks.
  std::optional<core::Date> from, to;
  /// Amount + date matching: the receipt date may differ from the deposit's booking date by at
  /// most this many days, either way.
  int date_window_days = 3;
};

enum class BankMatchRule { kReference, kAmountDate };

struct BankMatch {
  std::size_t deposit = 0;     ///< index into the bank transactions passed in
  std::size_t receipt = 0;     ///< index into the receipts passed in
  BankMatchRule rule = BankMatchRule::kReference;
  int day_difference = 0;      ///< receipt date − deposit booking date
  /// Amount + date only: another unmatched item of the same amount was as close, so the pairing
  /// among equal amounts was decided by date then input order.
  bool tie = false;
};

struct BankReconcileResult {
  std::vector<BankMatch> matches;   ///< sorted by deposit index
  std::vector<Break> breaks;        ///< sorted by sort_breaks
  std::size_t deposits_in_range = 0;
  std::size_t receipts_in_range = 0;
};

/// Matching, in two passes over deposits (credits that are not reversals) and receipts:
/// 1. reference: the receipt's bank_reference equals the deposit's bank_reference or
///    end_to_end_id (ignoring case and blanks) in the same currency; when several deposits carry
///    it, the one with the same amount and nearest date. A reference match whose amounts differ
///    is a receipt_amount_difference break.
/// 2. amount + date: same currency and amount, dates within the window; pairs are taken nearest
///    date first (then earlier deposit, then earlier receipt), each item at most once.
/// Then every in-range deposit left is unmatched_deposit, every in-range receipt unmatched_receipt.
BankReconcileResult reconcile_bank(const std::vector<domain::BankTransaction>& bank,
                                   const std::vector<LedgerReceipt>& receipts, const BankReconcileOptions& options = {});

}  // namespace otc::engine
