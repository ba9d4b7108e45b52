#include "otc/ops/dispute.hpp"

#include <algorithm>
#include <map>

#include "otc/core/error.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/ops/invoice_corrections.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

using core::Error;
using core::ErrorKind;

const std::vector<std::string>& dispute_reasons() {
  static const std::vector<std::string> k = {"pricing", "quantity", "service", "duplicate", "tax", "other"};
  return k;
}

DisputeResult open_dispute(store::LedgerStore& store, const Invocation& inv, const DisputeOpen& o) {
  const auto& reasons = dispute_reasons();
  if (std::find(reasons.begin(), reasons.end(), o.reason) == reasons.end())
    throw Error(ErrorKind::kUsage, "--reason must be pricing, quantity, service, duplicate, tax or other, not '" + o.reason + "'");
  if (o.owner.empty()) throw Error(ErrorKind::kUsage, "--owner must name who works the dispute");
  store::WriteTransaction tx(store);
  const store::IssuedInvoice invoice = open_invoice_on(store, o.invoice, o.date);
  const auto& c = invoice.currency;
  std::int64_t amount = invoice.open;
  if (!o.amount.empty()) {
    amount = positive_amount_option(o.amount, c);
  }
  if (auto same = store.find_same_dispute(invoice.id, o.date, amount, o.reason))
    return {false, same->id, {}, "dispute " + std::to_string(same->id) + " on " + o.invoice + " is already open; nothing added"};
  std::int64_t already = 0;
  for (const auto& d : store.disputes(core::Date::max()))
    if (d.invoice_id == invoice.id && !d.resolved_on) already += d.amount_minor;
  if (amount > invoice.open - already)
    throw Error(ErrorKind::kInput, "a dispute of " + core::format_amount(amount, c.exponent) + " exceeds what of invoice " + o.invoice +
                                       " is open and not yet disputed (" + core::format_amount(invoice.open - already, c.exponent) + " " +
                                       std::string(c.view()) + ")");
  store::DisputeRecord d;
  d.invoice_id = invoice.id;
  d.amount_minor = amount;
  d.reason = o.reason;
  d.owner = o.owner;
  d.opened_on = o.date;
  d.note = o.note;
  auto id = store.add_dispute(d);
  store.audit(audit_entry(inv, "dispute", "invoices", o.invoice,
                          "dispute " + std::to_string(id) + " opened on " + o.date.iso() + ": " +
                              core::format_amount(amount, c.exponent) + " " + std::string(c.view()) + ", " + o.reason + ", owner " +
                              o.owner + (o.note.empty() ? "" : "; " + o.note)));
  tx.commit();
  return {true, id, {}, "dispute " + std::to_string(id) + " opened on " + o.invoice};
}

DisputeResult resolve_dispute(store::LedgerStore& store, const Invocation& inv, const DisputeResolve& o) {
  static const std::vector<std::string> kOutcomes = {"credit", "rebill", "reject", "paid"};
  if (std::find(kOutcomes.begin(), kOutcomes.end(), o.outcome) == kOutcomes.end())
    throw Error(ErrorKind::kUsage, "--outcome must be credit, rebill, reject or paid, not '" + o.outcome + "'");
  std::optional<store::DisputeRecord> d;
  {
    store::ReadTransaction rt(store);
    d = store.find_dispute(o.id);
    rt.end();
  }
  if (!d) throw Error(ErrorKind::kNotFound, "no dispute " + std::to_string(o.id) + " in the ledger (see `otc dispute list`)");
  const std::string id_text = "dispute " + std::to_string(o.id);
  if (d->resolved_on) {
    if (d->outcome == o.outcome) return {false, o.id, d->credit_memo, id_text + " was already resolved (" + d->outcome + "); nothing to do"};
    throw Error(ErrorKind::kInput, id_text + " was already resolved on " + d->resolved_on->iso() + " (" + d->outcome + ")");
  }
  if (o.date < d->opened_on)
    throw Error(ErrorKind::kUsage, "--date " + o.date.iso() + " is before " + id_text + " was opened (" + d->opened_on.iso() + ")");
  auto record = [&](const std::string& memo) {
    auto again = store.find_dispute(o.id);  // under the writer lock
    if (!again || again->resolved_on) throw Error(ErrorKind::kInput, id_text + " was resolved meanwhile");
    store.resolve_dispute(o.id, o.date, o.outcome, o.note, memo);
    store.audit(audit_entry(inv, "resolve", "disputes", std::to_string(o.id),
                            "resolved on " + o.date.iso() + ": " + o.outcome + (memo.empty() ? "" : ", credit memo " + memo) +
                                " (invoice " + d->invoice + ")" + (o.note.empty() ? "" : "; " + o.note)));
  };
  if (o.outcome == "credit") {
    CreditOptions c;
    c.invoice = d->invoice;
    c.date = o.date;
    c.reason = id_text + " (" + d->reason + ")" + (o.note.empty() ? "" : ": " + o.note);
    std::int64_t open = 0;
    {
      store::ReadTransaction rt(store);
      store::BillingStore& billing = store;
      auto i = billing.find_issued_invoice(d->invoice);
      open = i ? i->open : 0;
      rt.end();
    }
    std::int64_t amount = std::min(open, d->amount_minor);
    if (amount <= 0) throw Error(ErrorKind::kInput, "invoice " + d->invoice + " has no open balance left to credit for " + id_text,
                                 {}, "resolve it with --outcome paid or reject");
    c.amount = core::format_amount(amount, d->currency.exponent);
    std::string memo;
    auto r = credit_invoice(store, inv, c, [&](const CorrectionResult& cr) {
      memo = cr.rows.empty() ? std::string() : cr.rows.front().document;
      record(memo);
    });
    return {true, o.id, memo, id_text + " resolved (credit): " + r.note};
  }
  store::WriteTransaction tx(store);
  record({});
  tx.commit();
  return {true, o.id, {}, id_text + " resolved (" + o.outcome + ")"};
}

std::vector<DisputeRow> list_disputes(store::LedgerStore& store, core::Date as_of, const std::string& status) {
  if (status != "open" && status != "resolved" && status != "all")
    throw Error(ErrorKind::kUsage, "--status must be open, resolved or all, not '" + status + "'");
  store::ReadTransaction tx(store);
  auto all = store.disputes(as_of);
  std::map<std::int64_t, store::CustomerContact> customers;
  store.for_each_customer_contact([&](const store::CustomerContact& c) { customers[c.id] = c; });
  tx.end();
  std::vector<DisputeRow> out;
  for (const auto& d : all) {
    bool open = dispute_open_at(d, as_of);
    if ((status == "open" && !open) || (status == "resolved" && open)) continue;
    DisputeRow r;
    r.id = d.id;
    r.customer_id = customers[d.customer_id].external_id;
    r.customer_name = customers[d.customer_id].name;
    r.invoice = d.invoice;
    r.currency = d.currency;
    r.amount = d.amount_minor;
    r.reason = d.reason;
    r.owner = d.owner;
    r.opened_on = d.opened_on;
    r.status = open ? "open" : "resolved";
    r.age_days = open ? as_of.days_since(d.opened_on) : d.resolved_on->days_since(d.opened_on);
    if (!open) {
      r.outcome = d.outcome;
      r.resolved_on = d.resolved_on;
      r.credit_memo = d.credit_memo;
    }
    r.note = d.note;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace otc::ops
