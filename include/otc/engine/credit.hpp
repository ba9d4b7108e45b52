#pragma once
// Credit control: a customer's exposure per currency (open AR + billable unbilled − unapplied
// cash), what is available under its limit, and whether it is on hold and why. Holds are
// automatic (exposure over the limit; past due beyond the policy's days) or manual (`credit hold`,
// lifted by `credit release`, which may also override automatic holds through a day). Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/store/credit_store.hpp"

namespace otc::engine {

/// The collections policy's [credit] section (docs/credit.md).
struct CreditPolicy {
  /// An item more than this many days past due puts the customer on hold; unset (no policy file,
  /// or no such key): past due alone holds no one.
  std::optional<int> hold_days_past_due;
};

/// A customer's manual hold state at a date, from its hold/release history.
struct ManualHold {
  bool held = false;
  std::string reason;                    ///< the hold's reason
  std::optional<core::Date> since;       ///< the hold's day
  std::optional<core::Date> override_until;  ///< a release overriding automatic holds through this day
  std::string release_reason;
};

/// `events` are one customer's, in (effective day, id) order; the state is the latest event dated ≤ as_of.
ManualHold manual_hold_at(const std::vector<store::CreditHoldEvent>& events, core::Date as_of);

/// One customer in one currency.
struct CreditLine {
  std::int64_t customer_key = 0;
  std::string customer_id, customer_name;
  core::Currency currency;
  std::optional<std::int64_t> limit;     ///< none: no limit set (never over it)
  std::string limit_source;              ///< set | import | ""
  std::optional<core::Date> review_by;
  std::int64_t open_ar = 0;
  std::int64_t billable_unbilled = 0;    ///< `unbilled --billable` amounts (net of discount)
  std::int64_t billable_unbilled_tax = 0;  ///< and the tax their invoices will add
  std::int64_t unapplied = 0;
  std::int64_t past_due = 0;             ///< open AR past due at as_of
  int max_days_past_due = 0;             ///< the oldest past-due item's days (0: none)
  // Results (assess_credit).
  std::int64_t exposure = 0;
  std::optional<std::int64_t> available; ///< limit − exposure (negative when over)
  std::optional<std::int64_t> utilisation_x100;  ///< exposure ÷ limit × 100, in hundredths
  bool over_limit = false;
  bool past_due_hold = false;
  bool manual_hold = false;
  bool overridden = false;               ///< automatic reasons present but released through a day
  bool on_hold = false;
  bool review_due = false;
  std::vector<std::string> reasons;
};

/// Fills the results of `line` as of `as_of`.
void assess_credit(CreditLine& line, const ManualHold& manual, const CreditPolicy& policy, core::Date as_of);

}  // namespace otc::engine
