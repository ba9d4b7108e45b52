// Pass 2a (rule "reference-list"): several referenced invoices that add up to the amount: all of
// them, else one subset (one reference noise or a typo), else all of them short by a tolerated
// amount (the deduction on the largest).

#include <array>

#include "otc/engine/match_exact_sum.hpp"
#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void Matcher::pass_reference_list(std::uint32_t r) {
  const Evidence& e = ev_[r];
  const std::int64_t amount = tx(r).amount_minor;
  std::array<std::uint32_t, Evidence::kMaxHits> strong{};
  std::array<std::uint32_t, Evidence::kMaxHits> all{};
  int ns = 0;
  int na = 0;
  for (const Hit& h : e.hit_span()) {
    if (!usable(r, h.invoice)) continue;
    all[na++] = h.invoice;
    if (!(h.flags & kFuzzy) && h.context != RefContext::kBare) strong[ns++] = h.invoice;
  }
  if (na < 2) return;
  std::int64_t strong_sum = 0;
  for (int i = 0; i < ns; ++i) strong_sum += remaining_[strong[i]];
  bool one_customer = ns >= 2;
  for (int i = 1; i < ns; ++i) one_customer = one_customer && customer_of(strong[i]) == customer_of(strong[0]);
  if (one_customer && strong_sum == amount) {
    const int conf = 97;
    if (!confident(r, conf)) return;
    for (int i = 0; i < ns; ++i) apply(r, strong[i], remaining_[strong[i]], MatchRule::kReferenceList, conf);
    return;
  }
  // A subset of the references (one of them noise, or a typo) that adds up exactly.
  std::array<std::int64_t, Evidence::kMaxHits> amounts{};
  for (int i = 0; i < na; ++i) amounts[i] = remaining_[all[i]];
  CombinationBounds bounds;
  bounds.min_size = 2;
  bounds.max_size = na;
  bounds.node_budget = 20000;
  const CombinationResult found = find_exact_sum(std::span<const std::int64_t>(amounts.data(), na), amount, bounds);
  if (found.solutions == 1 && !found.budget_exhausted) {
    bool fuzzy_used = false;
    std::uint32_t owner = kNone;
    bool same_owner = true;
    for (std::uint32_t p : found.picks) {
      for (const Hit& h : e.hit_span())
        if (h.invoice == all[p] && (h.flags & kFuzzy)) fuzzy_used = true;
      const std::uint32_t c = customer_of(all[p]);
      if (owner == kNone) owner = c;
      else if (c != owner) same_owner = false;
    }
    // Picks across customers, or typo-found picks the payer does not back: not on references alone.
    if (!same_owner) return;
    if (fuzzy_used && ((e.customer != kNone && e.customer != owner) || (e.customer == kNone && e.payer_given && ns == 0)))
      return;
    const int conf = fuzzy_used ? 88 : 92;
    if (!confident(r, conf)) return;
    for (std::uint32_t p : found.picks) apply(r, all[p], remaining_[all[p]], MatchRule::kReferenceList, conf);
    return;
  }
  if (found.solutions >= 2) {
    note(r, Why::kAmbiguousRef);
    return;
  }
  // All references of one customer paid, short by a tolerated amount, and the payer is that
  // customer (a short payment is never applied on references alone): the deduction goes on the largest.
  if (one_customer && payer_confirms(r, strong[0]) && strong_sum > amount) {
    const std::int64_t shortfall = strong_sum - amount;
    if (within_tolerance(strong_sum, amount, options_.tolerance, tx(r).currency.exponent)) {
      const int conf = 90;
      if (!confident(r, conf)) return;
      int largest = 0;
      for (int i = 1; i < ns; ++i)
        if (remaining_[strong[i]] > remaining_[strong[largest]]) largest = i;
      for (int i = 0; i < ns; ++i) {
        const std::int64_t open = remaining_[strong[i]];
        if (i == largest) apply(r, strong[i], open - shortfall, MatchRule::kReferenceList, conf, shortfall);
        else apply(r, strong[i], open, MatchRule::kReferenceList, conf);
      }
    }
  }
}

}  // namespace otc::engine::matching_detail
