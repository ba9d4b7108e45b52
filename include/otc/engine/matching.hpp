#pragma once
// Cash application: receipts from bank files matched to open invoices, in passes, precision first.
// Pure: data in, result out. See docs/cash-application.md for the passes, rules and bounds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/bank_transaction.hpp"

namespace otc::engine {

/// An invoice with an open balance, as the ledger holds it.
struct OpenInvoice {
  std::int64_t id = 0;
  std::string number;             ///< e.g. "INV-000123"
  std::int64_t customer_id = 0;
  core::Currency currency;
  std::int64_t open_minor = 0;    ///< open balance (> 0 to be matched)
  core::Date invoice_date;
  core::Date due_date;
};

/// What the matcher knows about a customer.
struct MatchCustomer {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> aliases;        ///< payer names learned from confirmed applications
  std::vector<std::string> bank_accounts;  ///< payer accounts on file (IBAN, account number)
};

/// Short-pay tolerance. A limit of 0 is "not set"; when both are set, both must hold.
/// With neither set, no short-pay is tolerated.
struct Tolerance {
  /// Largest shortfall, as a count of 10^-absolute_exponent units of the receipt's currency: the same
  /// "25.00" is 25.00 USD, 25 JPY and 25.000 KWD, whatever the currency's decimals.
  std::int64_t absolute_minor = 0;
  std::int32_t basis_points = 0;    ///< largest shortfall as a share of the open amount (100 = 1%)
  int absolute_exponent = 2;        ///< decimals of absolute_minor (the CLI reads 6)
  /// The absolute limit in minor units of a currency with `exponent` decimals (rounded down).
  std::int64_t absolute_limit(int exponent) const;
};

struct MatchOptions {
  Tolerance tolerance;
  std::string deduction_reason = "SHORT-PAY";  ///< reason code recorded with a tolerated shortfall
  /// Combination search (pass 2): the payer's open invoices considered (a payer with more open
  /// invoices up to the amount is not searched), the most invoices in one combination when some
  /// are referenced / when none is, and the search steps before giving up (then: queue).
  int max_combination_candidates = 40;
  int max_combination_size = 4;
  int max_unreferenced_combination_size = 3;
  std::int64_t combination_node_budget = 200000;
  /// Payer-name identification: best score at least this, and ahead of the next customer by at
  /// least `name_margin` (chosen with match_eval; see docs/cash-application.md).
  double name_threshold = 0.84;
  double name_margin = 0.06;
  /// Applications below this confidence go to the queue as suggestions instead.
  int min_confidence = 70;
  /// Worker threads for the per-receipt evidence phase (1 = none).
  int threads = 2;
};

/// How an application was decided. Each maps to one rule name (rule_name()).
enum class MatchRule : std::uint8_t {
  kReference,       ///< pass 1: one referenced invoice, amount agrees (or a tolerated short-pay)
  kReferenceFuzzy,  ///< pass 1: a reference one typo away from an invoice whose amount agrees
  kReferenceList,   ///< pass 2: several referenced invoices summing to the amount
  kCombination,     ///< pass 2: an exact-sum combination of the payer's open invoices
  kCustomerAmount,  ///< pass 3: payer identified, unique open invoice of that amount
  kShortPay,        ///< pass 4: payer identified, unique invoice within tolerance above the amount
  kPartial,         ///< pass 4: referenced invoice paid in part (beyond tolerance)
  kOverpayment,     ///< pass 4: referenced invoice(s) paid in full, remainder on account
};
std::string_view rule_name(MatchRule rule);

/// How the payer was identified (strongest first). kName: the normalised payer name equals a
/// customer's normalised name or alias. kAmbiguous: several customers fit equally well.
enum class PayerMatch : std::uint8_t { kAccount, kName, kFuzzyName, kAmbiguous, kNone };
std::string_view payer_match_name(PayerMatch how);

/// Cash applied from one receipt to one invoice.
struct Application {
  std::uint32_t receipt = 0;      ///< index into the receipts given to match_receipts
  std::int64_t invoice_id = 0;
  std::int64_t amount_minor = 0;  ///< cash applied
  MatchRule rule = MatchRule::kReference;
  int confidence = 0;             ///< 0..100
  std::int64_t deduction_minor = 0;  ///< shortfall written off against the invoice (0: none)
  std::string deduction_reason;      ///< empty when deduction_minor is 0
};

/// The part of a receipt left on the customer's account after paying invoices in full.
struct OnAccount {
  std::uint32_t receipt = 0;
  std::int64_t customer_id = 0;
  std::int64_t amount_minor = 0;
  MatchRule rule = MatchRule::kOverpayment;
  int confidence = 0;
};

struct Suggestion {
  enum class Kind : std::uint8_t { kInvoice, kCustomer };
  Kind kind = Kind::kInvoice;
  std::int64_t id = 0;  ///< invoice id or customer id
  int score = 0;        ///< 0..100, higher is better
  std::string why;      ///< human-readable
};

/// A receipt that was not applied: why, who probably paid, and up to three ranked suggestions.
struct Unapplied {
  std::uint32_t receipt = 0;
  std::string reason;
  std::optional<std::int64_t> customer_id;  ///< set when the payer was identified
  std::vector<Suggestion> suggestions;
};

struct MatchStats {
  std::size_t receipts = 0;
  std::size_t applied_receipts = 0;  ///< receipts with at least one application
  std::size_t unapplied = 0;
  std::size_t debits = 0;
  std::size_t reversals = 0;
  std::size_t duplicates = 0;
};

struct MatchResult {
  std::vector<Application> applications;  ///< grouped by receipt, in pass order
  std::vector<OnAccount> on_account;
  std::vector<Unapplied> unapplied;        ///< in receipt order
  std::vector<std::uint32_t> debits;       ///< debit entries: not matched, reported
  std::vector<std::uint32_t> reversals;    ///< returned/reversed receipts: the caller reverses earlier applications
  /// Exact repeats of an earlier line in the same input (same bank reference, date, amount,
  /// currency, direction): {repeat, first}. Not matched.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> duplicates;
  MatchStats stats;
};

/// Matches credit receipts to open invoices. `invoices` are the open items (open_minor > 0 is
/// needed for a match); invoice ids and customer ids must be unique. Receipts are considered in
/// the order given within each pass; passes run in order over all receipts, so a strong match
/// never loses its invoice to a weaker one.
MatchResult match_receipts(const std::vector<domain::BankTransaction>& receipts,
                           const std::vector<OpenInvoice>& invoices,
                           const std::vector<MatchCustomer>& customers, const MatchOptions& options);

/// The shortfall `open - paid` tolerated by `tolerance` for an invoice with `open` outstanding
/// (0 < shortfall <= limit); false when paid >= open or nothing is tolerated.
/// `exponent` is the decimals of the currency of `open` and `paid`.
bool within_tolerance(std::int64_t open, std::int64_t paid, const Tolerance& tolerance, int exponent = 2);

}  // namespace otc::engine
