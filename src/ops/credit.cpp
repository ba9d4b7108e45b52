#include "otc/ops/credit.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "otc/core/error.hpp"
#include "otc/engine/kpi.hpp"
#include "otc/ops/invoice_run.hpp"
#include "otc/ops/unbilled.hpp"
#include "otc/store/credit_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

using core::Error;
using core::ErrorKind;

namespace {

using LineKey = std::pair<std::string, std::string>;  // customer id, currency

std::map<std::int64_t, std::vector<store::CreditHoldEvent>> events_by_customer(store::LedgerStore& store) {
  std::map<std::int64_t, std::vector<store::CreditHoldEvent>> out;
  for (auto& e : store.credit_hold_events()) out[e.customer_id].push_back(std::move(e));
  return out;
}

store::CreditCustomer require_customer(store::LedgerStore& store, const std::string& id) {
  auto c = store.credit_customer(id);
  if (!c) throw Error(ErrorKind::kNotFound, "customer '" + id + "' is not in the ledger", {}, "import it with `otc import customers`");
  return *c;
}

}  // namespace

std::vector<engine::CreditLine> credit_lines(store::LedgerStore& store, const CreditCheckOptions& o) {
  const core::Date d = o.as_of;
  std::optional<store::CreditCustomer> only;
  if (o.customer) only = require_customer(store, *o.customer);
  const auto customers = store.credit_customers();
  std::map<std::string, const store::CreditCustomer*> by_ext;
  std::map<std::int64_t, const store::CreditCustomer*> by_id;
  for (const auto& c : customers) {
    by_ext[c.external_id] = &c;
    by_id[c.id] = &c;
  }
  std::map<LineKey, engine::CreditLine> lines;
  auto line = [&](const std::string& cust, const core::Currency& ccy) -> engine::CreditLine& {
    LineKey key{cust, std::string(ccy.view())};
    auto it = lines.find(key);
    if (it == lines.end()) {
      engine::CreditLine l;
      l.customer_id = cust;
      l.currency = ccy;
      if (auto c = by_ext.find(cust); c != by_ext.end()) {
        l.customer_key = c->second->id;
        l.customer_name = c->second->name;
      }
      it = lines.emplace(std::move(key), std::move(l)).first;
    }
    return it->second;
  };
  store.for_each_open_item(d, [&](const domain::OpenItem& item) {
    auto& l = line(item.customer_external_id, item.currency);
    l.open_ar = core::checked_add(l.open_ar, item.open_minor);
    if (item.due_date < d) {  // past due: aging's rule (current while due date ≥ D)
      l.past_due = core::checked_add(l.past_due, item.open_minor);
      l.max_days_past_due = std::max(l.max_days_past_due, static_cast<int>(d.days_since(item.due_date)));
    }
  });
  store.for_each_unapplied(d, [&](const domain::UnappliedCredit& u) {
    if (u.customer_external_id.empty()) return;  // cash not yet identified to a customer
    auto& l = line(u.customer_external_id, u.currency);
    l.unapplied = core::checked_add(l.unapplied, u.amount_minor);
  });
  // Limits: `credit set` per currency; else the customers file's limit in the customer's currency.
  std::map<std::int64_t, std::map<std::string, store::CreditLimitRecord>> set_limits;
  for (const auto& r : store.credit_limits()) set_limits[r.customer_id][std::string(r.currency.view())] = r;
  bool any_limit = !set_limits.empty();
  for (const auto& c : customers) any_limit = any_limit || c.imported_limit.has_value();
  if (any_limit || !o.holds_only) {
    UnbilledOptions uo;
    uo.as_of = d;
    uo.billing = billing_options("half-up");
    uo.billable_only = true;
    if (only) uo.customer = only->external_id;
    unbilled_items(store, uo, [&](const engine::UnbilledItem& it) {
      auto& l = line(it.customer, it.currency);
      l.billable_unbilled = core::checked_add(l.billable_unbilled, it.amount);
      l.billable_unbilled_tax = core::checked_add(l.billable_unbilled_tax, it.tax);
    });
  }
  for (const auto& c : customers) {
    if (auto it = set_limits.find(c.id); it != set_limits.end()) {
      for (const auto& [code, r] : it->second) {
        auto& l = line(c.external_id, r.currency);
        l.limit = r.limit_minor;
        l.limit_source = "set";
        l.review_by = r.review_by;
      }
    }
    if (c.imported_limit && !c.currency.empty()) {
      if (auto ccy = core::find_currency(c.currency, true)) {
        auto& l = line(c.external_id, *ccy);
        if (!l.limit) {
          l.limit = *c.imported_limit;
          l.limit_source = "import";
        }
      }
    }
  }
  const auto events = events_by_customer(store);
  std::map<std::int64_t, engine::ManualHold> manual;
  for (const auto& [cid, evs] : events) {
    manual[cid] = engine::manual_hold_at(evs, d);
    auto c = by_id.find(cid);
    if (c == by_id.end() || !manual[cid].held) continue;
    // A customer held by hand shows even with nothing open: in its currency, if it has one.
    bool has_line = false;
    for (const auto& [key, l] : lines) has_line = has_line || key.first == c->second->external_id;
    if (!has_line) {
      core::Currency ccy{};
      if (auto found = core::find_currency(c->second->currency, true)) ccy = *found;
      line(c->second->external_id, ccy);
    }
  }
  std::vector<engine::CreditLine> out;
  for (auto& [key, l] : lines) {
    if (only && l.customer_id != only->external_id) continue;
    auto m = manual.find(l.customer_key);
    engine::assess_credit(l, m == manual.end() ? engine::ManualHold{} : m->second, o.policy, d);
    if (o.due_reviews && !l.review_due) continue;
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<engine::CreditLine> credit_check(store::LedgerStore& store, const CreditCheckOptions& o) {
  store::ReadTransaction tx(store);
  auto r = credit_lines(store, o);
  tx.end();
  return r;
}

std::map<std::string, std::vector<std::string>> held_customers(store::LedgerStore& store, core::Date as_of,
                                                               const engine::CreditPolicy& policy) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& l : credit_lines(store, {as_of, std::nullopt, false, policy}))
    if (l.on_hold) {
      auto& r = out[l.customer_id];
      for (const auto& why : l.reasons)
        if (std::find(r.begin(), r.end(), why) == r.end()) r.push_back(why);
    }
  return out;
}

CreditSetResult credit_set(store::LedgerStore& store, const Invocation& inv, const CreditSetOptions& o) {
  store::WriteTransaction tx(store);
  const auto c = require_customer(store, o.customer);
  std::string code = o.currency ? *o.currency : c.currency;
  if (code.empty())
    throw Error(ErrorKind::kUsage, "customer '" + o.customer + "' has no default currency: give --currency");
  auto ccy = core::find_currency(code);
  if (!ccy) throw Error(ErrorKind::kUsage, "--currency '" + code + "' is not an ISO 4217 currency code");
  auto amount = core::parse_amount(o.limit, ccy->exponent);
  if (!amount.ok())
    throw Error(ErrorKind::kUsage, "--limit '" + o.limit + "': " + std::string(core::describe(*amount.error)));
  if (amount.minor < 0) throw Error(ErrorKind::kUsage, "--limit must not be negative");
  CreditSetResult r;
  r.limit = {c.id, *ccy, amount.minor, o.review_by, o.on};
  for (const auto& old : store.credit_limits())
    if (old.customer_id == c.id && old.currency == *ccy) r.previous = old;
  if (r.previous && r.previous->limit_minor == amount.minor && r.previous->review_by == o.review_by) {
    tx.rollback();
    return r;
  }
  store.put_credit_limit(r.limit);
  std::string detail = "limit " + core::format_amount(amount.minor, ccy->exponent) + " " + std::string(ccy->view());
  if (r.previous) detail += " (was " + core::format_amount(r.previous->limit_minor, ccy->exponent) + ")";
  if (o.review_by) detail += ", review by " + o.review_by->iso();
  store.audit(audit_entry(inv, "set", "credit_limit", c.external_id, detail));
  tx.commit();
  r.changed = true;
  return r;
}

namespace {

HoldResult hold_event(store::LedgerStore& store, const Invocation& inv, const std::string& customer, const std::string& action,
                      const std::string& reason, core::Date on, std::optional<core::Date> until) {
  if (reason.empty()) throw Error(ErrorKind::kUsage, "--reason is required");
  if (until && *until < on) throw Error(ErrorKind::kUsage, "--until " + until->iso() + " is before " + on.iso());
  store::WriteTransaction tx(store);
  const auto c = require_customer(store, customer);
  std::vector<store::CreditHoldEvent> mine;
  for (auto& e : store.credit_hold_events())
    if (e.customer_id == c.id) mine.push_back(std::move(e));
  HoldResult r;
  r.before = engine::manual_hold_at(mine, on);
  const bool hold = action == "hold";
  // The same state again changes nothing (a release with a new --until is a change).
  const bool same = hold ? r.before.held : (!r.before.held && r.before.override_until == until);
  if (same) {
    r.after = r.before;
    tx.rollback();
    return r;
  }
  store::CreditHoldEvent e;
  e.customer_id = c.id;
  e.action = action;
  e.effective_on = on;
  e.until = until;
  e.reason = reason;
  store.add_credit_hold_event(e);
  std::string detail = action + " from " + on.iso() + ": " + reason;
  if (until) detail += " (automatic holds overridden through " + until->iso() + ")";
  store.audit(audit_entry(inv, action, "credit_hold", c.external_id, detail));
  mine.push_back(e);
  r.after = engine::manual_hold_at(mine, on);
  tx.commit();
  r.changed = true;
  return r;
}

}  // namespace

HoldResult credit_hold(store::LedgerStore& store, const Invocation& inv, const std::string& customer,
                       const std::string& reason, core::Date on) {
  return hold_event(store, inv, customer, "hold", reason, on, std::nullopt);
}

HoldResult credit_release(store::LedgerStore& store, const Invocation& inv, const std::string& customer,
                          const std::string& reason, core::Date on, std::optional<core::Date> until) {
  return hold_event(store, inv, customer, "release", reason, on, until);
}

std::vector<engine::RiskScore> credit_risk(store::LedgerStore& store, const RiskOptions& o) {
  const core::Date d = o.as_of;
  store::ReadTransaction tx(store);
  auto lines = credit_lines(store, {d, std::nullopt, false, o.policy});
  std::map<std::string, engine::RiskInput> inputs;
  for (const auto& l : lines) {
    if (l.customer_id.empty()) continue;
    auto& in = inputs[l.customer_id];
    in.customer_id = l.customer_id;
    in.customer_name = l.customer_name;
    if (l.open_ar > 0)
      in.past_due_share_bp = std::max(in.past_due_share_bp, core::divide_rounded(static_cast<__int128>(l.past_due) * 10000, l.open_ar, core::Rounding::kHalfUp));
    if (l.utilisation_x100) in.utilisation_bp = std::max(in.utilisation_bp.value_or(0), *l.utilisation_x100);
  }
  // Days to pay, last 90 days against the 90 before, per currency; the currency slowing most counts.
  std::map<LineKey, std::pair<engine::KpiInput, engine::KpiInput>> dtp;
  const core::Date recent_from = d.add_days(-89), prior_from = d.add_days(-179);
  store.for_each_cash_application(prior_from, d, [&](const store::CashApplicationFact& a) {
    auto& p = dtp[{*a.customer_external_id, std::string(a.currency.view())}];
    engine::add_days_to_pay(a.applied_on >= recent_from ? p.first : p.second, a.amount_minor, a.invoice_date, a.received_date);
  });
  for (auto& [key, p] : dtp) {
    auto it = inputs.find(key.first);
    if (it == inputs.end()) {
      it = inputs.emplace(key.first, engine::RiskInput{}).first;
      it->second.customer_id = key.first;
    }
    auto& in = it->second;
    auto recent = engine::compute_kpi(p.first).avg_days_to_pay_x100;
    auto prior = engine::compute_kpi(p.second).avg_days_to_pay_x100;
    auto slower = [](const std::optional<std::int64_t>& r, const std::optional<std::int64_t>& q) {
      return r && q ? *r - *q : std::numeric_limits<std::int64_t>::min();
    };
    if (!in.recent_days_to_pay_x100 || slower(recent, prior) > slower(in.recent_days_to_pay_x100, in.prior_days_to_pay_x100)) {
      if (recent) {
        in.recent_days_to_pay_x100 = recent;
        in.prior_days_to_pay_x100 = prior;
      }
    }
  }
  std::map<std::int64_t, std::string> ext_of;
  for (const auto& c : store.credit_customers()) {
    ext_of[c.id] = c.external_id;
    if (auto it = inputs.find(c.external_id); it != inputs.end() && it->second.customer_name.empty())
      it->second.customer_name = c.name;
  }
  for (const auto& [cid, n] : store.reversed_payment_counts(d.add_days(-364), d))
    if (auto it = inputs.find(ext_of[cid]); it != inputs.end()) it->second.returned_payments = n;
  add_collections_risk_inputs(store, d, inputs);
  tx.end();

  std::vector<engine::RiskScore> out;
  for (auto& [id, in] : inputs) out.push_back(engine::score_risk(in));
  std::stable_sort(out.begin(), out.end(), [](const engine::RiskScore& a, const engine::RiskScore& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.in.customer_id < b.in.customer_id;
  });
  if (o.top > 0 && out.size() > static_cast<std::size_t>(o.top)) out.resize(static_cast<std::size_t>(o.top));
  return out;
}

}  // namespace otc::ops
