#include "otc/engine/reconcile_payout.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace otc::engine {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// `needle` occurs in `hay` as a whole token (not inside a longer id): "po_1" is not in "po_12".
bool contains_token(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    bool left_ok = at == 0 || !id_char(hay[at - 1]);
    std::size_t end = at + needle.size();
    bool right_ok = end == hay.size() || !id_char(hay[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

std::string deposit_text(const domain::BankTransaction& t) {
  std::string s = t.bank_reference + " " + t.end_to_end_id + " " + t.payer_name + " " + t.remittance_text;
  for (const auto& r : t.remittance_refs) s += " " + r;
  return upper(s);
}

std::string code(const core::Currency& c) { return std::string(c.view()); }

std::string payout_keys(const PayoutLine& p) { return "gateway=" + p.gateway + "|payout=" + p.payout_id; }

std::string deposit_keys(const domain::BankTransaction& t) {
  std::string k = "date=" + t.booking_date.iso();
  if (!t.bank_reference.empty()) k += "|bank_reference=" + t.bank_reference;
  if (!t.payer_name.empty()) k += "|payer=" + t.payer_name;
  return k;
}

struct PayoutBuild {
  PayoutLine line;
  std::set<std::string> invoices;
  std::string reference;
  std::int64_t payout_row_fee = 0;
};

// Each row adds its gross to one component (refunds, disputes and fee rows lower the payout, so
// their negative gross counts as a positive amount of that component) and its fee to the fees.
void add_component(PayoutBuild& p, const GatewayTransaction& t) {
  PayoutLine& l = p.line;
  ++l.rows;
  l.fees_minor += t.fee_minor;
  switch (t.kind) {
    case GatewayKind::kCharge:
      l.charges_minor += t.gross_minor;
      for (const auto& inv : t.invoices) p.invoices.insert(inv);
      break;
    case GatewayKind::kRefund: l.refunds_minor -= t.gross_minor; break;
    case GatewayKind::kFee: l.fees_minor -= t.gross_minor; break;
    case GatewayKind::kDispute: l.disputes_minor -= t.gross_minor; break;
    case GatewayKind::kAdjustment:
    case GatewayKind::kPayout: l.adjustments_minor += t.gross_minor; break;
  }
}

}  // namespace

std::string_view gateway_kind_name(GatewayKind kind) {
  static constexpr std::string_view kNames[] = {"charge", "refund", "fee", "dispute", "adjustment", "payout"};
  return kNames[static_cast<std::size_t>(kind)];
}

std::string_view payout_match_rule_name(PayoutMatchRule rule) {
  static constexpr std::string_view kNames[] = {"none", "reference", "amount_date"};
  return kNames[static_cast<std::size_t>(rule)];
}

PayoutResult tie_out_payouts(const std::vector<GatewayTransaction>& rows, const std::vector<domain::BankTransaction>& bank,
                             const PayoutOptions& options) {
  PayoutResult result;
  const int window = std::max(0, options.date_window_days);

  // Payouts, keyed by (gateway, payout id).
  std::map<std::pair<std::string, std::string>, PayoutBuild> payouts;
  std::set<std::string> explicit_gateways;  // gateways whose component rows name their payout
  for (const auto& t : rows) {
    if (t.kind == GatewayKind::kPayout) {
      std::string id = !t.payout_id.empty() ? t.payout_id : !t.source_id.empty() ? t.source_id : t.id;
      PayoutBuild& p = payouts[{t.gateway, id}];
      p.line.gateway = t.gateway;
      p.line.payout_id = id;
      p.line.date = t.available_on;
      p.line.currency = t.currency;
      p.line.payout_minor -= t.gross_minor;
      p.payout_row_fee += t.fee_minor;
      if (!t.reference.empty()) p.reference = t.reference;
    } else if (!t.payout_id.empty()) {
      explicit_gateways.insert(t.gateway);
    }
  }

  // Assign component rows.
  std::map<std::pair<std::string, std::string>, PendingBalance> pending;
  auto add_pending = [&](const GatewayTransaction& t) {
    PendingBalance& b = pending[{t.gateway, code(t.currency)}];
    b.gateway = t.gateway;
    b.currency = t.currency;
    b.net_minor += t.net_minor;
    ++b.rows;
  };
  // Sweep mode: rows and payouts of a gateway + currency in time order; each row goes to the next payout.
  std::vector<std::size_t> sweep;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& t = rows[i];
    if (explicit_gateways.count(t.gateway) != 0) {
      if (t.kind == GatewayKind::kPayout) continue;
      if (t.payout_id.empty()) {
        add_pending(t);  // not paid out yet
        continue;
      }
      auto [it, added] = payouts.try_emplace({t.gateway, t.payout_id});
      PayoutBuild& p = it->second;
      if (added) {
        // Named by its rows only (an itemized payout report, or an export cut before the payout row).
        p.line.gateway = t.gateway;
        p.line.payout_id = t.payout_id;
        p.line.currency = t.currency;
        p.line.amount_from_components = true;
        p.line.date = t.payout_date.value_or(t.available_on);
      } else if (p.line.amount_from_components && !t.payout_date && p.line.date < t.available_on) {
        p.line.date = t.available_on;
      }
      add_component(p, t);
    } else {
      sweep.push_back(i);
    }
  }
  std::stable_sort(sweep.begin(), sweep.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = rows[a];
    const auto& y = rows[b];
    return std::make_tuple(x.gateway, code(x.currency), x.available_on.days(), x.time_of_day) <
           std::make_tuple(y.gateway, code(y.currency), y.available_on.days(), y.time_of_day);
  });
  std::vector<std::size_t> waiting;
  for (std::size_t k = 0; k < sweep.size(); ++k) {
    const auto& t = rows[sweep[k]];
    bool group_ends = k + 1 == sweep.size() || rows[sweep[k + 1]].gateway != t.gateway ||
                      !(rows[sweep[k + 1]].currency == t.currency);
    if (t.kind == GatewayKind::kPayout) {
      std::string id = !t.payout_id.empty() ? t.payout_id : !t.source_id.empty() ? t.source_id : t.id;
      PayoutBuild& p = payouts[{t.gateway, id}];
      for (std::size_t w : waiting) add_component(p, rows[w]);
      waiting.clear();
    } else {
      waiting.push_back(sweep[k]);
    }
    if (group_ends) {
      for (std::size_t w : waiting) add_pending(rows[w]);
      waiting.clear();
    }
  }

  // Totals and the component check.
  std::vector<PayoutBuild*> ordered;
  for (auto& [key, p] : payouts) {
    p.line.fees_minor += p.payout_row_fee;
    p.line.components_net_minor = p.line.charges_minor - p.line.refunds_minor - p.line.fees_minor -
                                  p.line.disputes_minor + p.line.adjustments_minor;
    if (p.line.amount_from_components) p.line.payout_minor = p.line.components_net_minor;
    p.line.invoices.assign(p.invoices.begin(), p.invoices.end());
    ordered.push_back(&p);
  }
  std::sort(ordered.begin(), ordered.end(), [](const PayoutBuild* a, const PayoutBuild* b) {
    return std::make_tuple(a->line.gateway, a->line.date.days(), a->line.payout_id) <
           std::make_tuple(b->line.gateway, b->line.date.days(), b->line.payout_id);
  });

  // Gateway deposits.
  std::vector<std::string> markers;
  for (const auto& m : options.deposit_markers) markers.push_back(upper(m));
  std::vector<std::size_t> deposits;
  std::vector<std::string> texts(bank.size());
  for (std::size_t i = 0; i < bank.size(); ++i) {
    const auto& t = bank[i];
    if (t.reversal) continue;
    texts[i] = deposit_text(t);
    bool marked = markers.empty();
    for (const auto& m : markers)
      if (texts[i].find(m) != std::string::npos) marked = true;
    if (marked) deposits.push_back(i);
  }
  std::vector<bool> used(bank.size(), false);
  auto direction_fits = [&](const PayoutLine& l, const domain::BankTransaction& t) {
    return l.payout_minor >= 0 ? t.direction == domain::Direction::kCredit : t.direction == domain::Direction::kDebit;
  };
  auto magnitude = [](std::int64_t v) { return v < 0 ? -v : v; };

  // Pass 1: the payout id or its reference appears on the deposit.
  for (PayoutBuild* p : ordered) {
    PayoutLine& l = p->line;
    std::string id = upper(l.payout_id), ref = upper(p->reference);
    std::optional<std::size_t> best;
    std::tuple<int, int, std::size_t> best_rank{};
    for (std::size_t i : deposits) {
      const auto& t = bank[i];
      if (used[i] || !(t.currency == l.currency) || !direction_fits(l, t)) continue;
      if (!contains_token(texts[i], id) && !contains_token(texts[i], ref)) continue;
      std::tuple<int, int, std::size_t> rank{t.amount_minor == magnitude(l.payout_minor) ? 0 : 1,
                                             std::abs(t.booking_date.days_since(l.date)), i};
      if (!best || rank < best_rank) {
        best = i;
        best_rank = rank;
      }
    }
    if (best) {
      used[*best] = true;
      l.deposit = *best;
      l.rule = PayoutMatchRule::kReference;
    }
  }
  // Pass 2: same amount within the window, nearest date first.
  struct Candidate {
    int distance;
    std::size_t payout;
    std::size_t deposit;
  };
  std::vector<Candidate> candidates;
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    const PayoutLine& l = ordered[k]->line;
    if (l.deposit) continue;
    for (std::size_t i : deposits) {
      const auto& t = bank[i];
      if (used[i] || !(t.currency == l.currency) || !direction_fits(l, t)) continue;
      if (t.amount_minor != magnitude(l.payout_minor)) continue;
      int distance = std::abs(t.booking_date.days_since(l.date));
      if (distance <= window) candidates.push_back({distance, k, i});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.distance, a.payout, a.deposit) < std::tie(b.distance, b.payout, b.deposit);
  });
  for (const Candidate& c : candidates) {
    PayoutLine& l = ordered[c.payout]->line;
    if (l.deposit || used[c.deposit]) continue;
    used[c.deposit] = true;
    l.deposit = c.deposit;
    l.rule = PayoutMatchRule::kAmountDate;
  }

  // Breaks and output.
  std::optional<core::Date> from = options.from, to = options.to;
  if (!options.from && !options.to && !ordered.empty()) {
    core::Date lo = ordered.front()->line.date, hi = lo;
    for (const PayoutBuild* p : ordered) {
      lo = std::min(lo, p->line.date);
      hi = std::max(hi, p->line.date);
    }
    from = lo.add_days(-window);
    to = hi.add_days(window);
  }
  for (PayoutBuild* p : ordered) {
    const PayoutLine& l = p->line;
    const std::string cur = code(l.currency);
    if (l.components_net_minor != l.payout_minor) {
      std::int64_t diff = l.components_net_minor - l.payout_minor;
      result.breaks.push_back(
          {BreakType::kPayoutMismatch, payout_keys(l), money_text(l.components_net_minor, l.currency),
           money_text(l.payout_minor, l.currency), money_text(diff, l.currency), cur, diff,
           "charges " + money_text(l.charges_minor, l.currency) + " - refunds " + money_text(l.refunds_minor, l.currency) +
               " - fees " + money_text(l.fees_minor, l.currency) + " - disputes " +
               money_text(l.disputes_minor, l.currency) + " + adjustments " + money_text(l.adjustments_minor, l.currency) +
               " = " + money_text(l.components_net_minor, l.currency) + " but the payout is " +
               money_text(l.payout_minor, l.currency) + "; the export may miss rows of this payout (check its date range)"});
    }
    if (!l.deposit) {
      result.breaks.push_back({BreakType::kPayoutWithoutDeposit, payout_keys(l), money_text(l.payout_minor, l.currency), "",
                               money_text(l.payout_minor, l.currency), cur, l.payout_minor,
                               "no bank " + std::string(l.payout_minor >= 0 ? "credit" : "debit") + " of " +
                                   money_text(l.payout_minor < 0 ? -l.payout_minor : l.payout_minor, l.currency) + " " +
                                   cur + " within " + std::to_string(window) + " days of " + l.date.iso() +
                                   "; check that the bank file covers that date and that the payout did not fail"});
    }
    result.payouts.push_back(l);
    if (l.fees_minor != 0) result.fees.push_back({l.gateway, l.payout_id, l.date, l.currency, l.fees_minor});
  }
  for (std::size_t i : deposits) {
    const auto& t = bank[i];
    if (used[i] || t.direction != domain::Direction::kCredit) continue;
    if ((from && t.booking_date < *from) || (to && t.booking_date > *to)) continue;
    result.breaks.push_back({BreakType::kDepositWithoutPayout, deposit_keys(t), "", money_text(t.amount_minor, t.currency),
                             money_text(-t.amount_minor, t.currency), code(t.currency), -t.amount_minor,
                             "a gateway deposit with no payout in the gateway export; extend the export's date range "
                             "or post it as a receipt"});
  }
  for (auto& [key, b] : pending) result.pending.push_back(b);
  sort_breaks(result.breaks);
  return result;
}

Break fee_break(const FeeLine& fee) {
  return {BreakType::kFee,
          "gateway=" + fee.gateway + "|payout=" + fee.payout_id,
          money_text(fee.fee_minor, fee.currency),
          "",
          money_text(fee.fee_minor, fee.currency),
          code(fee.currency),
          fee.fee_minor,
          "post " + money_text(fee.fee_minor, fee.currency) + " " + code(fee.currency) + " of " + fee.gateway +
              " fees for payout " + fee.payout_id + " dated " + fee.date.iso() +
              " (debit processing fees, credit the gateway clearing account)"};
}

}  // namespace otc::engine
