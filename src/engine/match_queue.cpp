// Pass 5: receipts no pass applied go to the unapplied queue with the most telling reason (see
// Matcher::note) and up to three ranked suggestions: referenced invoices, the payer's open
// invoices nearest the amount, and anyone's invoice of exactly the amount when there are few.
#include <algorithm>

#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void Matcher::suggest(std::vector<Suggestion>& s, Suggestion::Kind kind, std::int64_t id, int score, std::string why) {
  for (Suggestion& x : s)
    if (x.kind == kind && x.id == id) {
      if (score > x.score) {
        x.score = score;
        x.why = std::move(why);
      }
      return;
    }
  s.push_back(Suggestion{kind, id, score, std::move(why)});
}

std::string Matcher::money(std::int64_t minor, const core::Currency& c) const {
  std::string s(c.view());
  s.push_back(' ');
  core::append_amount(s, minor, c.exponent);
  return s;
}

std::string Matcher::describe_invoice(std::uint32_t i) const {
  const OpenInvoice& inv = books_.invoices[i];
  std::string s = inv.number;
  s += " (";
  const std::uint32_t c = customer_of(i);
  if (c != kNone) {
    s += books_.customers[c].name;
    s += ", ";
  }
  s += "open ";
  s += money(remaining_[i], inv.currency);
  s += ")";
  return s;
}

void Matcher::queue(std::uint32_t r) {
  const Evidence& e = ev_[r];
  const domain::BankTransaction& t = tx(r);
  Unapplied u;
  u.receipt = r;
  if (e.customer != kNone) u.customer_id = books_.customers[e.customer].id;
  std::vector<Suggestion>& s = u.suggestions;

  for (const Hit& h : e.hit_span()) {
    const std::int64_t open = remaining_[h.invoice];
    const OpenInvoice& inv = books_.invoices[h.invoice];
    int score = (h.flags & kFuzzy) ? 55 : (h.context == RefContext::kBare ? 50 : 70);
    if (payer_confirms(r, h.invoice)) score += 10;
    std::string why = (h.flags & kFuzzy) ? "remittance reference is one typo away from " : "remittance references ";
    why += describe_invoice(h.invoice);
    if (inv.currency != t.currency) {
      why += "; invoice is in another currency";
      score -= 30;
    } else if (open <= 0) {
      why += "; already fully applied";
      score -= 30;
    } else if (open == t.amount_minor) {
      why += "; amount agrees";
      score += 10;
    } else {
      why += "; paid ";
      why += money(t.amount_minor, t.currency);
    }
    suggest(s, Suggestion::Kind::kInvoice, inv.id, score, std::move(why));
  }
  // The payer's (or the likely payers') open invoices nearest to the amount.
  auto nearest = [&](std::uint32_t customer, int base, std::string_view how) {
    std::uint32_t best[3] = {kNone, kNone, kNone};
    std::int64_t dist[3] = {0, 0, 0};
    for (std::uint32_t i : books_.invoices_of(customer)) {
      if (!usable(r, i)) continue;
      std::int64_t d = remaining_[i] - t.amount_minor;
      if (d < 0) d = -d;
      for (int k = 0; k < 3; ++k) {
        if (best[k] == kNone || d < dist[k]) {
          for (int m = 2; m > k; --m) {
            best[m] = best[m - 1];
            dist[m] = dist[m - 1];
          }
          best[k] = i;
          dist[k] = d;
          break;
        }
      }
    }
    for (int k = 0; k < 3 && best[k] != kNone; ++k) {
      std::string why = "payer matches ";
      why += books_.customers[customer].name;
      why += " by ";
      why += how;
      why += "; ";
      why += describe_invoice(best[k]);
      why += dist[k] == 0 ? ", same amount" : ", nearest amount";
      suggest(s, Suggestion::Kind::kInvoice, books_.invoices[best[k]].id, base + (dist[k] == 0 ? 10 : 0) - k,
              std::move(why));
    }
  };
  if (e.customer != kNone) {
    nearest(e.customer, 60, payer_match_name(e.payer));
  } else {
    for (int n = 0; n < e.name_count; ++n) {
      const std::uint32_t c = e.names[n];
      const int score = static_cast<int>(e.name_scores[n] * 50.0f);
      std::string why = "payer name resembles ";
      why += books_.customers[c].name;
      suggest(s, Suggestion::Kind::kCustomer, books_.customers[c].id, score, std::move(why));
      nearest(c, score - 5, "a similar name");
    }
  }
  // Anyone's open invoice of exactly this amount, when there are only a few.
  auto same = books_.by_amount.find(hash_pair(currency_bits(t.currency), static_cast<std::uint64_t>(t.amount_minor)));
  if (!same.empty() && same.size() <= 3) {
    for (std::uint32_t i : same) {
      if (!usable(r, i) || remaining_[i] != t.amount_minor) continue;
      std::string why = "only ";
      why += std::to_string(same.size());
      why += same.size() == 1 ? " open invoice has" : " open invoices have";
      why += " this amount: ";
      why += describe_invoice(i);
      suggest(s, Suggestion::Kind::kInvoice, books_.invoices[i].id, 30, std::move(why));
    }
  }
  std::stable_sort(s.begin(), s.end(), [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  if (s.size() > 3) s.resize(3);
  for (Suggestion& x : s) x.score = std::clamp(x.score, 0, 100);

  switch (state_[r].why) {
    case Why::kNothing:
      u.reason = e.hit_count == 0 && e.customer == kNone
                     ? (e.candidate_count == 0 ? "no invoice reference and payer not identified"
                                               : "references match no open invoice and payer not identified")
                     : "no open invoice fits the amount";
      break;
    case Why::kRefAmount: u.reason = "referenced invoice does not agree with the amount and the payer does not confirm it"; break;
    case Why::kAmbiguousRef: u.reason = "ambiguous: several referenced invoices fit equally"; break;
    case Why::kAmbiguousAmount: u.reason = "ambiguous: several open invoices of the payer have this amount"; break;
    case Why::kAmbiguousCombination: u.reason = "ambiguous: several combinations of the payer's invoices add up to the amount"; break;
    case Why::kCombinationBound: u.reason = "combination search not finished within its bounds"; break;
    case Why::kAmbiguousPayer: u.reason = "ambiguous: the payer name fits several customers"; break;
    case Why::kPaid: u.reason = "referenced invoice is already fully applied (duplicate payment?)"; break;
    case Why::kPayerNoMatch: u.reason = "payer identified but no open invoice fits the amount"; break;
    case Why::kCurrency: u.reason = "referenced invoice is in another currency"; break;
    case Why::kLowConfidence: u.reason = "best match is below the confidence threshold"; break;
    case Why::kZeroAmount: u.reason = "zero amount"; break;
  }
  out_.unapplied.push_back(std::move(u));
}

}  // namespace otc::engine::matching_detail
