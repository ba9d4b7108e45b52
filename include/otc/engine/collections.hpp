#pragma once
// The collector's work list (docs/collections.md): the undisputed past-due AR of a customer in
// one currency, its priority score with the reasons, and the list's order. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::engine {

/// An open invoice at the as-of date with what of it is under an open dispute.
struct CollectionItem {
  std::int64_t invoice_id = 0;
  std::string invoice;
  core::Date invoice_date;
  core::Date due_date;
  std::int64_t open_minor = 0;
  std::int64_t disputed_minor = 0;   ///< open disputes on it, at most open_minor
};

/// The disputed part of an invoice's balance: the open disputes' sum, at most the balance.
std::int64_t disputed_part(std::int64_t open_minor, std::int64_t open_disputes_minor);

/// An invoice is past due on the day after its due date.
inline int days_past_due(core::Date due, core::Date as_of) { return as_of.days_since(due); }

struct PastDue {
  std::int64_t undisputed = 0;       ///< past-due balances less their disputed parts
  std::int64_t disputed = 0;         ///< disputed parts of past-due invoices
  std::int64_t open_disputed = 0;    ///< disputed parts of all open invoices
  std::int64_t open_total = 0;
  int oldest_days = 0;               ///< of the oldest invoice with an undisputed past-due part; 0 when none
  std::vector<std::int64_t> invoice_ids;  ///< invoices with an undisputed past-due part
};

PastDue past_due_of(const std::vector<CollectionItem>& items, core::Date as_of);

/// What the score is computed from.
struct ScoreInput {
  std::int64_t past_due_minor = 0;
  int exponent = 2;
  int oldest_days = 0;
  bool promise_broken = false;
  std::optional<core::Date> broken_promise_date;
  std::optional<core::Date> last_contact;
  bool escalated = false;
  core::Date as_of;
};

struct Score {
  int points = 0;
  std::vector<std::string> reasons;   ///< "oldest 45 days past due (+45)", ...
};

/// The priority score:
///   age      1 point per day the oldest undisputed past-due invoice is past due, at most 120;
///   amount   1 point per full 1,000 (major units) of undisputed past due, at most 100;
///   promise  +50 when the latest promise is broken;
///   contact  +10 when there is no contact in the 30 days up to the as-of date (or none ever);
///   escalated +20 when an escalation rule applies.
Score priority_score(const ScoreInput& in);

/// A work-list row, as sorted.
struct WorkKey {
  int score = 0;
  std::int64_t past_due_minor = 0;
  int oldest_days = 0;
  std::string customer;
  std::string currency;
};

/// The list's order: score descending, then past-due amount, oldest days (descending), customer
/// id and currency (ascending).
bool work_order(const WorkKey& a, const WorkKey& b);

}  // namespace otc::engine
