#pragma once
// `otc credit set|check|hold|release|risk`: credit limits, exposure and holds, the risk score.
// Exposure is read in one snapshot: open AR and past-due items (as `otc aging`), unapplied cash,
// and billable unbilled charges (as `otc unbilled --billable`, ops::unbilled_items).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "otc/engine/credit.hpp"
#include "otc/engine/credit_risk.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct CreditCheckOptions {
  core::Date as_of;
  std::optional<std::string> customer;   ///< only this customer (kNotFound when unknown)
  bool due_reviews = false;              ///< only lines whose review-by day is on or before as_of
  engine::CreditPolicy policy;
  /// Only the hold flags matter: skip the unbilled scan when no customer has a limit (it can then
  /// decide no hold).
  bool holds_only = false;
};

/// Lines by customer id, then currency: every customer with AR, unbilled charges, unapplied cash,
/// a limit or a hold. Reads inside the caller's transaction.
std::vector<engine::CreditLine> credit_lines(store::LedgerStore& store, const CreditCheckOptions& options);

/// The same in a read transaction of its own.
std::vector<engine::CreditLine> credit_check(store::LedgerStore& store, const CreditCheckOptions& options);

/// Customers on hold at as_of (customer id → the reasons), for markers in other reports
/// (`collect list`, `customer`). Reads inside the caller's transaction.
std::map<std::string, std::vector<std::string>> held_customers(store::LedgerStore& store, core::Date as_of,
                                                               const engine::CreditPolicy& policy);

struct CreditSetOptions {
  std::string customer;
  std::string limit;                     ///< amount text, parsed in the currency's minor units
  std::optional<std::string> currency;   ///< default: the customer's currency
  std::optional<core::Date> review_by;
  core::Date on;                         ///< the day it is set (--as-of or today)
};
struct CreditSetResult {
  bool changed = false;
  store::CreditLimitRecord limit;
  std::optional<store::CreditLimitRecord> previous;
};
/// Sets (or replaces) the limit, audited; the same limit and review day again changes nothing.
CreditSetResult credit_set(store::LedgerStore& store, const Invocation& inv, const CreditSetOptions& options);

struct HoldResult {
  bool changed = false;                  ///< false: already in that state
  engine::ManualHold before, after;
};
/// A manual hold from `on`, audited; no-op when already held by hand.
HoldResult credit_hold(store::LedgerStore& store, const Invocation& inv, const std::string& customer,
                       const std::string& reason, core::Date on);
/// Lifts a manual hold from `on`; with `until`, also overrides automatic holds through that day.
HoldResult credit_release(store::LedgerStore& store, const Invocation& inv, const std::string& customer,
                          const std::string& reason, core::Date on, std::optional<core::Date> until);

struct RiskOptions {
  core::Date as_of;
  int top = 0;                           ///< 0: every customer
  engine::CreditPolicy policy;
};
/// Broken promises (last 365 days) and open disputes at as_of, from the collections role, added to
/// each customer's risk input (src/ops/credit_collections.cpp). Reads inside the caller's transaction.
void add_collections_risk_inputs(store::LedgerStore& store, core::Date as_of, std::map<std::string, engine::RiskInput>& inputs);

/// Scores by score descending, then customer id.
std::vector<engine::RiskScore> credit_risk(store::LedgerStore& store, const RiskOptions& options);

}  // namespace otc::ops
