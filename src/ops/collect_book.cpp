#include "otc/ops/collect_book.hpp"

#include "otc/core/error.hpp"
#include "otc/core/money.hpp"

#include "otc/ops/credit.hpp"
#include "otc/store/credit_store.hpp"

#include <algorithm>
#include <tuple>

namespace otc::ops {

bool Account::promise_due() const {
  return std::any_of(promises.begin(), promises.end(),
                     [](const PromiseView& p) { return p.outcome.status == engine::PromiseStatus::kDue; });
}

bool dispute_open_at(const store::DisputeRecord& d, core::Date as_of) {
  return d.opened_on <= as_of && (!d.resolved_on || *d.resolved_on > as_of);
}

store::IssuedInvoice open_invoice_on(store::LedgerStore& store, const std::string& invoice, core::Date date) {
  using core::Error;
  using core::ErrorKind;
  store::BillingStore& billing = store;
  auto i = billing.find_issued_invoice(invoice);
  if (!i) throw Error(ErrorKind::kNotFound, "no invoice '" + invoice + "' in the ledger");
  if (i->status != "open") throw Error(ErrorKind::kInput, "invoice " + invoice + " is " + i->status);
  if (date < i->invoice_date)
    throw Error(ErrorKind::kUsage, "--date " + date.iso() + " is before invoice " + invoice + "'s date " + i->invoice_date.iso());
  return *i;
}

std::int64_t positive_amount_option(const std::string& text, const core::Currency& currency) {
  auto r = core::parse_amount(text, currency.exponent);
  if (!r.ok() || r.minor <= 0)
    throw core::Error(core::ErrorKind::kUsage,
                      "--amount '" + text + "' is not a positive amount in " + std::string(currency.view()));
  return r.minor;
}

std::string credit_hold_text(store::LedgerStore& store, std::int64_t customer_id, core::Date as_of) {
  // Issue 10's hold rules (src/ops/credit.cpp, engine/credit.cpp) with the built-in policy's days.
  std::string ext;
  for (const auto& c : store.credit_customers())
    if (c.id == customer_id) ext = c.external_id;
  if (ext.empty()) return "no";
  CreditCheckOptions o{as_of};
  o.customer = ext;
  o.holds_only = true;
  o.policy.hold_days_past_due = import::default_collections_policy().credit.hold_days_past_due;
  std::string why;
  bool held = false;
  for (const auto& l : credit_lines(store, o)) {
    if (!l.on_hold) continue;
    held = true;
    for (const auto& r : l.reasons)
      if (why.find(r) == std::string::npos) why += (why.empty() ? "" : "; ") + r;
  }
  return held ? "yes: " + why : "no";
}

CollectionsBook read_collections_book(store::LedgerStore& store, core::Date as_of, const import::CollectionsPolicy& policy) {
  CollectionsBook book;
  book.as_of = as_of;
  store.for_each_customer_contact([&](const store::CustomerContact& c) { book.customers[c.id] = c; });
  book.disputes = store.disputes(as_of);
  std::map<std::int64_t, std::int64_t> disputed;  // invoice id -> open disputes
  for (const auto& d : book.disputes)
    if (dispute_open_at(d, as_of)) disputed[d.invoice_id] += d.amount_minor;

  std::map<std::pair<std::string, std::string>, Account> accounts;  // (customer ext id, currency)
  std::map<std::int64_t, std::string> ext_of;
  auto account = [&](std::int64_t customer_id, const core::Currency& ccy) -> Account& {
    const auto& c = book.customers[customer_id];
    auto& a = accounts[{c.external_id, std::string(ccy.view())}];
    if (a.customer.id == 0) {
      a.customer = c;
      a.currency = ccy;
    }
    return a;
  };
  store.for_each_open_item(as_of, [&](const domain::OpenItem& i) {
    if (i.open_minor <= 0) return;
    engine::CollectionItem it;
    it.invoice_id = i.invoice_id;
    it.invoice = i.invoice_external_id;
    it.invoice_date = i.invoice_date;
    it.due_date = i.due_date;
    it.open_minor = i.open_minor;
    auto d = disputed.find(i.invoice_id);
    it.disputed_minor = engine::disputed_part(i.open_minor, d == disputed.end() ? 0 : d->second);
    account(i.customer_id, i.currency).items.push_back(std::move(it));
  });

  // Promises: a plan's installments share their cash; other promises stand alone.
  auto cash = store.cash_applied(as_of);
  auto promises = store.promises(as_of);
  std::map<std::int64_t, std::vector<store::PromiseRecord>> plans;
  std::vector<std::vector<store::PromiseRecord>> groups;
  for (auto& p : promises) {
    if (p.plan_id) plans[*p.plan_id].push_back(p);
    else groups.push_back({p});
  }
  for (auto& [id, v] : plans) groups.push_back(std::move(v));
  for (auto& g : groups) {
    const auto& first = g.front();
    std::vector<engine::PromiseTerms> terms;
    for (const auto& p : g) terms.push_back({p.id, p.made_on, p.due_date, p.amount_minor});
    std::vector<engine::CashEvent> events;
    for (const auto& c : cash) {
      if (c.customer_id != first.customer_id || !(c.currency == first.currency)) continue;
      if (!first.invoice_ids.empty() &&
          std::find(first.invoice_ids.begin(), first.invoice_ids.end(), c.invoice_id) == first.invoice_ids.end())
        continue;
      events.push_back({c.date, c.amount_minor});
    }
    auto outcomes = engine::evaluate_promises(terms, events, as_of);
    auto& a = account(first.customer_id, first.currency);
    for (std::size_t i = 0; i < g.size(); ++i) a.promises.push_back({g[i], outcomes[i]});
  }

  auto notices = store.dunning_notices(as_of);
  auto notes = store.notes(as_of, std::nullopt);
  auto escalations = store.escalations(as_of);
  for (auto& [key, a] : accounts) {
    std::sort(a.items.begin(), a.items.end(), [](const auto& x, const auto& y) {
      return std::tie(x.due_date, x.invoice) < std::tie(y.due_date, y.invoice);
    });
    std::sort(a.promises.begin(), a.promises.end(), [](const PromiseView& x, const PromiseView& y) {
      return std::tie(x.record.due_date, x.record.id) < std::tie(y.record.due_date, y.record.id);
    });
    a.past_due = engine::past_due_of(a.items, as_of);
    std::vector<engine::SentNotice> sent;
    for (const auto& n : notices)
      if (n.customer_id == a.customer.id && n.currency == a.currency) {
        a.notices.push_back(n);
        sent.push_back({n.level, n.invoice_ids});
      }
    a.reached_level = engine::level_reached(sent, a.past_due.invoice_ids);
    for (const auto& n : notes)
      if (n.customer_id == a.customer.id) a.last_contact = n;  // notes come by date, id
    a.owner = policy.default_owner;
    for (const auto& e : escalations)
      if (e.customer_id == a.customer.id && e.currency == a.currency) {
        a.owner = e.owner;
        a.escalated = true;
      }
    book.accounts.push_back(std::move(a));
  }
  return book;
}

}  // namespace otc::ops
