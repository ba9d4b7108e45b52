#pragma once
// apply-cash as a use case: post the new receipts of bank files as payments, apply them to open
// invoices (engine::match_receipts), learn payer aliases, reverse the payments that returned items
// return, and record the batch and its audit entry, all in one write transaction.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "otc/domain/bank_transaction.hpp"
#include "otc/engine/matching.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// One bank file the transactions came from: its name as given and its SHA-256 (empty for stdin).
struct BankFileInfo {
  std::string name;
  std::string sha256;
};

/// One row of the applications report: an application, cash left on account, or an unapplied receipt.
struct ApplyCashRow {
  std::int64_t application_id = 0;  ///< 0 when no application was written (on account, unapplied, deduction only)
  std::string payment_id;
  core::Date date;
  std::string payer;
  std::string bank_reference;
  std::string customer_id;          ///< the customer's external id, empty when unknown
  std::string invoice_id;           ///< the invoice number, empty when not applied
  std::int64_t amount_minor = 0;
  core::Currency currency;
  std::string rule;                 ///< engine rule name, "on_account" or "unapplied"
  int confidence = 0;
  std::int64_t deduction_minor = 0;
  std::string deduction_reason;
  std::string note;
};

struct ApplyCashResult {
  std::vector<ApplyCashRow> rows;   ///< applications, then on-account receipts, then unapplied receipts
  std::vector<std::string> notes;   ///< for stderr: what happened to each returned item
  // Counts: new credits posted, of them applied and unapplied; transactions already posted; debits
  // (not matched); returned items, of them reversed and left unresolved.
  std::size_t new_receipts = 0, applied_receipts = 0, unapplied = 0, already_posted = 0, debits = 0;
  std::size_t returns = 0, reversed_returns = 0, unresolved_returns = 0;
  /// Lines that repeat an earlier line of the same file (same bank reference, date, amount,
  /// currency and direction): listed (rule "duplicate"), not posted.
  std::size_t duplicates = 0;
  /// Zero-amount entries (prenotes, NACHA notifications of change): noted, not posted.
  std::size_t zero_amount = 0;
  std::vector<ApplyCashRow> duplicate_rows;
  /// Receipts already posted by an earlier run whose cash is still (partly) unapplied, and how much.
  std::size_t still_unapplied = 0;
  std::map<std::string, std::pair<core::Currency, std::int64_t>> still_unapplied_by_currency;
  bool written = false;             ///< false on a dry run and when nothing was new
  /// Unapplied receipts (new, or from an earlier run of the same file) or returns that could not
  /// be matched remain (exit 3), so that a scheduled re-run keeps alerting.
  bool exceptions_remain() const { return unapplied > 0 || unresolved_returns > 0 || still_unapplied > 0; }
};

struct ApplyCashOptions {
  engine::Tolerance tolerance;
  std::string deduction_reason = "SHORT-PAY";
  bool dry_run = false;
  /// Called with the complete result just before the transaction ends (commit, or rollback on a dry
  /// run / nothing new): the command writes its report here so that it is complete before the commit.
  std::function<void(const ApplyCashResult&)> before_commit;
};

/// The idempotency key of each transaction: its natural key (import::bank_transaction_key) and
/// "#n", n counting identical transactions within one source file.
std::vector<std::string> bank_transaction_keys(const std::vector<domain::BankTransaction>& transactions);

inline constexpr std::size_t kNoRepeat = static_cast<std::size_t>(-1);
/// For each transaction, the index of the earlier line of the same file it repeats (same bank
/// reference — not empty, not all zeros —, booking date, amount, currency, direction and payer),
/// else kNoRepeat.
std::vector<std::size_t> duplicate_lines(const std::vector<domain::BankTransaction>& transactions);

/// Which rules confirm the name a payer pays under (a match on its own remittance references), so
/// that the name is learned as an alias of the customer.
bool confirms_payer(engine::MatchRule rule);

/// Return matching: the posted payment a returned item returns, when it can be told safely: same
/// amount and currency within 120 days before, and the return's original reference or the payer
/// account naming exactly one of them. Reads inside the caller's transaction.
std::optional<store::PaymentCandidate> find_returned_payment(store::LedgerStore& store, const domain::BankTransaction& ret);

/// `transactions` are every transaction read, in file order, with source_file set; `files` the files
/// they came from. Nothing new (every transaction already posted) leaves the ledger exactly as it was.
/// Throws core::Error (nothing written) when a payment id collides with another transaction's.
ApplyCashResult apply_cash(store::LedgerStore& store, const Invocation& inv, const std::vector<domain::BankTransaction>& transactions,
                           const std::vector<BankFileInfo>& files, const ApplyCashOptions& options);

}  // namespace otc::ops
