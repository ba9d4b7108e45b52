#include <algorithm>
#include <map>

#include "otc/core/error.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/ops/credit.hpp"
#include "otc/ops/history.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

std::vector<AccountLine> customer_account(store::LedgerStore& store, const std::string& customer, core::Date as_of) {
  store::ReadTransaction tx(store);
  auto c = store.find_customer_contact(customer);
  if (!c) throw core::Error(core::ErrorKind::kNotFound, "no customer '" + customer + "' in the ledger");
  import::CollectionsPolicy policy;
  auto book = read_collections_book(store, as_of, policy);
  std::map<std::string, std::int64_t> unapplied;
  store.for_each_unapplied(as_of, [&](const domain::UnappliedCredit& u) {
    if (u.customer_external_id == customer) unapplied[std::string(u.currency.view())] += u.amount_minor;
  });
  auto events = store.customer_events(c->id);
  auto notes = store.notes(as_of, c->id);
  CreditCheckOptions credit_options{as_of};
  credit_options.customer = customer;
  credit_options.policy.hold_days_past_due = import::default_collections_policy().credit.hold_days_past_due;
  const auto credit = credit_lines(store, credit_options);
  tx.end();

  std::vector<AccountLine> out;
  auto line = [&](std::string section, std::string item) -> AccountLine& {
    out.push_back({});
    out.back().section = std::move(section);
    out.back().item = std::move(item);
    return out.back();
  };
  // Summary, per currency.
  std::map<std::string, std::pair<std::int64_t, int>> open;  // currency -> (open AR, exponent)
  for (const auto& a : book.accounts)
    if (a.customer.id == c->id) open[std::string(a.currency.view())] = {a.past_due.open_total, a.currency.exponent};
  for (const auto& [ccy, v] : open) {
    auto& l = line("summary", "open_ar");
    l.currency = ccy;
    l.exponent = v.second;
    l.amount = v.first;
  }
  for (const auto& [ccy, amount] : unapplied) {
    auto& l = line("summary", "unapplied_cash");
    auto cur = core::find_currency(ccy, true);
    l.currency = ccy;
    l.exponent = cur ? cur->exponent : 2;
    l.amount = amount;
  }
  // Credit (issue 10's rules, src/ops/credit.cpp): limit, exposure and hold, per currency.
  for (const auto& cl : credit) {
    const std::string ccy(cl.currency.code[0] ? cl.currency.view() : "");
    auto& l = line("summary", "credit_limit");
    l.currency = ccy;
    l.exponent = cl.currency.exponent;
    if (cl.limit) l.amount = *cl.limit;
    l.detail = cl.limit ? cl.limit_source == "set" ? "set by credit set" : "from the customers file" : "no limit set";
    auto& x = line("summary", "exposure");
    x.currency = ccy;
    x.exponent = cl.currency.exponent;
    x.amount = cl.exposure;
    x.detail = "open AR + billable unbilled - unapplied cash";
    if (cl.available)
      x.detail += *cl.available < 0 ? "; over the limit by " + core::format_amount(-*cl.available, cl.currency.exponent)
                                    : "; available " + core::format_amount(*cl.available, cl.currency.exponent);
    auto& h = line("summary", "credit_hold");
    h.currency = ccy;
    std::string why;
    for (const auto& r : cl.reasons) why += (why.empty() ? "" : "; ") + r;
    h.detail = std::string(cl.on_hold ? "ON HOLD" : "no") + (why.empty() ? "" : ": " + why);
  }
  // Last payment and average days to pay (amount-weighted, invoice date to application date).
  const store::CustomerEvent* last_payment = nullptr;
  __int128 weighted = 0;
  std::int64_t weight = 0;
  for (const auto& e : events) {
    if (e.date > as_of) continue;
    if (e.kind == "payment" && (!last_payment || e.date >= last_payment->date)) last_payment = &e;
    if ((e.kind == "application" || e.kind == "unapply") && e.invoice_date && e.amount_minor) {
      weighted += static_cast<__int128>(*e.amount_minor) * e.date.days_since(*e.invoice_date);
      weight += *e.amount_minor;
    }
  }
  {
    auto& l = line("summary", "last_payment");
    if (last_payment) {
      l.date = last_payment->date;
      l.currency = last_payment->currency;
      l.exponent = last_payment->exponent;
      l.amount = last_payment->amount_minor;
      l.detail = last_payment->id;
    } else {
      l.detail = "none";
    }
    auto& d = line("summary", "average_days_to_pay");
    if (weight > 0) {
      // Rounded half-up to whole days.
      auto days = static_cast<std::int64_t>((weighted * 2 + weight) / (2 * static_cast<__int128>(weight)));
      d.age_days = static_cast<int>(days);
      d.detail = "weighted by amount, invoice date to application date";
    } else {
      d.detail = "no payments applied";
    }
  }
  for (const auto& a : book.accounts) {
    if (a.customer.id != c->id) continue;
    for (const auto& it : a.items) {
      auto& l = line("open_item", it.invoice);
      l.date = it.invoice_date;
      l.due_date = it.due_date;
      l.age_days = engine::days_past_due(it.due_date, as_of);
      l.currency = std::string(a.currency.view());
      l.exponent = a.currency.exponent;
      l.amount = it.open_minor;
      l.status = *l.age_days > 0 ? "past due" : "current";
      if (it.disputed_minor) l.detail = "disputed " + core::format_amount(it.disputed_minor, a.currency.exponent);
    }
  }
  for (const auto& n : notes) {
    auto& l = line("note", std::to_string(n.id));
    l.date = n.date;
    l.status = n.kind;
    l.detail = (n.invoice.empty() ? "" : n.invoice + ": ") + n.text;
  }
  for (const auto& a : book.accounts) {
    if (a.customer.id != c->id) continue;
    for (const auto& p : a.promises) {
      auto& l = line("promise", std::to_string(p.record.id));
      l.date = p.record.made_on;
      l.due_date = p.record.due_date;
      l.currency = std::string(a.currency.view());
      l.exponent = a.currency.exponent;
      l.amount = p.record.amount_minor;
      l.status = std::string(engine::to_string(p.outcome.status));
      l.detail = "paid " + core::format_amount(p.outcome.paid_minor, a.currency.exponent) +
                 (p.record.plan_id ? "; plan " + std::to_string(*p.record.plan_id) + " installment " +
                                         std::to_string(p.record.installment)
                                   : std::string()) +
                 (p.record.invoices.empty() ? "" : "; invoices " + p.record.invoices);
    }
    for (const auto& n : a.notices) {
      auto& l = line("dunning", std::to_string(n.id));
      l.date = n.sent_on;
      l.currency = std::string(a.currency.view());
      l.exponent = a.currency.exponent;
      l.amount = n.past_due_minor;
      l.status = "level " + std::to_string(n.level);
      l.detail = n.channel + " " + n.file_name;
    }
  }
  for (const auto& d : book.disputes) {
    if (d.customer_id != c->id) continue;
    bool is_open = dispute_open_at(d, as_of);
    auto& l = line("dispute", std::to_string(d.id));
    l.date = d.opened_on;
    l.age_days = (is_open ? as_of : *d.resolved_on).days_since(d.opened_on);
    l.currency = std::string(d.currency.view());
    l.exponent = d.currency.exponent;
    l.amount = d.amount_minor;
    l.status = is_open ? "open" : "resolved " + d.outcome;
    l.detail = d.invoice + ": " + d.reason + ", owner " + d.owner;
  }
  return out;
}

}  // namespace otc::ops
