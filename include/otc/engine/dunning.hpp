#pragma once
// Dunning levels and escalation rules (docs/collections.md). Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"

namespace otc::engine {

/// One level of the policy: reached when the oldest undisputed past-due invoice is at least
/// `days` past due.
struct DunningLevel {
  int level = 0;
  int days = 1;
  std::string template_name;   ///< as written in the policy (a file beside it)
  std::string channel = "email";
};

/// The level a customer has reached: the highest level whose days the oldest undisputed past-due
/// invoice has reached (levels in any order); 0 when none.
int level_for(const std::vector<DunningLevel>& levels, int oldest_days_past_due);
const DunningLevel* find_level(const std::vector<DunningLevel>& levels, int level);

/// A notice sent before, as the rule needs it.
struct SentNotice {
  int level = 0;
  std::vector<std::int64_t> invoice_ids;
};

/// The level already reached in the current dunning cycle: the highest level of the notices
/// that listed an invoice still past due (undisputed) today. When every invoice a notice listed
/// has been paid, credited or disputed, the cycle starts again.
int level_reached(const std::vector<SentNotice>& sent, const std::vector<std::int64_t>& past_due_invoice_ids);

enum class DunningAction { kSend, kSkipDisputed, kSkipPromise, kSkipNoAddress, kNothingNew, kSkipLaterNotice };

/// "send", "disputed", "promise", "no address", "already sent", "later notice".
std::string_view to_string(DunningAction a);

struct DunningFacts {
  std::int64_t undisputed_past_due = 0;
  std::int64_t disputed_past_due = 0;
  bool promise_due = false;       ///< a promise not yet kept or broken
  bool has_address = false;
  int target_level = 0;           ///< level_for(...)
  int reached_level = 0;          ///< level_reached(...)
  /// A notice to this customer in this currency is dated after the run's date: a run for an
  /// earlier date must not send out of order (it would repeat or undercut what was sent).
  bool later_notice = false;
};

/// What dunning does for one customer and currency. Order of the checks: all past due disputed;
/// nothing new to send (the level did not go up); a promise still due; no e-mail address.
DunningAction decide_dunning(const DunningFacts& f);

/// An escalation rule: a customer whose oldest undisputed past-due invoice is at least `min_days`
/// past due and whose undisputed past-due amount is at least `min_amount` (in the currency's
/// major unit, as written) goes to `owner`.
struct EscalationRule {
  std::string name;
  int min_days = 0;
  std::string min_amount = "0";   ///< decimal text, parsed in each currency's exponent
  std::string owner;
};

/// Whether `rule` applies; `min_amount_minor` is rule.min_amount in the currency's minor units.
bool escalates(const EscalationRule& rule, std::int64_t min_amount_minor, int oldest_days_past_due,
               std::int64_t undisputed_past_due);

}  // namespace otc::engine
