#pragma once
// The billing engine: contract lines (with amendments), usage and what is already billed in,
// invoice drafts out. Pure: no SQL, no clock, no printing. docs/billing.md states every rule.
//
// Streaming: bill_contract_line() works on one contract line at a time and appends to a vector the
// caller owns, so memory holds one line's history, usage and billed keys, not the whole book.
// A caller that reads contract lines ordered by customer collects one customer's lines, calls
// group_into_invoices(), writes the invoices and clears the vectors before the next customer.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/contract.hpp"
#include "otc/domain/usage.hpp"
#include "otc/engine/pricing.hpp"

namespace otc::engine {

/// What a line bills. With the key date it is the natural key of a charge within a contract line:
/// the engine bills each (contract line, key date, kind) at most once.
enum class ChargeKind {
  kRecurring,   ///< the period's recurring charge (key date: the period's first day)
  kUsage,       ///< the period's usage, minimum-commitment shortfall or overage (key: period's first day)
  kAdjustment,  ///< an amendment inside an advance-billed period (key: the amendment's effective date)
};
std::string_view to_string(ChargeKind kind);
std::optional<ChargeKind> parse_charge_kind(std::string_view text);

struct ChargeKey {
  core::Date date;
  ChargeKind kind = ChargeKind::kRecurring;
  friend bool operator==(const ChargeKey&, const ChargeKey&) = default;
  friend auto operator<=>(const ChargeKey&, const ChargeKey&) = default;
};

/// A charge already invoiced, as the ledger remembers it.
struct BilledCharge {
  std::string contract_id;
  std::string line_id;
  ChargeKey key;
};

/// When an arrears period is invoiced: on the day after its last service day (the default: the
/// service has been fully delivered), or on the last service day itself.
enum class ArrearsInvoiceDate { kDayAfterPeriod, kLastDayOfPeriod };

struct BillingOptions {
  core::Rounding rounding = core::Rounding::kHalfUp;
  ArrearsInvoiceDate arrears_invoice_date = ArrearsInvoiceDate::kDayAfterPeriod;
};

/// One invoice line, not yet numbered.
struct DraftLine {
  std::string contract_id;
  std::string line_id;
  std::string customer;
  std::string product;
  std::string description;
  ChargeKey key;
  core::Date period_start;       ///< service dates the line covers, inclusive
  core::Date period_end;
  std::int32_t days = 0;         ///< proration: `days` of `full_days` (equal on a full period)
  std::int32_t full_days = 0;
  std::int64_t quantity = 0;     ///< scaled by kDecimalScale; negative on credit lines
  std::optional<std::int64_t> unit_price_micros;  ///< none on graduated usage, shortfall, overage
  LineMoney money;
  core::Currency currency;
  std::int64_t tax_rate_ppm = 0;
  core::Date invoice_date;
  core::Date due_date;
};

/// Everything the engine needs about one contract line.
struct LineInput {
  /// The base row and its amendments, in any order (sorted by effective date inside).
  std::span<const domain::ContractLine> versions;
  /// Usage records of this line (records of other lines are skipped; duplicate event ids count once).
  std::span<const domain::UsageRecord> usage;
  /// Keys of this line already on invoices.
  std::span<const ChargeKey> billed;
};

struct LineStats {
  std::int64_t usage_used = 0;            ///< records accepted (in service, not duplicates)
  std::int64_t usage_duplicates = 0;      ///< records whose event id was seen before
  std::int64_t usage_out_of_service = 0;  ///< records dated on a day the line is not in service
  std::int64_t usage_other_line = 0;      ///< records that belong to another line

  LineStats& operator+=(const LineStats& o);
};

/// Bills every charge of one contract line that is due on or before `through` and not in
/// `input.billed`, appending lines to `out`. Throws otc::core::Error on inconsistent versions.
LineStats bill_contract_line(const LineInput& input, core::Date through, const BillingOptions& options,
                             std::vector<DraftLine>& out);

/// One invoice: a customer's lines with the same currency, invoice date and due date.
struct InvoiceDraft {
  std::string customer;
  core::Currency currency;
  core::Date invoice_date;
  core::Date due_date;
  std::vector<DraftLine> lines;
  std::int64_t amount = 0;    ///< sums of the lines' figures, exactly
  std::int64_t discount = 0;
  std::int64_t net = 0;
  std::int64_t tax = 0;
  std::int64_t total = 0;
};

/// Groups lines (of any customers) into invoices keyed by customer, currency, invoice date and
/// due date. Invoices come out ordered by customer, invoice date, currency, due date; lines by
/// contract, line, service start, kind. Appends to `out`; consumes `lines`.
void group_into_invoices(std::vector<DraftLine>&& lines, std::vector<InvoiceDraft>& out);

struct BillingPlan {
  std::vector<InvoiceDraft> invoices;
  LineStats stats;
};

/// Convenience over whole data sets held in memory (tests, small books): groups rows into lines
/// by (contract id, line id), gives each usage record to one line (a customer-only record goes to
/// the first line, by contract and line id, in service on its date), bills, and groups invoices.
BillingPlan plan_billing(std::span<const domain::ContractLine> rows,
                         std::span<const domain::UsageRecord> usage,
                         std::span<const BilledCharge> billed, core::Date through,
                         const BillingOptions& options = {});

/// Revenue delivered or due but not invoiced, as of a date.
struct UnbilledItem {
  std::string contract_id;
  std::string line_id;
  std::string customer;
  std::string product;
  ChargeKey key;
  core::Date period_start;
  core::Date period_end;
  /// The day the item became billable (its invoice date); for usage of a period still open, the
  /// date of its first record.
  core::Date since;
  std::int32_t age_days = 0;     ///< as_of − since
  bool billable = true;          ///< false for usage of a period that has not ended
  std::int64_t amount = 0;       ///< net of discount, before tax
  std::int64_t tax = 0;
  core::Currency currency;
};

/// The unbilled items of one line as of `as_of`: advance periods started, arrears periods ended,
/// amendments effective, and usage recorded (also in the open period), none of them invoiced.
void unbilled_for_line(const LineInput& input, core::Date as_of, const BillingOptions& options,
                       std::vector<UnbilledItem>& out);

/// unbilled_for_line over whole data sets (same grouping as plan_billing), ordered by customer,
/// contract, line, key.
std::vector<UnbilledItem> compute_unbilled(std::span<const domain::ContractLine> rows,
                                           std::span<const domain::UsageRecord> usage,
                                           std::span<const BilledCharge> billed, core::Date as_of,
                                           const BillingOptions& options = {});

/// Why an amendment cannot follow `previous`: the field (canonical column name) and the reason.
struct AmendmentConflict {
  std::string field;
  std::string message;
};

/// An amendment may change quantity, prices, tiers, end date, discount, tax rate, net days and
/// description; it may not change customer, currency, start, frequency, timing, anchor, price
/// model or metric, and it must take effect after the line starts.
std::optional<AmendmentConflict> check_amendment(const domain::ContractLine& previous,
                                                 const domain::ContractLine& amendment);

}  // namespace otc::engine
