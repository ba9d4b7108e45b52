#pragma once
// A seeded generator of noisy remittance data with known truth, and the scorer that measures the
// matching engine against it (precision, auto-apply rate). Test and benchmark data, not product
// code: the library otc_sim, used by tools/remit_gen and tools/match_eval, and by the unit tests.
// Deterministic: the same config gives the same data everywhere.
#include <cstdint>
#include <string>
#include <vector>

#include "otc/domain/bank_transaction.hpp"
#include "otc/engine/matching.hpp"

namespace otc::sim {

/// What kind of receipt a generated bank line is (its truth's story).
enum class RemitScenario : std::uint8_t {
  kCleanReference,   ///< the invoice number in the structured reference, amount exact
  kTextReference,    ///< the number in free text in some customer format (`inv 123`, `#000123`)
  kTypoReference,    ///< the number with one typo or a truncated tail
  kNoReference,      ///< no reference: payer name variant and/or account, amount exact
  kCombinedRefs,     ///< 2-4 invoices of one customer, references listed (sometimes one typo)
  kCombinedNoRefs,   ///< 2-3 invoices of one customer, no references
  kShortPay,         ///< one invoice less a bank fee or an early-payment discount
  kPartial,          ///< one invoice paid 30-70%
  kOverpayment,      ///< one invoice paid plus a little more (remainder on account)
  kOtherCompany,     ///< a payment meant for someone else: truth is none
  kDuplicateLine,    ///< the bank file repeats an earlier line: truth is none
  kDebit,            ///< a bank charge: truth is none
};
inline constexpr int kRemitScenarioCount = 12;
const char* scenario_name(RemitScenario s);

/// Relative weights of the scenarios (any scale; the defaults sum to 100).
struct RemitMix {
  int weights[kRemitScenarioCount] = {42, 15, 6, 10, 7, 2, 5, 3, 2, 4, 2, 2};
};

struct RemitSimConfig {
  std::uint64_t seed = 42;
  int customers = 2000;
  int invoices = 20000;   ///< open invoices
  int receipts = 5000;    ///< bank lines
  RemitMix mix;
};

/// The truth of one bank line: the invoices it pays and how much each, or nothing.
struct RemitTruth {
  RemitScenario scenario = RemitScenario::kCleanReference;
  std::vector<std::pair<std::int64_t, std::int64_t>> parts;  ///< {invoice id, amount applied}
  std::int64_t on_account_minor = 0;
};

struct RemitSimData {
  std::vector<engine::MatchCustomer> customers;
  std::vector<engine::OpenInvoice> invoices;
  std::vector<domain::BankTransaction> receipts;
  std::vector<RemitTruth> truth;  ///< one per receipt
};

/// Generates a data set. Receipts dated 2026-03-02 and after; invoices dated before.
RemitSimData simulate_remittance(const RemitSimConfig& config);

struct RemitScenarioScore {
  std::size_t receipts = 0;
  std::size_t applied = 0;  ///< receipts with at least one application
  std::size_t wrong = 0;    ///< receipts with at least one wrong application
};

/// The engine's result scored against the truth. An application is right when the truth of its
/// receipt has the same invoice with the same amount; any application on a receipt whose truth
/// is none is wrong.
struct RemitScore {
  std::size_t receipts = 0;
  std::size_t applicable = 0;            ///< receipts whose truth pays an invoice
  std::size_t applied_receipts = 0;      ///< receipts with at least one application
  std::size_t applied_applicable = 0;    ///< ... among the applicable ones
  std::size_t fully_right_receipts = 0;  ///< applied exactly as the truth says
  std::size_t applications = 0;
  std::size_t wrong_applications = 0;
  RemitScenarioScore by_scenario[kRemitScenarioCount];

  /// 1 - wrong / applied (applications); 1 when nothing was applied.
  double precision() const;
  /// applicable receipts auto-applied / applicable receipts.
  double auto_apply_rate() const;
};

RemitScore score_matches(const RemitSimData& data, const engine::MatchResult& result);

}  // namespace otc::sim
