#include "otc/engine/collections.hpp"

#include <algorithm>
#include <tuple>

namespace otc::engine {

std::int64_t disputed_part(std::int64_t open_minor, std::int64_t open_disputes_minor) {
  if (open_minor <= 0 || open_disputes_minor <= 0) return 0;
  return std::min(open_minor, open_disputes_minor);
}

PastDue past_due_of(const std::vector<CollectionItem>& items, core::Date as_of) {
  PastDue p;
  for (const auto& it : items) {
    std::int64_t disputed = disputed_part(it.open_minor, it.disputed_minor);
    p.open_total = core::checked_add(p.open_total, it.open_minor);
    p.open_disputed = core::checked_add(p.open_disputed, disputed);
    int days = days_past_due(it.due_date, as_of);
    if (days <= 0 || it.open_minor <= 0) continue;
    std::int64_t undisputed = it.open_minor - disputed;
    p.disputed = core::checked_add(p.disputed, disputed);
    if (undisputed <= 0) continue;
    p.undisputed = core::checked_add(p.undisputed, undisputed);
    p.oldest_days = std::max(p.oldest_days, days);
    p.invoice_ids.push_back(it.invoice_id);
  }
  return p;
}

Score priority_score(const ScoreInput& in) {
  Score s;
  const std::string amount = core::format_amount(in.past_due_minor, in.exponent);
  int age = std::min(in.oldest_days, 120);
  s.points += age;
  s.reasons.push_back("oldest " + std::to_string(in.oldest_days) + " days past due (+" + std::to_string(age) + ")");
  std::int64_t unit = 1;
  for (int i = 0; i < in.exponent; ++i) unit *= 10;
  std::int64_t thousands = in.past_due_minor / (1000 * unit);
  int amount_points = static_cast<int>(std::min<std::int64_t>(thousands, 100));
  s.points += amount_points;
  s.reasons.push_back(amount + " past due (+" + std::to_string(amount_points) + ")");
  if (in.promise_broken) {
    s.points += 50;
    s.reasons.push_back("promise" + (in.broken_promise_date ? " of " + in.broken_promise_date->iso() : std::string()) +
                        " broken (+50)");
  }
  if (!in.last_contact) {
    s.points += 10;
    s.reasons.push_back("never contacted (+10)");
  } else if (in.as_of.days_since(*in.last_contact) >= 30) {
    s.points += 10;
    s.reasons.push_back("no contact since " + in.last_contact->iso() + " (+10)");
  }
  if (in.escalated) {
    s.points += 20;
    s.reasons.push_back("escalated (+20)");
  }
  return s;
}

bool work_order(const WorkKey& a, const WorkKey& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.past_due_minor != b.past_due_minor) return a.past_due_minor > b.past_due_minor;
  if (a.oldest_days != b.oldest_days) return a.oldest_days > b.oldest_days;
  return std::tie(a.customer, a.currency) < std::tie(b.customer, b.currency);
}

}  // namespace otc::engine
