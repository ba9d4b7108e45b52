#include "otc/engine/credit.hpp"

namespace otc::engine {

ManualHold manual_hold_at(const std::vector<store::CreditHoldEvent>& events, core::Date as_of) {
  ManualHold m;
  for (const auto& e : events) {
    if (e.effective_on > as_of) break;
    if (e.action == "hold") {
      m.held = true;
      m.reason = e.reason;
      m.since = e.effective_on;
      m.override_until.reset();
      m.release_reason.clear();
    } else {
      m.held = false;
      m.reason.clear();
      m.since.reset();
      m.override_until = e.until;
      m.release_reason = e.reason;
    }
  }
  if (m.override_until && *m.override_until < as_of) m.override_until.reset();
  return m;
}

void assess_credit(CreditLine& l, const ManualHold& manual, const CreditPolicy& policy, core::Date as_of) {
  const int exp = l.currency.exponent;
  auto money = [&](std::int64_t v) { return core::format_amount(v, exp) + " " + std::string(l.currency.view()); };
  l.exposure = core::checked_sub(core::checked_add(core::checked_add(l.open_ar, l.billable_unbilled), l.billable_unbilled_tax),
                                 l.unapplied);
  l.reasons.clear();
  std::vector<std::string> automatic;
  if (l.limit) {
    l.available = core::checked_sub(*l.limit, l.exposure);
    if (*l.limit > 0)
      l.utilisation_x100 = core::divide_rounded(static_cast<__int128>(l.exposure) * 10000, *l.limit, core::Rounding::kHalfUp);
    l.over_limit = l.exposure > *l.limit;
    if (l.over_limit) automatic.push_back("over limit: exposure " + money(l.exposure) + " > limit " + money(*l.limit));
  }
  l.past_due_hold = policy.hold_days_past_due && l.max_days_past_due > *policy.hold_days_past_due;
  if (l.past_due_hold)
    automatic.push_back("past due " + std::to_string(l.max_days_past_due) + " days (" + money(l.past_due) +
                        "), policy holds beyond " + std::to_string(*policy.hold_days_past_due));
  l.manual_hold = manual.held;
  l.overridden = !automatic.empty() && manual.override_until.has_value();
  if (l.manual_hold) l.reasons.push_back("manual hold since " + manual.since->iso() + ": " + manual.reason);
  for (auto& r : automatic) l.reasons.push_back(l.overridden ? "released through " + manual.override_until->iso() + " (" +
                                                                   manual.release_reason + "): " + r
                                                             : r);
  l.on_hold = l.manual_hold || (!automatic.empty() && !l.overridden);
  l.review_due = l.review_by && *l.review_by <= as_of;
  if (l.review_due) l.reasons.push_back("credit review due " + l.review_by->iso());
}

}  // namespace otc::engine
