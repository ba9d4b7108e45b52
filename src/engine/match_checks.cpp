// What several passes share: the short-pay tolerance, applying cash against the running open
// balances, the confidence threshold, the ranking of references and of reasons for the queue,
// and the checks that a reference or payer points elsewhere.
#include <algorithm>
#include <cstdint>

#include "matching_internal.hpp"

namespace otc::engine {

std::int64_t Tolerance::absolute_limit(int exponent) const {
  std::int64_t v = absolute_minor;
  for (int e = absolute_exponent; e > exponent; --e) v /= 10;
  for (int e = absolute_exponent; e < exponent; ++e) v = v > INT64_MAX / 10 ? INT64_MAX : v * 10;
  return v;
}

bool within_tolerance(std::int64_t open, std::int64_t paid, const Tolerance& tolerance, int exponent) {
  if (paid <= 0 || paid >= open) return false;
  const std::int64_t shortfall = open - paid;
  const bool has_abs = tolerance.absolute_minor > 0;
  const bool has_bps = tolerance.basis_points > 0;
  if (!has_abs && !has_bps) return false;
  if (has_abs && shortfall > tolerance.absolute_limit(exponent)) return false;
  if (has_bps) {
    // shortfall <= open * bps / 10000, compared without rounding.
    const __int128 lhs = static_cast<__int128>(shortfall) * 10000;
    const __int128 rhs = static_cast<__int128>(open) * tolerance.basis_points;
    if (lhs > rhs) return false;
  }
  return true;
}

}  // namespace otc::engine

namespace otc::engine::matching_detail {

int Matcher::priority(Why why) {
  switch (why) {
    case Why::kNothing: return 0;
    case Why::kPayerNoMatch: return 1;
    case Why::kRefAmount: return 2;
    case Why::kCurrency: return 3;
    case Why::kPaid: return 4;
    case Why::kCombinationBound: return 5;
    case Why::kAmbiguousPayer: return 6;
    case Why::kAmbiguousCombination: return 7;
    case Why::kAmbiguousAmount: return 8;
    case Why::kAmbiguousRef: return 9;
    case Why::kLowConfidence: return 10;
    case Why::kZeroAmount: return 11;
  }
  return 0;
}

void Matcher::apply(std::uint32_t r, std::uint32_t invoice, std::int64_t amount, MatchRule rule, int confidence,
                    std::int64_t deduction) {
  Application a;
  a.receipt = r;
  a.invoice_id = books_.invoices[invoice].id;
  a.amount_minor = amount;
  a.rule = rule;
  a.confidence = std::clamp(confidence, 0, 100);
  if (deduction > 0) {
    a.deduction_minor = deduction;
    a.deduction_reason = options_.deduction_reason;
  }
  remaining_[invoice] -= amount + deduction;
  out_.applications.push_back(std::move(a));
  state_[r].resolved = true;
}

bool Matcher::confident(std::uint32_t r, int confidence) {
  if (confidence >= options_.min_confidence) return true;
  note(r, Why::kLowConfidence);
  return false;
}

int Matcher::context_rank(const Hit& h) {
  // Lower is stronger: structured/full form, invoice word, bare; typos and partial keys weaker.
  int rank = static_cast<int>(h.context) * 2;
  if ((h.flags & kFullForm) == 0) rank += 1;
  if (h.flags & kLastRun) rank += 4;
  if (h.flags & kFuzzy) rank += 8;
  return rank;
}

// Similarity of an invoice number to the receipt's references: 0 none, 1 typo/truncation.
bool Matcher::reference_resembles(std::uint32_t r, std::uint32_t invoice) {
  const Evidence& e = ev_[r];
  if (e.ref_count == 0) return false;
  digits_.clear();
  for (char c : books_.invoices[invoice].number)
    if (c >= '0' && c <= '9') digits_.push_back(c);
  for (int i = 0; i < e.ref_count; ++i) {
    const std::string_view ref = e.ref(i);
    if (ref.size() >= 4 && std::string_view(digits_).substr(0, ref.size()) == ref) return true;
    if (ref.size() >= 3 && edit_distance(ref, digits_, 2) <= 2) return true;
  }
  return false;
}

// Among `list`, the one invoice the references resemble; kNone when none or several.
std::uint32_t Matcher::single_resembling(std::uint32_t r, std::span<const std::uint32_t> list) {
  std::uint32_t found = kNone;
  for (std::uint32_t i : list) {
    if (!reference_resembles(r, i)) continue;
    if (found != kNone) return kNone;
    found = i;
  }
  return found;
}

bool Matcher::strong_ref_elsewhere(std::uint32_t r, std::uint32_t customer, std::uint32_t invoice) const {
  // An exact reference to another open invoice of the same customer contradicts an amount match.
  // Bare numbers count here: one that names another invoice of the same payer is no accident.
  for (const Hit& h : ev_[r].hit_span()) {
    if (h.flags & kFuzzy) continue;
    if (h.invoice != invoice && customer_of(h.invoice) == customer && remaining_[h.invoice] > 0) return true;
  }
  return false;
}

// The remittance names another open invoice (anyone's) of exactly this amount: the payer's
// name and the reference disagree, and neither wins.
bool Matcher::referenced_agreeing_elsewhere(std::uint32_t r, std::uint32_t invoice) const {
  for (const Hit& h : ev_[r].hit_span()) {
    if ((h.flags & kFuzzy) || h.context == RefContext::kBare || h.invoice == invoice) continue;
    if (usable(r, h.invoice) && remaining_[h.invoice] == tx(r).amount_minor) return true;
  }
  return false;
}

// The remittance names an invoice of another customer than `customer`.
bool Matcher::references_elsewhere(std::uint32_t r, std::uint32_t customer) const {
  for (const Hit& h : ev_[r].hit_span())
    if (!(h.flags & kFuzzy) && h.context != RefContext::kBare && customer_of(h.invoice) != customer) return true;
  return false;
}

bool Matcher::common_amount(std::uint32_t r) const {
  const auto same = books_.by_amount.find(
      hash_pair(currency_bits(tx(r).currency), static_cast<std::uint64_t>(tx(r).amount_minor)));
  return same.size() > static_cast<std::size_t>(kCommonAmount);
}

}  // namespace otc::engine::matching_detail
