#include "payment_reversal.hpp"

#include <algorithm>

namespace otc::cli {

int reverse_payment(store::LedgerStore& store, std::int64_t payment_id, core::Date on, const std::string& reason) {
  int reversed = 0;
  for (const auto& app : store.applications_of_payment(payment_id)) {
    if (app.reversed) continue;
    store::ApplicationDraft d;
    d.invoice_id = app.invoice_id;
    d.payment_id = payment_id;
    d.amount_minor = -app.amount_minor;
    d.applied_on = std::max(on, app.applied_on);
    d.rule = "reversal";
    d.reverses_id = app.id;
    d.note = reason;
    store.apply(d);
    ++reversed;
  }
  store.mark_payment_reversed(payment_id, on, reason);
  return reversed;
}

std::optional<store::PaymentCandidate> find_returned_payment(store::LedgerStore& store, const domain::BankTransaction& ret) {
  auto candidates = store.payments_with_amount(ret.amount_minor, ret.currency, ret.booking_date.add_days(-120), ret.booking_date);
  auto unique = [](const std::vector<store::PaymentCandidate>& v) -> std::optional<store::PaymentCandidate> {
    if (v.size() == 1) return v.front();
    return std::nullopt;
  };
  // 1. The return names the original item (ACH original trace, camt end-to-end id).
  std::vector<store::PaymentCandidate> by_ref;
  for (const auto& c : candidates) {
    bool hit = false;
    for (const auto& r : ret.remittance_refs) hit |= !r.empty() && (c.reference == r || c.bank_key.find(r) != std::string::npos);
    if (!ret.end_to_end_id.empty()) hit |= c.bank_key.find(ret.end_to_end_id) != std::string::npos;
    if (hit) by_ref.push_back(c);
  }
  if (auto u = unique(by_ref)) return u;
  if (!by_ref.empty()) return std::nullopt;
  // 2. The same payer account, once.
  std::vector<store::PaymentCandidate> by_account;
  for (const auto& c : candidates)
    if (!ret.payer_account.empty() && c.payer_account == ret.payer_account) by_account.push_back(c);
  return unique(by_account);
}

}  // namespace otc::cli
