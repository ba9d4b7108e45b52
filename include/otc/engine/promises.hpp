#pragma once
// Promises to pay (docs/collections.md, "Promises"). Pure: the promises of one customer and
// currency, the cash applied to it, an as-of date → each promise kept, broken or still due.
//
// A promise is kept when the cash applied to the customer (or to the invoices it names) from the
// day it was made through its date reaches its amount; it is broken the day after its date
// otherwise. Installments of a plan are taken in date order: each counts the cash applied from
// the day after the previous installment's date (the first: from the day the plan was made)
// through its own date, plus what earlier installments did not use (a prepayment counts, and so
// does a late payment of a missed installment — toward the next one).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"

namespace otc::engine {

enum class PromiseStatus { kDue, kKept, kBroken };

/// "due", "kept", "broken".
std::string_view to_string(PromiseStatus s);
/// Parses a --status word ("due", "open" = due, "kept", "broken"); nullopt otherwise.
std::optional<PromiseStatus> parse_promise_status(std::string_view text);

struct PromiseTerms {
  std::int64_t id = 0;
  core::Date made_on;
  core::Date due_date;
  std::int64_t amount_minor = 0;
};

/// Cash applied on a date (negative for an unapply), already filtered to what the promise covers.
struct CashEvent {
  core::Date date;
  std::int64_t amount_minor = 0;
};

struct PromiseOutcome {
  std::int64_t id = 0;
  PromiseStatus status = PromiseStatus::kDue;
  std::int64_t paid_minor = 0;                 ///< cash counted toward it (at most its amount)
  std::optional<core::Date> kept_on;           ///< the day the cash reached the amount
};

/// One promise, or the installments of one plan (`terms` in due-date order; all share the cash).
std::vector<PromiseOutcome> evaluate_promises(const std::vector<PromiseTerms>& terms, const std::vector<CashEvent>& cash,
                                              core::Date as_of);

}  // namespace otc::engine
