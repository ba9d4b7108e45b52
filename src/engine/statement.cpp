#include "otc/engine/statement.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "otc/core/money.hpp"

namespace otc::engine {
namespace {

using store::AdjustmentFact;
using store::ApplicationFact;
using store::InvoiceFact;
using store::PaymentFact;

// The point-in-time rules of `otc aging` (src/store/sqlite/balances.cpp), on one customer's facts:
// an invoice counts from its date until its void date; a payment's unapplied cash counts from its
// receipt until its reversal date; applications and adjustments count from their dates.
bool counts(const InvoiceFact& i, core::Date d) { return i.invoice_date <= d && (!i.void_on || *i.void_on > d); }
bool counts(const PaymentFact& p, core::Date d) { return p.received_date <= d && (!p.reversed_on || *p.reversed_on > d); }
/// apply-cash's record of a returned item that was never money on account (reversed the day it came).
bool never_counted(const PaymentFact& p) { return p.reversed_on && *p.reversed_on <= p.received_date; }

struct Book {
  const store::CustomerFacts& f;
  std::unordered_map<std::int64_t, const InvoiceFact*> invoices;
  std::unordered_map<std::int64_t, const PaymentFact*> payments;
  explicit Book(const store::CustomerFacts& facts) : f(facts) {
    for (const auto& i : f.invoices) invoices.emplace(i.id, &i);
    for (const auto& p : f.payments) payments.emplace(p.id, &p);
  }
  const InvoiceFact* invoice(std::int64_t id) const {
    auto it = invoices.find(id);
    return it == invoices.end() ? nullptr : it->second;
  }
  const PaymentFact* payment(std::int64_t id) const {
    auto it = payments.find(id);
    return it == payments.end() ? nullptr : it->second;
  }
  /// Open balance of invoice i at d (when it counts), and unapplied cash of payment p at d.
  std::int64_t open_of(const InvoiceFact& i, core::Date d, bool strictly_before = false) const {
    std::int64_t open = i.total_minor;
    for (const auto& a : f.applications)
      if (a.invoice_id == i.id && (strictly_before ? a.applied_on < d : a.applied_on <= d)) open -= a.amount_minor;
    for (const auto& j : f.adjustments)
      if (j.invoice_id == i.id && (strictly_before ? j.date < d : j.date <= d)) open -= j.amount_minor;
    return open;
  }
  std::int64_t unapplied_of(const PaymentFact& p, core::Date d, bool strictly_before = false) const {
    std::int64_t u = p.amount_minor;
    for (const auto& a : f.applications)
      if (a.payment_id == p.id && (strictly_before ? a.applied_on < d : a.applied_on <= d)) u -= a.amount_minor;
    return u;
  }
};

std::string money(std::int64_t v, const core::Currency& c) { return core::format_amount(v, c.exponent); }

struct Event {
  StatementLine line;
  core::Currency currency;
  int order = 0;        // within a day: invoices, voids, credits, adjustments, payments, applications, reversals
  std::int64_t id = 0;
};

std::vector<Event> events(const Book& b, core::Date to) {
  std::vector<Event> out;
  auto add = [&](core::Date d, const char* kind, const std::string& ref, std::string detail, std::int64_t delta,
                 const core::Currency& ccy, int order, std::int64_t id) {
    if (delta == 0 || d > to) return;
    Event e;
    e.line.date = d;
    e.line.kind = kind;
    e.line.reference = ref;
    e.line.detail = std::move(detail);
    e.line.amount_minor = delta;
    e.currency = ccy;
    e.order = order;
    e.id = id;
    out.push_back(std::move(e));
  };
  for (const auto& i : b.f.invoices) {
    if (i.void_on && *i.void_on <= i.invoice_date) continue;  // voided the day it was issued: never open
    std::string detail = "due " + i.due_date.iso();
    if (!i.po_number.empty()) detail += ", PO " + i.po_number;
    add(i.invoice_date, "invoice", i.external_id, detail, i.total_minor, i.currency, 0, i.id);
    if (i.void_on) add(*i.void_on, "void", i.external_id, "invoice voided", -b.open_of(i, *i.void_on, true), i.currency, 1, i.id);
  }
  for (const auto& j : b.f.adjustments) {
    const InvoiceFact* i = b.invoice(j.invoice_id);
    if (!i || !counts(*i, j.date)) continue;
    const char* kind = j.kind == "write_off" ? "write_off" : j.kind == "deduction" ? "deduction" : "adjustment";
    std::string detail = j.invoice_external_id;
    if (!j.reason_code.empty()) detail += ": " + j.reason_code;
    if (!j.note.empty()) detail += " (" + j.note + ")";
    add(j.date, kind, j.invoice_external_id, detail, -j.amount_minor, i->currency, 3, j.invoice_id);
  }
  for (const auto& p : b.f.payments) {
    if (never_counted(p)) continue;
    std::string detail = p.method.empty() ? std::string("payment") : p.method;
    if (!p.reference.empty()) detail += " " + p.reference;
    std::string applied;
    for (const auto& a : b.f.applications) {
      if (a.payment_id != p.id || a.applied_on > to) continue;
      if (!applied.empty()) applied += ", ";
      applied += a.invoice_external_id + " " + money(a.amount_minor, p.currency);
    }
    if (!applied.empty()) detail += "; applied: " + applied;
    add(p.received_date, "payment", p.external_id, detail, -b.unapplied_of(p, p.received_date, true), p.currency, 4, p.id);
    if (p.reversed_on) {
      std::string why = "returned payment" + (p.reverse_reason.empty() ? std::string() : " (" + p.reverse_reason + ")") +
                        ": unapplied cash removed";
      add(*p.reversed_on, "reversal", p.external_id, why, b.unapplied_of(p, *p.reversed_on, true), p.currency, 6, p.id);
    }
  }
  for (const auto& a : b.f.applications) {
    const InvoiceFact* i = b.invoice(a.invoice_id);
    const bool inv_side = i && counts(*i, a.applied_on);
    if (a.credit_memo_id != 0) {
      if (!inv_side) continue;
      std::string detail = "credit memo applied to " + a.invoice_external_id;
      if (!a.credit_memo_reason.empty()) detail += ": " + a.credit_memo_reason;
      add(a.applied_on, "credit", a.credit_memo_external_id, detail, -a.amount_minor, a.currency, 2, a.id);
      continue;
    }
    const PaymentFact* p = b.payment(a.payment_id);
    const bool pay_side = p && counts(*p, a.applied_on);
    std::int64_t delta = (inv_side ? -a.amount_minor : 0) + (pay_side ? a.amount_minor : 0);
    if (delta == 0) continue;
    if (p && p->reversed_on && a.applied_on >= *p->reversed_on) {
      add(a.applied_on, "reversal", a.payment_external_id,
          "returned payment" + (p->reverse_reason.empty() ? std::string() : " (" + p->reverse_reason + ")") + ": " +
              a.invoice_external_id + " reopened",
          delta, a.currency, 6, a.id);
    } else if (!p) {
      add(a.applied_on, "payment", a.payment_external_id, "payment applied to " + a.invoice_external_id, delta, a.currency, 5, a.id);
    } else if (!i) {
      add(a.applied_on, "transfer", a.payment_external_id, "applied to another account's invoice " + a.invoice_external_id,
          delta, a.currency, 5, a.id);
    } else {
      add(a.applied_on, a.amount_minor < 0 ? "unapply" : "payment", a.payment_external_id,
          "application to " + a.invoice_external_id, delta, a.currency, 5, a.id);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Event& x, const Event& y) {
    if (x.line.date != y.line.date) return x.line.date < y.line.date;
    if (x.order != y.order) return x.order < y.order;
    if (x.line.reference != y.line.reference) return x.line.reference < y.line.reference;
    return x.id < y.id;
  });
  return out;
}

CurrencyStatement& currency_of(std::map<std::string, CurrencyStatement>& m, const core::Currency& c, std::size_t buckets) {
  auto [it, fresh] = m.try_emplace(std::string(c.view()));
  if (fresh) {
    it->second.currency = c;
    it->second.aging.assign(buckets, 0);
  }
  return it->second;
}

}  // namespace

std::vector<std::pair<core::Currency, std::int64_t>> statement_balances(const store::CustomerFacts& facts, core::Date d) {
  Book b(facts);
  std::map<std::string, std::pair<core::Currency, std::int64_t>> by;
  for (const auto& i : facts.invoices)
    if (counts(i, d)) {
      auto& e = by.try_emplace(std::string(i.currency.view()), i.currency, 0).first->second;
      e.second += b.open_of(i, d);
    }
  for (const auto& p : facts.payments)
    if (counts(p, d)) {
      auto& e = by.try_emplace(std::string(p.currency.view()), p.currency, 0).first->second;
      e.second -= b.unapplied_of(p, d);
    }
  std::vector<std::pair<core::Currency, std::int64_t>> out;
  for (auto& [code, v] : by) out.push_back(v);
  return out;
}

Statement build_statement(const store::CustomerFacts& facts, core::Date as_of, std::optional<core::Date> since,
                          const AgingBuckets& buckets) {
  Statement st;
  st.customer = facts.customer;
  st.as_of = as_of;
  st.since = since;
  st.buckets = buckets;
  Book b(facts);
  std::map<std::string, CurrencyStatement> by;
  const std::size_t nb = buckets.count();

  // What is open at as_of: both statements close on it.
  for (const auto& i : facts.invoices) {
    if (!counts(i, as_of)) continue;
    const std::int64_t open = b.open_of(i, as_of);
    if (open == 0) continue;
    auto& cs = currency_of(by, i.currency, nb);
    StatementOpenItem item{i.external_id, i.invoice_date, i.due_date, i.po_number, i.total_minor, open,
                           static_cast<int>(as_of.days_since(i.due_date))};
    domain::OpenItem oi;
    oi.invoice_date = i.invoice_date;
    oi.due_date = i.due_date;
    cs.aging[buckets.bucket_of(buckets.age_days(oi, as_of))] += open;
    cs.open_ar += open;
    cs.items.push_back(std::move(item));
  }
  for (const auto& p : facts.payments) {
    if (!counts(p, as_of)) continue;
    const std::int64_t u = b.unapplied_of(p, as_of);
    if (u == 0) continue;
    auto& cs = currency_of(by, p.currency, nb);
    cs.unapplied += u;
    cs.credits.push_back({p.external_id, p.received_date, p.reference, p.amount_minor, u});
  }
  for (auto& [code, cs] : by) {
    std::stable_sort(cs.items.begin(), cs.items.end(), [](const StatementOpenItem& x, const StatementOpenItem& y) {
      if (x.due_date != y.due_date) return x.due_date < y.due_date;
      return x.invoice < y.invoice;
    });
    cs.closing_balance = cs.open_ar - cs.unapplied;
  }

  if (since) {
    for (const auto& [ccy, bal] : statement_balances(facts, since->add_days(-1))) currency_of(by, ccy, nb).opening_balance = bal;
    for (auto& e : events(b, as_of)) {
      if (e.line.date < *since) continue;
      currency_of(by, e.currency, nb).lines.push_back(std::move(e.line));
    }
    for (auto& [code, cs] : by) {
      std::int64_t running = cs.opening_balance;
      for (auto& l : cs.lines) {
        running = core::checked_add(running, l.amount_minor);
        l.balance_minor = running;
      }
      cs.closing_balance = running;  // equals open AR − unapplied at as_of (tests/unit/ops/statement_test.cpp)
    }
  }
  for (auto& [code, cs] : by) {
    const bool empty = cs.items.empty() && cs.credits.empty() && cs.lines.empty() && cs.opening_balance == 0;
    if (!empty) st.currencies.push_back(std::move(cs));
  }
  return st;
}

Receipt build_receipt(const store::PaymentFact& payment, const std::vector<store::ApplicationFact>& apps, core::Date as_of) {
  Receipt r;
  r.payment = payment;
  r.as_of = as_of;
  std::map<std::string, ReceiptLine> by_invoice;
  std::vector<std::string> order;
  for (const auto& a : apps) {
    if (a.applied_on > as_of) continue;
    auto [it, fresh] = by_invoice.try_emplace(a.invoice_external_id);
    if (fresh) {
      it->second.invoice = a.invoice_external_id;
      it->second.invoice_date = a.invoice_date;
      it->second.applied_on = a.applied_on;
      order.push_back(a.invoice_external_id);
    }
    it->second.applied_minor += a.amount_minor;
    r.applied_minor += a.amount_minor;
  }
  for (const auto& inv : order)
    if (by_invoice[inv].applied_minor != 0) r.lines.push_back(by_invoice[inv]);
  r.reversed = payment.reversed_on && *payment.reversed_on <= as_of;
  r.on_account_minor = r.reversed ? 0 : payment.amount_minor - r.applied_minor;
  return r;
}

}  // namespace otc::engine
