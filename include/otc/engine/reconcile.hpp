#pragma once
// The break model every reconciliation reports (billing, bank, gateway payouts, GL roll-forward).
// A break is one real difference a person must look at: what kind, which keys, the value on each
// side, the difference (left − right) and a suggestion. Pure data; see docs/reconcile.md.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/money.hpp"

namespace otc::engine {

/// Every kind of break, with a stable snake_case name (break_type_name) used in the breaks CSV.
/// The order here is the order breaks of one key are reported in.
enum class BreakType {
  // Billing: CRM contract lines (left) vs ERP invoice lines (right).
  kMissingInErp,          ///< missing_in_erp: a CRM line with no ERP line (unbilled)
  kMissingInCrm,          ///< missing_in_crm: an ERP line with no CRM line (billed without a contract)
  kCurrencyMismatch,      ///< currency_mismatch
  kCustomerMismatch,      ///< customer_mismatch
  kQuantityDifference,    ///< quantity_difference
  kPriceDifference,       ///< price_difference (unit price)
  kDiscountDifference,    ///< discount_difference
  kAmountDifference,      ///< amount_difference: amounts differ while quantity, price and discount agree
  kDuplicateBilling,      ///< duplicate_billing: the same key billed again on the ERP side
  // Bank deposits (left) vs ledger receipts (right).
  kUnmatchedDeposit,      ///< unmatched_deposit: a bank credit with no receipt in the ledger
  kUnmatchedReceipt,      ///< unmatched_receipt: a ledger receipt with no bank credit
  kReceiptAmountDifference,  ///< receipt_amount_difference: matched by reference, amounts differ
  // Gateway payouts (left) vs bank deposits (right).
  kPayoutWithoutDeposit,  ///< payout_without_deposit
  kDepositWithoutPayout,  ///< deposit_without_payout
  kPayoutMismatch,        ///< payout_mismatch: charges − refunds − fees − disputes ± adjustments ≠ payout
  kFee,                   ///< fee: gateway fees of one payout, a line for the GL (informational)
  // GL roll-forward: ledger (left) vs GL AR control account (right).
  kRollforwardDifference,   ///< rollforward_difference: one component differs from the GL
  kRollforwardOutOfBalance, ///< rollforward_out_of_balance: the ledger's own closing ≠ the formula
  kUnmappedGlSource,        ///< unmapped_gl_source: GL movements whose source maps to no component
};

inline constexpr std::size_t kBreakTypeCount = 19;

/// The stable snake_case name ("missing_in_erp", ...).
std::string_view break_type_name(BreakType type);
/// Inverse of break_type_name; nullopt for an unknown name.
std::optional<BreakType> parse_break_type(std::string_view name);
/// False for informational lines (kFee) that do not make a reconciliation fail (exit 3).
bool is_exception(BreakType type);

struct Break {
  BreakType type = BreakType::kAmountDifference;
  std::string keys;        ///< "field=value|field=value" identifying the item(s)
  std::string left;        ///< the left side's value as text ("" when the left side has none)
  std::string right;       ///< the right side's value as text
  std::string difference;  ///< left − right as text: money as a plain decimal, else a quantity
  std::string currency;    ///< ISO code when `difference` is money (or a unit price); else empty
  /// left − right in the currency's minor units, when the difference is an amount of money.
  std::optional<std::int64_t> difference_minor;
  std::string suggestion;  ///< what a person would do about it

  friend bool operator==(const Break&, const Break&) = default;
};

/// The breaks CSV columns, in order: type, keys, left, right, difference, currency, suggestion.
const std::array<std::string_view, 7>& break_column_names();
/// The cells of one break in break_column_names() order.
std::array<std::string, 7> break_cells(const Break& b);

/// Sorts breaks into the report order: keys, then type, then left/right text. Engines that stream
/// (billing) already emit in this order per key.
void sort_breaks(std::vector<Break>& breaks);

/// Whether any of `breaks` is an exception (the reconciliation then exits 3).
bool has_exceptions(const std::vector<Break>& breaks);

/// Counts per type, indexed by static_cast<size_t>(BreakType).
using BreakCounts = std::array<std::uint64_t, kBreakTypeCount>;

/// Text helpers shared by the engines: a money amount as a plain decimal in its currency.
std::string money_text(std::int64_t minor, const core::Currency& currency);
/// A value in millionths (quantities, unit prices, discounts) as a decimal without trailing zeros.
std::string micros_text(std::int64_t micros);

/// Scale of BillingLine quantities, unit prices and discounts: 6 decimal places.
inline constexpr std::int64_t kMicros = 1'000'000;

/// Parses a decimal with up to 6 decimal places into millionths ("12", "12.5", "1,234.5", "10%").
/// nullopt when it is not a number or has more than 6 significant decimals.
std::optional<std::int64_t> parse_micros(std::string_view text, core::AmountStyle style = {});

}  // namespace otc::engine
