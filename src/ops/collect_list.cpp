// `collect list`: the prioritised work list, and the escalation rules it applies.
#include <algorithm>

#include "otc/core/error.hpp"
#include "otc/ops/collect.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

namespace {

/// The list inside the caller's transaction. `record`: write the escalations not yet recorded;
/// otherwise only say (in `pending`) whether there are any.
WorkListResult build_list(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                          const WorkListOptions& o, bool record, bool& pending) {
  auto book = read_collections_book(store, o.as_of, policy);
  std::vector<store::EscalationRecord> recorded;
  if (!record && !policy.escalations.empty()) recorded = store.escalations(core::Date::max());
  auto is_recorded = [&](std::int64_t customer_id, const core::Currency& ccy, const std::string& rule) {
    return std::any_of(recorded.begin(), recorded.end(), [&](const store::EscalationRecord& e) {
      return e.customer_id == customer_id && e.currency.view() == ccy.view() && e.rule == rule;
    });
  };
  WorkListResult r;
  std::vector<std::pair<engine::WorkKey, WorkRow>> rows;
  for (auto& a : book.accounts) {
    if (a.past_due.undisputed <= 0) continue;
    const int exp = a.currency.exponent;
    for (const auto& rule : policy.escalations) {
      auto min = core::parse_amount(rule.min_amount, exp);
      if (!engine::escalates(rule, min.ok() ? min.minor : 0, a.past_due.oldest_days, a.past_due.undisputed)) continue;
      if (!record) {
        if (!is_recorded(a.customer.id, a.currency, rule.name)) pending = true;
      } else if (store.add_escalation({a.customer.id, a.currency, rule.name, rule.owner, o.as_of})) {
        std::string what = a.customer.external_id + " " + std::string(a.currency.view()) + " -> " + rule.owner + " (rule " +
                           rule.name + ")";
        store.audit(audit_entry(inv, "escalate", "customers", a.customer.external_id,
                                "escalated to " + rule.owner + " by rule " + rule.name + " on " + o.as_of.iso() + ": " +
                                    core::format_amount(a.past_due.undisputed, exp) + " " + std::string(a.currency.view()) +
                                    " past due, oldest " + std::to_string(a.past_due.oldest_days) + " days"));
        r.escalated.push_back(what);
      }
      a.owner = rule.owner;  // the last matching rule wins (rules are read in file order)
      a.escalated = true;
    }
    if (!o.owner.empty() && a.owner != o.owner) continue;
    WorkRow w;
    w.customer_id = a.customer.external_id;
    w.customer_name = a.customer.name;
    w.currency = a.currency;
    w.past_due = a.past_due.undisputed;
    w.oldest_days = a.past_due.oldest_days;
    w.disputed_open = a.past_due.open_disputed;
    engine::ScoreInput si;
    si.past_due_minor = w.past_due;
    si.exponent = exp;
    si.oldest_days = w.oldest_days;
    si.as_of = o.as_of;
    si.escalated = a.escalated;
    if (const auto* p = a.latest_promise()) {
      w.promise_status = std::string(engine::to_string(p->outcome.status));
      w.promise_date = p->record.due_date;
      w.promise_amount = p->record.amount_minor;
      if (p->outcome.status == engine::PromiseStatus::kBroken) {
        si.promise_broken = true;
        si.broken_promise_date = p->record.due_date;
      }
    }
    w.dunning_level = a.reached_level;
    for (const auto& l : policy.levels)
      if (l.level > a.reached_level) {
        w.next_dunning_level = l.level;
        break;
      }
    if (a.last_contact) {
      w.last_contact_date = a.last_contact->date;
      w.last_contact_type = a.last_contact->kind;
      si.last_contact = a.last_contact->date;
    }
    w.owner = a.owner;
    w.credit_hold = credit_hold_text(store, a.customer.id, o.as_of);
    auto score = engine::priority_score(si);
    w.score = score.points;
    for (const auto& reason : score.reasons) w.reasons += (w.reasons.empty() ? "" : "; ") + reason;
    engine::WorkKey key{w.score, w.past_due, w.oldest_days, w.customer_id, std::string(w.currency.view())};
    rows.emplace_back(std::move(key), std::move(w));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return engine::work_order(x.first, y.first); });
  int rank = 0;
  for (auto& [k, w] : rows) {
    w.rank = ++rank;
    r.rows.push_back(std::move(w));
  }
  return r;
}

}  // namespace

WorkListResult collect_list(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                            const WorkListOptions& o) {
  // A report first: read in a snapshot (no writer lock, works for a read-only role). Only when an
  // escalation rule applies that is not yet recorded, the list is made again in a write
  // transaction that records it.
  bool pending = false;
  {
    store::ReadTransaction tx(store);
    auto r = build_list(store, inv, policy, o, false, pending);
    tx.end();
    if (!pending) return r;
  }
  store::WriteTransaction tx(store);
  auto r = build_list(store, inv, policy, o, true, pending);
  tx.commit();
  return r;
}

}  // namespace otc::ops
