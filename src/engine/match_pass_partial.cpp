// Pass 4 (rules "partial", "short-pay", "overpayment"): a referenced invoice paid in part,
// short by a tolerated amount, or paid in full with the rest on the customer's account; and,
// with no usable reference, a tolerated short-pay of one of a known payer's few open invoices.

#include <array>

#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void Matcher::pass_partial(std::uint32_t r) {
  const Evidence& e = ev_[r];
  const std::int64_t amount = tx(r).amount_minor;
  std::array<std::uint32_t, Evidence::kMaxHits> strong{};
  int ns = 0;
  for (const Hit& h : e.hit_span()) {
    if ((h.flags & kFuzzy) || (h.flags & kLastRun)) continue;
    // A bare number counts when it names an invoice of the identified payer.
    if (h.context == RefContext::kBare && !payer_confirms(r, h.invoice)) continue;
    bool dup = false;
    for (int i = 0; i < ns; ++i) dup = dup || strong[i] == h.invoice;
    if (dup) continue;
    strong[ns++] = h.invoice;
  }
  if (ns == 1) {
    const std::uint32_t inv = strong[0];
    // Paid more or less than the invoice: applied only when the payer is the invoice's customer.
    // On a reference alone (payer unknown or someone else) it waits in the queue with the invoice
    // as a suggestion: a wrong partial application hides a past-due invoice.
    const bool confirmed = payer_confirms(r, inv);
    if (!usable(r, inv)) {
      note(r, remaining_[inv] <= 0 ? Why::kPaid : Why::kCurrency);
    } else if (confirmed) {
      const std::int64_t open = remaining_[inv];
      const int conf = 85;
      if (amount > open) {
        if (!confident(r, conf)) return;
        OnAccount oa{r, books_.invoices[inv].customer_id, amount - open, MatchRule::kOverpayment, conf};
        apply(r, inv, open, MatchRule::kOverpayment, conf);
        out_.on_account.push_back(oa);
        return;
      }
      if (amount < open) {
        if (within_tolerance(open, amount, options_.tolerance, tx(r).currency.exponent)) {
          if (confident(r, conf)) apply(r, inv, amount, MatchRule::kShortPay, conf, open - amount);
        } else if (confident(r, conf)) {
          apply(r, inv, amount, MatchRule::kPartial, conf);
        }
        return;
      }
    } else {
      note(r, Why::kRefAmount);
    }
  } else if (ns >= 2) {
    // Several references of one customer, the payer confirmed, paid more than their sum.
    std::int64_t sum = 0;
    bool all_open = true;
    const std::uint32_t owner = customer_of(strong[0]);
    bool same = true;
    for (int i = 0; i < ns; ++i) {
      all_open = all_open && usable(r, strong[i]);
      same = same && customer_of(strong[i]) == owner;
      sum += remaining_[strong[i]];
    }
    if (all_open && same && owner != kNone && e.customer == owner && amount > sum) {
      const int conf = 80;
      if (!confident(r, conf)) return;
      for (int i = 0; i < ns; ++i) apply(r, strong[i], remaining_[strong[i]], MatchRule::kOverpayment, conf);
      out_.on_account.push_back(
          OnAccount{r, books_.invoices[strong[0]].customer_id, amount - sum, MatchRule::kOverpayment, conf});
      return;
    }
    note(r, Why::kRefAmount);
  }
  // No usable reference: a short-pay of exactly one of the identified payer's invoices, when
  // no invoice of the payer has the exact amount and no combination adds up to it.
  // Guesswork unless the payer is known for sure and has few open invoices, none of which (nor
  // any combination) pays exactly.
  const bool strong_payer = e.payer == PayerMatch::kAccount || e.payer == PayerMatch::kName;
  if (strong_payer && ns == 0 && state_[r].combination_searched && !state_[r].combination_competes) {
    cand_.clear();
    int open_count = 0;
    for (std::uint32_t i : books_.invoices_of(e.customer)) {
      if (!usable(r, i)) continue;
      if (remaining_[i] == amount || ++open_count > kShortPayOpenInvoices) return;
      if (within_tolerance(remaining_[i], amount, options_.tolerance, tx(r).currency.exponent)) cand_.push_back(i);
    }
    if (cand_.empty()) return;
    const std::uint32_t pick = cand_.size() == 1 ? cand_[0] : single_resembling(r, cand_);
    if (pick == kNone) {
      note(r, Why::kAmbiguousAmount);
      return;
    }
    if (strong_ref_elsewhere(r, e.customer, pick)) {
      note(r, Why::kRefAmount);
      return;
    }
    const int conf = 75;
    if (confident(r, conf)) apply(r, pick, amount, MatchRule::kShortPay, conf, remaining_[pick] - amount);
  }
}

}  // namespace otc::engine::matching_detail
