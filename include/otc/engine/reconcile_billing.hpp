#pragma once
// Billing reconciliation: CRM contract billing lines (left) against ERP invoice lines (right).
//
// A sort-merge over two streams. Each side is sorted by key in bounded memory (sorted runs spill
// to unlinked temporary files once a side exceeds its memory budget), then the two sorted streams
// are merged one key at a time, so memory does not grow with the input. Breaks are streamed to a
// callback key by key. See docs/reconcile.md for the rules and measured figures.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "otc/core/money.hpp"
#include "otc/engine/reconcile.hpp"

namespace otc::engine {

/// One billing line as either side exports it, already parsed.
struct BillingLine {
  /// The reconciliation key: the configured key fields' values joined by '|', e.g.
  /// "C-1001|2026-03|SEATS" for contract + period (YYYY-MM) + product. Compared byte for byte.
  std::string key;
  std::string customer;             ///< customer id (or name) as the side exports it
  std::int64_t quantity = 0;        ///< millionths (kMicros)
  std::int64_t unit_price = 0;      ///< millionths of a major unit, so 0.0025 per call is exact
  std::int64_t discount = 0;        ///< millionths, in the unit both exports use (an amount or a percent)
  std::int64_t amount_minor = 0;    ///< line amount in the currency's minor units
  core::Currency currency;
  std::string document;             ///< invoice number / contract line id, for suggestions only
  long source_line = 0;             ///< 1-based line in the input file, 0 when unknown
};

/// Pull interface over one side's lines, in any order. next() fills `out` and returns true, or
/// returns false at the end. It may throw core::Error for bad input (the reconciliation stops).
class BillingLineSource {
 public:
  virtual ~BillingLineSource() = default;
  virtual bool next(BillingLine& out) = 0;
};

/// A source over lines already in memory (tests, small inputs).
class VectorBillingSource : public BillingLineSource {
 public:
  explicit VectorBillingSource(const std::vector<BillingLine>& lines) : lines_(lines) {}
  bool next(BillingLine& out) override {
    if (pos_ >= lines_.size()) return false;
    out = lines_[pos_++];
    return true;
  }

 private:
  const std::vector<BillingLine>& lines_;
  std::size_t pos_ = 0;
};

struct BillingReconcileOptions {
  /// Fields compared for a matched key. Turn off a field one of the exports does not carry.
  bool compare_customer = true;
  bool compare_quantity = true;
  bool compare_unit_price = true;
  bool compare_discount = true;
  bool compare_amount = true;
  bool compare_currency = true;
  /// Tolerances: a difference whose magnitude is <= the tolerance is not a break.
  std::int64_t amount_tolerance_minor = 0;  ///< in the line currency's minor units
  std::int64_t quantity_tolerance = 0;      ///< millionths
  std::int64_t price_tolerance = 0;         ///< millionths of a major unit
  std::int64_t discount_tolerance = 0;      ///< millionths
  /// Customer ids compared ignoring ASCII case and surrounding blanks.
  bool customer_ignore_case = true;
  /// Memory for sorting, per side; a side larger than this spills sorted runs to temp files.
  std::size_t memory_budget_bytes = 16u << 20;
  /// Directory for the spilled runs (created unlinked: nothing is left behind), chosen by the
  /// caller (the CLI: $TMPDIR, else /tmp); the engine never looks at the environment. Needed only
  /// when a side spills: empty then fails with core::Error.
  std::string temp_dir;
  /// Read and sort the two sides on two threads. The sources must then be independent.
  bool parallel = false;
};

struct BillingSummary {
  std::uint64_t crm_lines = 0;
  std::uint64_t erp_lines = 0;
  std::uint64_t matched_pairs = 0;      ///< CRM lines paired with an ERP line of the same key
  std::uint64_t clean_pairs = 0;        ///< of those, pairs with no break
  std::uint64_t breaks = 0;
  BreakCounts by_type{};
  std::uint64_t spilled_runs = 0;       ///< sorted runs written to temp files (both sides)
  std::uint64_t spilled_bytes = 0;
};

using BreakCallback = std::function<void(const Break&)>;

/// Reconciles the two sides, calling `on_break` for each break as soon as its key is done. Keys come
/// in merge order (a fixed 64-bit hash of the key bytes, then the key): deterministic for the same
/// input, but not alphabetical; sort the breaks (sort_breaks) when they must read in key order.
/// Within a key: pairs in CRM input order with their field breaks in BreakType order, then unpaired
/// CRM lines, then unpaired ERP lines, each in input order. Throws what the sources throw, or core::Error
/// when a temporary file cannot be written.
///
/// Lines with equal keys are paired best-first (fewest differing fields, then input order).
/// Left over CRM lines are missing_in_erp; left over ERP lines are duplicate_billing when the key
/// has a CRM line or an earlier ERP line, else missing_in_crm.
/// For a pair: currency_mismatch (then price, discount and amount are not compared),
/// customer_mismatch, quantity/price/discount_difference, and amount_difference only when the
/// amounts differ while quantity, price and discount agree (their amount effect is in the
/// suggestion of the break that explains it).
BillingSummary reconcile_billing(BillingLineSource& crm, BillingLineSource& erp, const BillingReconcileOptions& options,
                                 const BreakCallback& on_break);

/// Convenience for in-memory inputs: all breaks, sorted by sort_breaks (keys, then type).
std::vector<Break> reconcile_billing(const std::vector<BillingLine>& crm, const std::vector<BillingLine>& erp,
                                     const BillingReconcileOptions& options = {}, BillingSummary* summary = nullptr);

}  // namespace otc::engine
