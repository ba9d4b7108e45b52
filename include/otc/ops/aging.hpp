#pragma once
// `otc aging` (and the aging `otc close` writes): open items and unapplied credit as of a date,
// aged into buckets by engine::AgingAccumulator.
#include "otc/engine/aging.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct AgingOptions {
  engine::AgingBuckets buckets;
  core::Date as_of;
  bool by_invoice = false;
  bool separate_disputes = false;  ///< `--disputes separate`: a disputed column, only the rest aged
};

/// Reads inside the caller's transaction.
engine::AgingAccumulator age_open_items(store::LedgerStore& store, const AgingOptions& options);

/// The same in a read transaction of its own (one consistent snapshot).
engine::AgingAccumulator aging_report(store::LedgerStore& store, const AgingOptions& options);

}  // namespace otc::ops
