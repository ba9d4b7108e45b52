// Pass 2b (rule "combination"): an exact-sum combination of the payer's open invoices, with the
// referenced ones as anchors. Bounded: max_combination_candidates, max_combination_size,
// max_unreferenced_combination_size, combination_node_budget (MatchOptions). The search itself
// is find_exact_sum (match_exact_sum.cpp).

#include <array>

#include "otc/engine/match_exact_sum.hpp"
#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void Matcher::pass_combination(std::uint32_t r) {
  const Evidence& e = ev_[r];
  const std::int64_t amount = tx(r).amount_minor;
  // Whose invoices: the identified payer, else (nothing said about the payer) the one customer
  // all references point to.
  std::uint32_t customer = e.customer;
  bool from_refs = false;
  if (customer == kNone && !e.payer_given) {
    for (const Hit& h : e.hit_span()) {
      if ((h.flags & kFuzzy) || h.context == RefContext::kBare) continue;
      const std::uint32_t c = customer_of(h.invoice);
      if (customer == kNone) customer = c;
      else if (c != customer) return;
    }
    from_refs = customer != kNone;
  }
  if (customer == kNone) return;
  // Referenced invoices of this customer (bare numbers too) must be part of the combination.
  std::array<std::uint32_t, Evidence::kMaxHits> anchors{};
  int nanch = 0;
  std::int64_t anchored = 0;
  for (const Hit& h : e.hit_span()) {
    if ((h.flags & kFuzzy) || !usable(r, h.invoice)) continue;
    if (customer_of(h.invoice) != customer) continue;
    bool dup = false;
    for (int i = 0; i < nanch; ++i) dup = dup || anchors[i] == h.invoice;
    if (dup) continue;
    anchors[nanch++] = h.invoice;
    anchored += remaining_[h.invoice];
  }
  if (anchored >= amount) return;
  // Without anchors, only a payer known by account or exact name; from references alone, at
  // least two of them.
  const bool strong_payer = e.payer == PayerMatch::kAccount || e.payer == PayerMatch::kName;
  const bool common = common_amount(r);
  if (nanch == 0 && !strong_payer && !(e.payer == PayerMatch::kFuzzyName && !common)) return;
  if (nanch == 0 && references_elsewhere(r, customer)) return;  // the remittance names someone else's invoice
  if (from_refs && nanch < 2) return;
  const int room = nanch > 0 ? options_.max_combination_size - nanch : options_.max_unreferenced_combination_size;
  if (room <= 0) return;

  cand_.clear();
  for (std::uint32_t i : books_.invoices_of(customer)) {
    if (!usable(r, i) || remaining_[i] > amount - anchored) continue;
    bool is_anchor = false;
    for (int a = 0; a < nanch; ++a) is_anchor = is_anchor || anchors[a] == i;
    if (!is_anchor) cand_.push_back(i);
  }
  if (cand_.empty()) {
    state_[r].combination_searched = true;
    return;
  }
  // One invoice of exactly the amount outweighs a coincidental combination, unless the amount
  // is a common (round) one, where combinations are no coincidence: then both compete.
  if (nanch == 0 && !common) {
    int singles = 0;
    for (std::uint32_t i : cand_) singles += remaining_[i] == amount ? 1 : 0;
    if (singles == 1) return;
  }
  if (static_cast<int>(cand_.size()) > options_.max_combination_candidates) {
    note(r, Why::kCombinationBound);
    return;
  }
  amounts_.clear();
  for (std::uint32_t i : cand_) amounts_.push_back(remaining_[i]);
  // Single invoices count as solutions too: a lone invoice of the whole amount is pass 3's,
  // and a combination that competes with one is ambiguous.
  CombinationBounds bounds;
  bounds.min_size = 1;
  bounds.max_size = room;
  bounds.node_budget = options_.combination_node_budget;
  const CombinationResult found = find_exact_sum(amounts_, amount - anchored, bounds);
  if (found.budget_exhausted) {
    note(r, Why::kCombinationBound);
    return;
  }
  state_[r].combination_searched = true;
  if (found.solutions >= 2) {
    state_[r].combination_competes = true;
    note(r, Why::kAmbiguousCombination);
    return;
  }
  if (found.solutions == 0) return;
  if (nanch + static_cast<int>(found.picks.size()) < 2) return;  // one invoice: pass 3 decides
  // Next to referenced invoices, an unreferenced one joins only when it resembles one of the
  // references (a badly mistyped number); otherwise the rest is an overpayment (pass 4).
  if (nanch > 0)
    for (std::uint32_t p : found.picks)
      if (!reference_resembles(r, cand_[p])) return;
  int conf = 85;
  if (e.payer == PayerMatch::kFuzzyName || from_refs) conf = 80;
  if (nanch > 0) conf += 3;
  if (!confident(r, conf)) return;
  for (int a = 0; a < nanch; ++a) apply(r, anchors[a], remaining_[anchors[a]], MatchRule::kCombination, conf);
  for (std::uint32_t p : found.picks) apply(r, cand_[p], remaining_[cand_[p]], MatchRule::kCombination, conf);
}

}  // namespace otc::engine::matching_detail
