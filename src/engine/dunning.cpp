#include "otc/engine/dunning.hpp"

#include <algorithm>

namespace otc::engine {

int level_for(const std::vector<DunningLevel>& levels, int oldest) {
  int best = 0;
  for (const auto& l : levels)
    if (oldest >= l.days && l.level > best) best = l.level;
  return best;
}

const DunningLevel* find_level(const std::vector<DunningLevel>& levels, int level) {
  for (const auto& l : levels)
    if (l.level == level) return &l;
  return nullptr;
}

int level_reached(const std::vector<SentNotice>& sent, const std::vector<std::int64_t>& past_due) {
  int best = 0;
  for (const auto& n : sent) {
    bool live = std::any_of(n.invoice_ids.begin(), n.invoice_ids.end(), [&](std::int64_t id) {
      return std::find(past_due.begin(), past_due.end(), id) != past_due.end();
    });
    if (live) best = std::max(best, n.level);
  }
  return best;
}

std::string_view to_string(DunningAction a) {
  switch (a) {
    case DunningAction::kSend: return "send";
    case DunningAction::kSkipDisputed: return "disputed";
    case DunningAction::kSkipPromise: return "promise";
    case DunningAction::kSkipNoAddress: return "no address";
    case DunningAction::kNothingNew: return "already sent";
    case DunningAction::kSkipLaterNotice: return "later notice";
  }
  return "";
}

DunningAction decide_dunning(const DunningFacts& f) {
  if (f.undisputed_past_due <= 0) return DunningAction::kSkipDisputed;
  if (f.target_level <= f.reached_level) return DunningAction::kNothingNew;
  if (f.later_notice) return DunningAction::kSkipLaterNotice;
  if (f.promise_due) return DunningAction::kSkipPromise;
  if (!f.has_address) return DunningAction::kSkipNoAddress;
  return DunningAction::kSend;
}

bool escalates(const EscalationRule& rule, std::int64_t min_amount_minor, int oldest, std::int64_t past_due) {
  return past_due > 0 && oldest >= rule.min_days && past_due >= min_amount_minor;
}

}  // namespace otc::engine
