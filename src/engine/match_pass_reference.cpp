// Pass 1 (rules "reference", "reference-fuzzy"): one referenced invoice whose amount agrees,
// the strongest reference first; else a tolerated short-pay against the only referenced invoice;
// else exactly one typo variant of a reference whose amount agrees.

#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void Matcher::pass_reference(std::uint32_t r) {
  const Evidence& e = ev_[r];
  const std::int64_t amount = tx(r).amount_minor;
  // Exact references first.
  const Hit* best = nullptr;
  int best_rank = 1000;
  int ties = 0;
  int exact_strong = 0;  // non-bare exact hits still open
  for (const Hit& h : e.hit_span()) {
    if (h.flags & kFuzzy) continue;
    if (h.context != RefContext::kBare && usable(r, h.invoice)) ++exact_strong;
    if (!usable(r, h.invoice) || remaining_[h.invoice] != amount) continue;
    int rank = context_rank(h);
    if (payer_confirms(r, h.invoice)) rank -= 1;  // the payer breaks a tie
    if (rank < best_rank) {
      best = &h;
      best_rank = rank;
      ties = 0;
    } else if (rank == best_rank) {
      ++ties;
    }
  }
  if (best != nullptr) {
    if (ties > 0) {
      note(r, Why::kAmbiguousRef);
      return;
    }
    // A round amount: the reference may be a typo that landed on another invoice of the same
    // price. Apply only for a payer who does not say otherwise and with no typo variant competing.
    if (common_amount(r) && !payer_confirms(r, best->invoice)) {
      bool variant_agrees = false;
      for (const Hit& h : e.hit_span())
        variant_agrees = variant_agrees || ((h.flags & kFuzzy) && usable(r, h.invoice) && remaining_[h.invoice] == amount);
      if (!payer_consistent(r, best->invoice) || variant_agrees) {
        note(r, Why::kAmbiguousRef);
        return;
      }
    }
    int conf = 99;
    if (best->context == RefContext::kInvoiceWord) conf = (best->flags & kFullForm) ? 98 : 97;
    if (best->context == RefContext::kBare) conf = 95;
    if (best->flags & kLastRun) conf -= 4;
    if (payer_contradicts(r, best->invoice)) conf -= 10;
    if (confident(r, conf)) apply(r, best->invoice, amount, MatchRule::kReference, conf);
    return;
  }
  // A tolerated short-pay against the only referenced invoice.
  if (exact_strong == 1) {
    for (const Hit& h : e.hit_span()) {
      if ((h.flags & kFuzzy) || h.context == RefContext::kBare || !usable(r, h.invoice)) continue;
      if (!within_tolerance(remaining_[h.invoice], amount, options_.tolerance, tx(r).currency.exponent)) break;
      // A short payment on a reference alone is no evidence: the payer must be the invoice's
      // customer (a stranger's or an unknown payer's near-amount goes to the queue).
      if (!payer_confirms(r, h.invoice)) break;
      int conf = h.context == RefContext::kStructured ? 94 : 92;
      if (payer_contradicts(r, h.invoice)) conf -= 10;
      if (confident(r, conf))
        apply(r, h.invoice, amount, MatchRule::kReference, conf, remaining_[h.invoice] - amount);
      return;
    }
  }
  // A typo: exactly one variant whose amount agrees, and the payer does not point elsewhere.
  // Round amounts repeat across customers: among several variants that agree, the one the
  // identified payer owns wins; otherwise several are ambiguous.
  const Hit* fuzzy = nullptr;
  const Hit* confirmed = nullptr;
  int count = 0;
  int confirmed_count = 0;
  for (const Hit& h : e.hit_span()) {
    if (!(h.flags & kFuzzy) || !usable(r, h.invoice) || remaining_[h.invoice] != amount) continue;
    ++count;  // hits are distinct invoices
    fuzzy = &h;
    if (payer_confirms(r, h.invoice)) {
      ++confirmed_count;
      confirmed = &h;
    }
  }
  if (confirmed_count == 1) {
    fuzzy = confirmed;
  } else if (count > 1) {
    note(r, Why::kAmbiguousRef);
    return;
  }
  if (fuzzy != nullptr && payer_consistent(r, fuzzy->invoice)) {
    const int conf = payer_confirms(r, fuzzy->invoice) ? 90 : 82;
    if (confident(r, conf)) apply(r, fuzzy->invoice, amount, MatchRule::kReferenceFuzzy, conf);
    return;
  }
  if (e.hit_count > 0) note(r, Why::kRefAmount);
}

}  // namespace otc::engine::matching_detail
