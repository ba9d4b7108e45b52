#include "otc/ops/reconcile_bank.hpp"

#include <cctype>
#include <set>

#include "otc/core/error.hpp"
#include "otc/core/text.hpp"
#include "otc/ops/reconcile_common.hpp"
#include "otc/report/breaks_report.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;

std::string lower_trim(std::string_view s) { return core::to_lower(core::trim(s)); }

/// The range: as given, else the dates the bank files cover.
void settle_range(const ReconcileBankOptions& options, const ReconcileBankInput& input, ReconcileBankResult& r) {
  std::optional<core::Date> from = options.from, to = options.to;
  if (!from || !to) {
    std::optional<core::Date> lo, hi;
    for (const auto& t : input.bank) {
      if (!lo || t.booking_date < *lo) lo = t.booking_date;
      if (!hi || t.booking_date > *hi) hi = t.booking_date;
    }
    if (!lo) {
      if (!from && !to)
        throw Error(ErrorKind::kInput, "the bank files hold no transactions; give --from and --to",
                    {options.files.empty() ? std::string() : options.files.front()});
      lo = hi = from ? *from : *to;
    }
    if (!from) from = *lo;
    if (!to) to = *hi;
  }
  r.from = *from;
  r.to = *to;
}

/// References of the gateway charges: a ledger receipt carrying one is explained by the export.
std::set<std::string> charge_references(const std::vector<engine::GatewayTransaction>& gateway) {
  std::set<std::string> refs;
  for (const auto& g : gateway) {
    if (g.kind != engine::GatewayKind::kCharge) continue;
    if (!g.source_id.empty()) refs.insert(lower_trim(g.source_id));
    if (!g.id.empty()) refs.insert(lower_trim(g.id));
  }
  return refs;
}

std::string summarize(const ReconcileBankResult& r, bool gateways) {
  std::string s = std::to_string(r.deposits_in_range) + " deposits, " + std::to_string(r.receipts_in_range) +
                  " ledger receipts in range; " + std::to_string(r.matched) + " matched (" +
                  std::to_string(r.matched_by_reference) + " by reference, " +
                  std::to_string(r.matched - r.matched_by_reference) + " by amount and date)";
  if (gateways) {
    std::size_t tie = 0;
    for (const auto& p : r.payouts.payouts) tie += p.ties();
    s += "; " + std::to_string(r.payouts.payouts.size()) + " payouts, " + std::to_string(tie) + " tie to a deposit";
    if (r.gateway_receipts)
      s += ", " + std::to_string(r.gateway_receipts) +
           (r.gateway_receipts == 1 ? " ledger receipt is" : " ledger receipts are") + " a charge in the export";
  }
  return s + "; " + report::break_summary(r.breaks);
}

}  // namespace

ReconcileBankResult reconcile_bank(store::LedgerStore& store, const Invocation& inv, const ReconcileBankOptions& options,
                                   const ReconcileBankInput& input,
                                   const std::function<void(const ReconcileBankResult&)>& before_commit) {
  const auto& bank = input.bank;
  ReconcileBankResult r;
  settle_range(options, input, r);

  // Gateway payouts against the bank deposits they became.
  std::set<std::string> charge_refs;
  if (!input.gateway.empty()) {
    engine::PayoutOptions po;
    po.date_window_days = options.window_days;
    po.deposit_markers = options.deposit_markers;
    if (po.deposit_markers.empty()) po.deposit_markers = input.gateways;
    po.from = r.from;
    po.to = r.to;
    r.payouts = engine::tie_out_payouts(input.gateway, bank, po);
    charge_refs = charge_references(input.gateway);
  }

  store::WriteTransaction tx(store);
  // Ledger receipts around the range (counterparts just outside it can still match).
  std::vector<engine::LedgerReceipt> receipts;
  for (const auto& rec : store.receipts(r.from.add_days(-options.window_days), r.to.add_days(options.window_days))) {
    if (!rec.reference.empty() && charge_refs.count(lower_trim(rec.reference)) != 0) {
      ++r.gateway_receipts;  // explained by the gateway export's charge
      continue;
    }
    receipts.push_back({rec.external_id, rec.received_date, rec.amount_minor, rec.currency, rec.reference,
                        rec.customer_external_id});
  }

  engine::BankReconcileOptions bo;
  bo.from = r.from;
  bo.to = r.to;
  bo.date_window_days = options.window_days;
  auto matching = engine::reconcile_bank(bank, receipts, bo);
  r.deposits_in_range = matching.deposits_in_range;
  // A deposit that a payout explains needs no receipt of its own (the receipts are the payout's
  // charges); when no receipt matched it, leave it out and match the rest again.
  std::vector<bool> matched(bank.size(), false);
  for (const auto& m : matching.matches) matched[m.deposit] = true;
  std::vector<bool> drop(bank.size(), false);
  std::size_t explained = 0;
  for (const auto& p : r.payouts.payouts)
    if (p.deposit && !matched[*p.deposit]) {
      drop[*p.deposit] = true;
      ++explained;
    }
  if (explained > 0) {
    std::vector<domain::BankTransaction> rest;
    for (std::size_t i = 0; i < bank.size(); ++i)
      if (!drop[i]) rest.push_back(bank[i]);
    matching = engine::reconcile_bank(rest, receipts, bo);
  }
  r.receipts_in_range = matching.receipts_in_range;
  r.matched = matching.matches.size();
  for (const auto& m : matching.matches) r.matched_by_reference += m.rule == engine::BankMatchRule::kReference;

  // A gateway deposit with no payout is reported once, as deposit_without_payout (same keys).
  std::multiset<std::string> gateway_only;
  for (const auto& b : r.payouts.breaks)
    if (b.type == engine::BreakType::kDepositWithoutPayout) gateway_only.insert(b.keys);
  for (auto& b : matching.breaks) {
    if (b.type == engine::BreakType::kUnmatchedDeposit)
      if (auto it = gateway_only.find(b.keys); it != gateway_only.end()) {
        gateway_only.erase(it);
        continue;
      }
    r.breaks.push_back(std::move(b));
  }
  r.breaks.insert(r.breaks.end(), r.payouts.breaks.begin(), r.payouts.breaks.end());
  for (const auto& f : r.payouts.fees) r.breaks.push_back(engine::fee_break(f));
  engine::sort_breaks(r.breaks);

  r.exceptions = engine::has_exceptions(r.breaks);
  r.summary = summarize(r, !input.gateway.empty());
  store.audit(reconcile_audit_entry(inv, "bank", r.from.iso() + ".." + r.to.iso(), r.summary, options.files));
  if (before_commit) before_commit(r);
  tx.commit();
  return r;
}

}  // namespace otc::ops
