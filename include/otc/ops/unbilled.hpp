#pragma once
// `otc unbilled`: revenue delivered or due but not yet invoiced, per contract line, as of a date.
// One read transaction over every customer's book; the billing engine decides what is unbilled.
#include <functional>

#include "otc/core/date.hpp"
#include "otc/engine/billing.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct UnbilledOptions {
  core::Date as_of;
  engine::BillingOptions billing;
  bool billable_only = false;     ///< only items an invoice run through as_of would bill
};

struct UnbilledResult {
  long items = 0;
};

/// Calls `on_item` for each item: by customer, then contract, line and charge key; reads inside the
/// caller's transaction (`otc credit check` reads exposure in one snapshot).
UnbilledResult unbilled_items(store::LedgerStore& store, const UnbilledOptions& options,
                              const std::function<void(const engine::UnbilledItem&)>& on_item);

/// The same in a read transaction of its own.
UnbilledResult unbilled(store::LedgerStore& store, const UnbilledOptions& options,
                        const std::function<void(const engine::UnbilledItem&)>& on_item);

}  // namespace otc::ops
