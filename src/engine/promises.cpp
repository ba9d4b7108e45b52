#include "otc/engine/promises.hpp"

#include <algorithm>

namespace otc::engine {

std::string_view to_string(PromiseStatus s) {
  switch (s) {
    case PromiseStatus::kDue: return "due";
    case PromiseStatus::kKept: return "kept";
    case PromiseStatus::kBroken: return "broken";
  }
  return "due";
}

std::optional<PromiseStatus> parse_promise_status(std::string_view t) {
  if (t == "due" || t == "open") return PromiseStatus::kDue;
  if (t == "kept") return PromiseStatus::kKept;
  if (t == "broken") return PromiseStatus::kBroken;
  return std::nullopt;
}

std::vector<PromiseOutcome> evaluate_promises(const std::vector<PromiseTerms>& terms, const std::vector<CashEvent>& cash,
                                              core::Date as_of) {
  std::vector<CashEvent> events = cash;
  std::stable_sort(events.begin(), events.end(), [](const CashEvent& a, const CashEvent& b) { return a.date < b.date; });
  std::vector<PromiseOutcome> out;
  std::int64_t carried = 0;  // cash counted in earlier windows and not used by their installments
  std::optional<core::Date> window_start;
  for (const auto& t : terms) {
    PromiseOutcome o;
    o.id = t.id;
    core::Date from = window_start ? *window_start : t.made_on;
    core::Date through = std::min(t.due_date, as_of);
    std::int64_t pool = carried;
    if (pool >= t.amount_minor) o.kept_on = from;
    for (const auto& e : events) {
      if (e.date < from || e.date > through) continue;
      pool += e.amount_minor;
      if (!o.kept_on && pool >= t.amount_minor) o.kept_on = e.date;
    }
    // An unapply later in the window can take a payment back: kept only if it still holds at the end.
    if (pool >= t.amount_minor) {
      o.status = PromiseStatus::kKept;
      o.paid_minor = t.amount_minor;
      carried = pool - t.amount_minor;
    } else {
      o.kept_on.reset();
      o.paid_minor = std::max<std::int64_t>(pool, 0);
      o.status = as_of > t.due_date ? PromiseStatus::kBroken : PromiseStatus::kDue;
      carried = std::max<std::int64_t>(pool, 0);
    }
    window_start = t.due_date.add_days(1);
    out.push_back(o);
  }
  return out;
}

}  // namespace otc::engine
