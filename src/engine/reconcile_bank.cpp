#include "otc/engine/reconcile_bank.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <tuple>
#include <unordered_map>

namespace otc::engine {
namespace {

// References compare ignoring ASCII case and blanks: banks pad and re-case them.
std::string normalize_reference(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t') continue;
    out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  }
  return out;
}

bool in_range(core::Date d, const BankReconcileOptions& o) {
  if (o.from && d < *o.from) return false;
  if (o.to && d > *o.to) return false;
  return true;
}

std::string currency_code(const core::Currency& c) { return std::string(c.view()); }

std::string deposit_keys(const domain::BankTransaction& t) {
  std::string k = "date=" + t.booking_date.iso();
  if (!t.bank_reference.empty()) k += "|bank_reference=" + t.bank_reference;
  else if (!t.end_to_end_id.empty()) k += "|end_to_end_id=" + t.end_to_end_id;
  if (!t.payer_name.empty()) k += "|payer=" + t.payer_name;
  return k;
}

std::string receipt_keys(const LedgerReceipt& r) {
  std::string k = "payment=" + r.payment_id + "|date=" + r.date.iso();
  if (!r.bank_reference.empty()) k += "|bank_reference=" + r.bank_reference;
  return k;
}

}  // namespace

BankReconcileResult reconcile_bank(const std::vector<domain::BankTransaction>& bank,
                                   const std::vector<LedgerReceipt>& receipts, const BankReconcileOptions& options) {
  BankReconcileResult result;
  const int window = std::max(0, options.date_window_days);

  std::vector<std::size_t> deposits;  // indices of credits that are deposits
  for (std::size_t i = 0; i < bank.size(); ++i) {
    const auto& t = bank[i];
    if (t.direction != domain::Direction::kCredit || t.reversal) continue;
    deposits.push_back(i);
    if (in_range(t.booking_date, options)) ++result.deposits_in_range;
  }
  for (const auto& r : receipts)
    if (in_range(r.date, options)) ++result.receipts_in_range;

  std::vector<bool> deposit_done(bank.size(), false), receipt_done(receipts.size(), false);

  // Pass 1: by reference.
  std::unordered_map<std::string, std::vector<std::size_t>> by_reference;
  for (std::size_t i : deposits) {
    const auto& t = bank[i];
    std::string a = normalize_reference(t.bank_reference), b = normalize_reference(t.end_to_end_id);
    if (!a.empty()) by_reference[a].push_back(i);
    if (!b.empty() && b != a) by_reference[b].push_back(i);
  }
  for (std::size_t r = 0; r < receipts.size(); ++r) {
    const auto& rec = receipts[r];
    std::string ref = normalize_reference(rec.bank_reference);
    if (ref.empty()) continue;
    auto it = by_reference.find(ref);
    if (it == by_reference.end()) continue;
    std::size_t best = bank.size();
    std::tuple<int, int, std::size_t> best_rank{};
    for (std::size_t i : it->second) {
      const auto& t = bank[i];
      if (deposit_done[i] || !(t.currency == rec.currency)) continue;
      std::tuple<int, int, std::size_t> rank{t.amount_minor == rec.amount_minor ? 0 : 1,
                                             std::abs(rec.date.days_since(t.booking_date)), i};
      if (best == bank.size() || rank < best_rank) {
        best = i;
        best_rank = rank;
      }
    }
    if (best == bank.size()) continue;
    deposit_done[best] = receipt_done[r] = true;
    const auto& t = bank[best];
    result.matches.push_back({best, r, BankMatchRule::kReference, rec.date.days_since(t.booking_date), false});
    if (t.amount_minor != rec.amount_minor && (in_range(t.booking_date, options) || in_range(rec.date, options))) {
      std::int64_t diff = t.amount_minor - rec.amount_minor;
      result.breaks.push_back(
          {BreakType::kReceiptAmountDifference, receipt_keys(rec), money_text(t.amount_minor, t.currency),
           money_text(rec.amount_minor, rec.currency), money_text(diff, t.currency), currency_code(t.currency), diff,
           "the bank credited " + money_text(t.amount_minor, t.currency) + " for reference " + rec.bank_reference +
               " but the receipt says " + money_text(rec.amount_minor, rec.currency) +
               "; correct the receipt amount (reverse and repost)"});
    }
  }

  // Pass 2: same currency and amount, nearest date first. Receipts are bucketed by
  // (currency, amount, date) in input order; for distance k = 0..window every unmatched deposit
  // (in date, then input order) takes the first receipt k days before, else k days after.
  using BucketKey = std::tuple<std::string, std::int64_t, std::int32_t>;
  std::map<BucketKey, std::deque<std::size_t>> buckets;
  for (std::size_t r = 0; r < receipts.size(); ++r) {
    if (receipt_done[r]) continue;
    const auto& rec = receipts[r];
    buckets[{currency_code(rec.currency), rec.amount_minor, rec.date.days()}].push_back(r);
  }
  std::vector<std::size_t> open_deposits;
  for (std::size_t i : deposits)
    if (!deposit_done[i]) open_deposits.push_back(i);
  std::stable_sort(open_deposits.begin(), open_deposits.end(),
                   [&](std::size_t a, std::size_t b) { return bank[a].booking_date < bank[b].booking_date; });
  auto take = [&](const BucketKey& key) -> std::optional<std::size_t> {
    auto it = buckets.find(key);
    if (it == buckets.end()) return std::nullopt;
    auto& q = it->second;
    while (!q.empty() && receipt_done[q.front()]) q.pop_front();
    if (q.empty()) return std::nullopt;
    std::size_t r = q.front();
    q.pop_front();
    return r;
  };
  auto available = [&](const BucketKey& key) {
    auto it = buckets.find(key);
    if (it == buckets.end()) return std::size_t{0};
    std::size_t n = 0;
    for (std::size_t r : it->second) n += receipt_done[r] ? 0 : 1;
    return n;
  };
  for (int k = 0; k <= window; ++k) {
    for (std::size_t i : open_deposits) {
      if (deposit_done[i]) continue;
      const auto& t = bank[i];
      std::string cur = currency_code(t.currency);
      BucketKey before{cur, t.amount_minor, t.booking_date.days() - k};
      BucketKey after{cur, t.amount_minor, t.booking_date.days() + k};
      std::size_t choices = available(before) + (k > 0 ? available(after) : 0);
      std::optional<std::size_t> r = take(before);
      if (!r && k > 0) r = take(after);
      if (!r) continue;
      deposit_done[i] = receipt_done[*r] = true;
      result.matches.push_back(
          {i, *r, BankMatchRule::kAmountDate, receipts[*r].date.days_since(t.booking_date), choices > 1});
    }
  }

  // Whatever is left in range is a break.
  for (std::size_t i : deposits) {
    const auto& t = bank[i];
    if (deposit_done[i] || !in_range(t.booking_date, options)) continue;
    std::string what = "no ledger receipt for this deposit within " + std::to_string(window) + " days";
    if (!t.remittance_text.empty()) what += " (remittance: " + t.remittance_text + ")";
    what += "; post the payment, or reconcile it as a gateway payout";
    result.breaks.push_back({BreakType::kUnmatchedDeposit, deposit_keys(t), money_text(t.amount_minor, t.currency), "",
                             money_text(t.amount_minor, t.currency), currency_code(t.currency), t.amount_minor, what});
  }
  for (std::size_t r = 0; r < receipts.size(); ++r) {
    const auto& rec = receipts[r];
    if (receipt_done[r] || !in_range(rec.date, options)) continue;
    std::string what = "no bank credit of " + money_text(rec.amount_minor, rec.currency) + " " +
                       currency_code(rec.currency) + " within " + std::to_string(window) + " days of " +
                       rec.date.iso();
    if (!rec.customer.empty()) what += " (customer " + rec.customer + ")";
    what += "; find the deposit, or reverse the receipt if the money never arrived";
    result.breaks.push_back({BreakType::kUnmatchedReceipt, receipt_keys(rec), "", money_text(rec.amount_minor, rec.currency),
                             money_text(-rec.amount_minor, rec.currency), currency_code(rec.currency),
                             -rec.amount_minor, what});
  }
  std::sort(result.matches.begin(), result.matches.end(),
            [](const BankMatch& a, const BankMatch& b) { return a.deposit < b.deposit; });
  sort_breaks(result.breaks);
  return result;
}

}  // namespace otc::engine
