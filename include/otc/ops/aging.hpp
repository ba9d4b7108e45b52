#pragma once
// `otc aging` (and the aging `otc close` writes): open items and unapplied credit as of a date,
// aged into buckets by engine::AgingAccumulator.
#include <cstdint>
#include <functional>

#include "otc/engine/aging.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct AgingOptions {
  engine::AgingBuckets buckets;
  core::Date as_of;
  bool by_invoice = false;
  bool separate_disputes = false;  ///< `--disputes separate`: a disputed column, only the rest aged
  /// Progress: (items read so far, 0 = total unknown), every 4,096 items; may be empty.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

/// Reads inside the caller's transaction.
engine::AgingAccumulator age_open_items(store::LedgerStore& store, const AgingOptions& options);

/// The same in a read transaction of its own (one consistent snapshot).
engine::AgingAccumulator aging_report(store::LedgerStore& store, const AgingOptions& options);

/// `aging --in CCY`: the aging's rows converted at the as-of date's rates (ops::FxBook), each with
/// the currency it was in and the rate used; one total per report in CCY. Throws core::Error naming
/// the currency and date when a rate is missing.
struct ConvertedAging {
  engine::AgingBuckets buckets;
  std::vector<engine::AgingRow> rows;
  std::vector<std::string> from, rate, rate_date;  ///< parallel to rows
  std::vector<engine::AgingRow> totals;            ///< one row, in CCY
};
ConvertedAging aging_report_in(store::LedgerStore& store, const AgingOptions& options, const std::string& in);

}  // namespace otc::ops
