// Pass 3 (rule "customer-amount"): the payer identified (or several equally likely), and one
// open invoice of theirs of exactly the amount.

#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void Matcher::pass_customer_amount(std::uint32_t r) {
  const Evidence& e = ev_[r];
  const std::int64_t amount = tx(r).amount_minor;
  if (e.customer != kNone) {
    cand_.clear();
    for (std::uint32_t i : books_.invoices_of(e.customer))
      if (usable(r, i) && remaining_[i] == amount) cand_.push_back(i);
    if (cand_.empty()) {
      note(r, Why::kPayerNoMatch);
      return;
    }
    // A name that only resembles the customer's is not enough for an amount that many open
    // invoices share (round prices): a stranger with a similar name pays those too.
    if (e.payer == PayerMatch::kFuzzyName && common_amount(r)) {
      note(r, Why::kAmbiguousAmount);
      return;
    }
    std::uint32_t pick = cand_.size() == 1 ? cand_[0] : single_resembling(r, cand_);
    int conf = 0;
    switch (e.payer) {
      case PayerMatch::kAccount: conf = 92; break;
      case PayerMatch::kName: conf = 90; break;
      default: conf = 82; break;
    }
    if (cand_.size() > 1) conf -= 5;
    if (pick == kNone) {
      note(r, Why::kAmbiguousAmount);
      return;
    }
    if (state_[r].combination_competes) {
      note(r, Why::kAmbiguousCombination);
      return;
    }
    if (strong_ref_elsewhere(r, e.customer, pick)) {
      note(r, Why::kRefAmount);
      return;
    }
    if (referenced_agreeing_elsewhere(r, pick) || (common_amount(r) && references_elsewhere(r, e.customer))) {
      note(r, Why::kAmbiguousRef);
      return;
    }
    if (confident(r, conf)) apply(r, pick, amount, MatchRule::kCustomerAmount, conf);
    return;
  }
  if (e.payer == PayerMatch::kAmbiguous) {
    // Several customers fit the name equally: one open invoice of that amount among them all.
    cand_.clear();
    for (int n = 0; n < e.name_count; ++n) {
      if (e.name_scores[n] < options_.name_threshold || e.name_scores[0] - e.name_scores[n] >= options_.name_margin)
        continue;
      for (std::uint32_t i : books_.invoices_of(e.names[n]))
        if (usable(r, i) && remaining_[i] == amount) cand_.push_back(i);
    }
    if (cand_.size() == 1) {
      if (confident(r, 75)) apply(r, cand_[0], amount, MatchRule::kCustomerAmount, 75);
      return;
    }
    note(r, cand_.empty() ? Why::kAmbiguousPayer : Why::kAmbiguousAmount);
  }
}

}  // namespace otc::engine::matching_detail
