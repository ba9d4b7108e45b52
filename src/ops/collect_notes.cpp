// `collect note`, `collect promise`, `collect plan`, `collect promises`.
#include <algorithm>
#include <set>

#include "otc/core/error.hpp"
#include "otc/ops/collect.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;

store::CustomerContact find_customer(store::LedgerStore& store, const std::string& ext) {
  auto c = store.find_customer_contact(ext);
  if (!c) throw Error(ErrorKind::kNotFound, "no customer '" + ext + "' in the ledger");
  return *c;
}

/// The customer's open balance per currency at `d`.
std::map<std::string, std::int64_t> open_by_currency(store::LedgerStore& store, std::int64_t customer_id, core::Date d) {
  std::map<std::string, std::int64_t> out;
  store.for_each_open_item(d, [&](const domain::OpenItem& i) {
    if (i.customer_id == customer_id) out[std::string(i.currency.view())] += i.open_minor;
  });
  return out;
}

/// The currency of a promise or plan: --currency, else the one currency the customer has open
/// items in, else its billing currency.
core::Currency account_currency(store::LedgerStore& store, const store::CustomerContact& c, const std::string& given,
                                core::Date d) {
  std::string code = given;
  if (code.empty()) {
    auto open = open_by_currency(store, c.id, d);
    if (open.size() > 1)
      throw Error(ErrorKind::kUsage, "customer " + c.external_id + " has open items in " + std::to_string(open.size()) +
                                         " currencies: give --currency");
    code = open.empty() ? c.currency : open.begin()->first;
  }
  if (code.empty()) throw Error(ErrorKind::kUsage, "customer " + c.external_id + " has no open items: give --currency");
  auto ccy = core::find_currency(code, true);
  if (!ccy) throw Error(ErrorKind::kUsage, "--currency '" + code + "' is not a currency code");
  return *ccy;
}

std::int64_t positive_amount(const std::string& text, const core::Currency& c, const char* option) {
  auto r = core::parse_amount(text, c.exponent);
  if (!r.ok() || r.minor <= 0)
    throw Error(ErrorKind::kUsage, std::string(option) + " '" + text + "' is not a positive amount in " + std::string(c.view()));
  return r.minor;
}

std::string money(std::int64_t minor, const core::Currency& c) {
  return core::format_amount(minor, c.exponent) + " " + std::string(c.view());
}

}  // namespace

CollectResult collect_note(store::LedgerStore& store, const Invocation& inv, const NoteOptions& o) {
  static const std::set<std::string> kKinds = {"call", "email", "meeting", "letter"};
  if (!kKinds.count(o.kind)) throw Error(ErrorKind::kUsage, "--type must be call, email, meeting or letter, not '" + o.kind + "'");
  if (o.text.empty()) throw Error(ErrorKind::kUsage, "the note's TEXT is empty");
  store::WriteTransaction tx(store);
  auto c = find_customer(store, o.customer);
  store::NoteRecord n;
  n.customer_id = c.id;
  n.date = o.date;
  n.kind = o.kind;
  n.text = o.text;
  if (!o.invoice.empty()) {
    auto i = store.find_issued_invoice(o.invoice);
    if (!i) throw Error(ErrorKind::kNotFound, "no invoice '" + o.invoice + "' in the ledger");
    if (i->customer_id != c.id) throw Error(ErrorKind::kInput, "invoice " + o.invoice + " is not customer " + o.customer + "'s");
    n.invoice_id = i->id;
  }
  auto id = store.add_note(n);
  if (!id) return {false, o.customer + ": the same note is already there; nothing added", 0};
  store.audit(audit_entry(inv, "note", "customers", o.customer,
                          o.kind + " on " + o.date.iso() + (o.invoice.empty() ? "" : " about " + o.invoice) + ": " + o.text));
  tx.commit();
  return {true, o.customer + ": note " + std::to_string(*id) + " added (" + o.kind + ", " + o.date.iso() + ")", *id};
}

CollectResult collect_promise(store::LedgerStore& store, const Invocation& inv, const PromiseOptions& o) {
  if (o.due_date < o.made_on)
    throw Error(ErrorKind::kUsage, "--date " + o.due_date.iso() + " is before the day the promise is made (" + o.made_on.iso() + ")",
                {}, "a promise is made on --as-of (default today) to pay by --date");
  store::WriteTransaction tx(store);
  auto c = find_customer(store, o.customer);
  store::PromiseRecord p;
  p.customer_id = c.id;
  p.made_on = o.made_on;
  p.due_date = o.due_date;
  std::optional<core::Currency> ccy;
  std::vector<std::int64_t> ids;
  for (const auto& number : o.invoices) {
    auto i = store.find_issued_invoice(number);
    if (!i) throw Error(ErrorKind::kNotFound, "no invoice '" + number + "' in the ledger");
    if (i->customer_id != c.id) throw Error(ErrorKind::kInput, "invoice " + number + " is not customer " + o.customer + "'s");
    if (ccy && !(*ccy == i->currency)) throw Error(ErrorKind::kInput, "the invoices of one promise must share a currency");
    ccy = i->currency;
    ids.push_back(i->id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  p.invoice_ids = ids;
  p.currency = ccy ? *ccy : account_currency(store, c, o.currency, o.made_on);
  p.amount_minor = positive_amount(o.amount, p.currency, "--amount");
  auto id = store.add_promise(p);
  if (!id) return {false, o.customer + ": the same promise is already there; nothing added", 0};
  std::string what = money(p.amount_minor, p.currency) + " by " + o.due_date.iso() +
                     (o.invoices.empty() ? std::string() : " for " + std::to_string(ids.size()) + " invoice(s)");
  store.audit(audit_entry(inv, "promise", "customers", o.customer, "promise " + std::to_string(*id) + " made on " +
                                                                       o.made_on.iso() + ": " + what));
  tx.commit();
  return {true, o.customer + ": promise " + std::to_string(*id) + " to pay " + what, *id};
}

std::vector<std::int64_t> split_installments(std::int64_t total, int n) {
  std::vector<std::int64_t> out;
  std::int64_t base = total / n, rest = total % n;
  for (int i = 0; i < n; ++i) out.push_back(base + (i < rest ? 1 : 0));
  return out;
}

CollectResult collect_plan(store::LedgerStore& store, const Invocation& inv, const PlanOptions& o) {
  if (o.installments < 1 || o.installments > 120) throw Error(ErrorKind::kUsage, "--installments must be 1 to 120");
  if (o.every != "month" && o.every != "week") throw Error(ErrorKind::kUsage, "--every must be month or week");
  if (o.first < o.made_on)
    throw Error(ErrorKind::kUsage, "--first " + o.first.iso() + " is before the day the plan is made (" + o.made_on.iso() + ")");
  store::WriteTransaction tx(store);
  auto c = find_customer(store, o.customer);
  store::PlanDraft plan;
  plan.customer_id = c.id;
  plan.currency = account_currency(store, c, o.currency, o.made_on);
  if (o.amount.empty()) {
    auto open = open_by_currency(store, c.id, o.made_on);
    plan.total_minor = open[std::string(plan.currency.view())];
    if (plan.total_minor <= 0)
      throw Error(ErrorKind::kInput, "customer " + o.customer + " has no open balance in " + std::string(plan.currency.view()) +
                                         ": give --amount");
  } else {
    plan.total_minor = positive_amount(o.amount, plan.currency, "--amount");
  }
  if (plan.total_minor < o.installments) throw Error(ErrorKind::kUsage, "the plan's total is smaller than its installment count");
  plan.installments = o.installments;
  plan.every = o.every;
  plan.first_date = o.first;
  plan.made_on = o.made_on;
  auto [plan_id, is_new] = store.add_plan(plan);
  if (!is_new) return {false, o.customer + ": the same plan (" + std::to_string(plan_id) + ") is already there; nothing added", plan_id};
  auto parts = split_installments(plan.total_minor, o.installments);
  std::string dates;
  for (int k = 0; k < o.installments; ++k) {
    store::PromiseRecord p;
    p.customer_id = c.id;
    p.currency = plan.currency;
    p.amount_minor = parts[static_cast<std::size_t>(k)];
    p.made_on = o.made_on;
    p.due_date = o.every == "month" ? o.first.add_months(k) : o.first.add_days(7 * k);
    p.plan_id = plan_id;
    p.installment = k + 1;
    store.add_promise(p);
    dates += (dates.empty() ? "" : ", ") + p.due_date.iso() + " " + core::format_amount(p.amount_minor, p.currency.exponent);
  }
  std::string what = money(plan.total_minor, plan.currency) + " in " + std::to_string(o.installments) + " installment(s) every " +
                     o.every + ": " + dates;
  store.audit(audit_entry(inv, "plan", "customers", o.customer, "plan " + std::to_string(plan_id) + ": " + what));
  tx.commit();
  return {true, o.customer + ": plan " + std::to_string(plan_id) + ", " + what, plan_id};
}

std::vector<PromiseRow> collect_promises(store::LedgerStore& store, core::Date as_of, std::optional<engine::PromiseStatus> status) {
  store::ReadTransaction tx(store);
  auto policy = import::CollectionsPolicy{};
  auto book = read_collections_book(store, as_of, policy);
  tx.end();
  std::vector<PromiseRow> out;
  for (const auto& a : book.accounts)
    for (const auto& p : a.promises) {
      if (status && p.outcome.status != *status) continue;
      PromiseRow r;
      r.id = p.record.id;
      r.customer_id = a.customer.external_id;
      r.customer_name = a.customer.name;
      r.currency = a.currency;
      r.amount = p.record.amount_minor;
      r.paid = p.outcome.paid_minor;
      r.made_on = p.record.made_on;
      r.due_date = p.record.due_date;
      r.status = std::string(engine::to_string(p.outcome.status));
      r.kept_on = p.outcome.kept_on;
      r.invoices = p.record.invoices;
      r.plan_id = p.record.plan_id;
      r.installment = p.record.installment;
      out.push_back(std::move(r));
    }
  return out;
}

}  // namespace otc::ops
