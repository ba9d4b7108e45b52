#include "otc/ops/invoice_corrections.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>

#include "otc/core/error.hpp"
#include "otc/ops/invoice_run.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;

std::string money(std::int64_t minor, const core::Currency& c) { return core::format_amount(minor, c.exponent); }
std::string with_currency(std::int64_t minor, const core::Currency& c) {
  return money(minor, c) + " " + std::string(c.view());
}

/// Eligibility of every correction: the invoice is in the ledger, open, and dated on or before `on`.
store::IssuedInvoice find_open_invoice(store::BillingStore& billing, const std::string& number, core::Date on) {
  auto inv = billing.find_issued_invoice(number);
  if (!inv) throw Error(ErrorKind::kInput, "invoice '" + number + "' is not in the ledger");
  if (inv->status != "open") throw Error(ErrorKind::kInput, "invoice " + inv->number + " is " + inv->status);
  if (on < inv->invoice_date)
    throw Error(ErrorKind::kUsage, "the date " + on.iso() + " is before invoice " + inv->number + "'s date " +
                                       inv->invoice_date.iso(), {}, "give --date (or --as-of) on or after the invoice date");
  return *inv;
}

/// Eligibility of void and rebill: nothing applied to the invoice.
void require_nothing_applied(const store::IssuedInvoice& inv, const char* what, const char* hint) {
  if (inv.paid == 0 && inv.credited == 0 && inv.adjusted == 0) return;
  const auto& c = inv.currency;
  throw Error(ErrorKind::kInput,
              std::string(what) + " " + inv.number + ": it has applications (payments " + money(inv.paid, c) +
                  ", credits " + money(inv.credited, c) + ", adjustments " + with_currency(inv.adjusted, c) + "); " +
                  what + " only while nothing is applied",
              {}, hint);
}

store::CreditMemoDraft memo_for(const store::IssuedInvoice& inv, core::Date on, std::string reason) {
  store::CreditMemoDraft memo;
  memo.invoice_id = inv.id;
  memo.customer_id = inv.customer_id;
  memo.currency = inv.currency;
  memo.memo_date = on;
  memo.reason = std::move(reason);
  return memo;
}

/// The credit-amount rules: what a credit memo for `inv` may be, and what it was (for the audit).
std::string credit_amount(store::BillingStore& billing, const store::IssuedInvoice& inv, const CreditOptions& o,
                          store::CreditMemoDraft& memo) {
  const auto& c = inv.currency;
  std::string what;
  if (!o.amount.empty()) {
    auto r = core::parse_amount(o.amount, c.exponent);
    if (!r.ok() || r.minor <= 0)
      throw Error(ErrorKind::kUsage, "--amount '" + o.amount + "' is not a positive amount in " + std::string(c.view()));
    memo.amount = r.minor;
    what = "amount";
  } else if (o.line > 0) {
    std::vector<store::IssuedLine> lines;
    billing.load_lines(inv.id, lines);
    auto it = std::find_if(lines.begin(), lines.end(), [&](const store::IssuedLine& l) { return l.line_no == o.line; });
    const std::string line = "line " + std::to_string(o.line);
    if (it == lines.end())
      throw Error(ErrorKind::kUsage, "invoice " + inv.number + " has no " + line + " (it has " +
                                         std::to_string(lines.size()) + ")");
    if (it->credited != 0) throw Error(ErrorKind::kInput, line + " of " + inv.number + " was already credited");
    if (it->total() <= 0)
      throw Error(ErrorKind::kInput, line + " of " + inv.number + " is a credit line (" + money(it->total(), c) +
                                         "): there is nothing to credit");
    memo.amount = it->total();
    memo.line_no = o.line;
    what = line;
  } else {
    memo.amount = inv.open;
    what = "open balance";
  }
  if (inv.open <= 0) throw Error(ErrorKind::kInput, "invoice " + inv.number + " has no open balance to credit");
  if (memo.amount > inv.open)
    throw Error(ErrorKind::kInput, "a credit of " + money(memo.amount, c) + " exceeds invoice " + inv.number +
                                       "'s open balance " + with_currency(inv.open, c),
                {}, "credit at most the open balance (payments applied to it stay where they are)");
  return what;
}

/// What every correction starts with: the billing role, its one write transaction, and the
/// invoice, found eligible (open, dated on or before the correction).
struct Correction {
  store::BillingStore* billing;
  store::WriteTransaction tx;
  store::IssuedInvoice inv;
  CorrectionResult result;

  Correction(store::LedgerStore& store, const CorrectionOptions& o)
      : billing(&store), tx(store), inv(find_open_invoice(*billing, o.invoice, o.date)) {}

  CorrectionResult finish(const BeforeCommitFn& before_commit) {
    if (before_commit) before_commit(result);
    tx.commit();
    return std::move(result);
  }
};

}  // namespace

CorrectionResult void_invoice(store::LedgerStore& store, const Invocation& invocation, const CorrectionOptions& o,
                              const BeforeCommitFn& before_commit) {
  Correction fix(store, o);
  auto& [billing, tx, inv, r] = fix;
  require_nothing_applied(inv, "void", "issue a credit memo instead: otc invoice credit ID --reason ...");
  billing->void_invoice(inv.id, o.date, o.reason, 0);
  bool billed = !billing->charges_of(inv.id).empty();
  store.audit(audit_entry(invocation, "void", "invoices", inv.number,
                          "voided on " + o.date.iso() + ", total " + with_currency(inv.total, inv.currency) +
                              (billed ? "; its charges are unbilled again" : "") + "; reason: " + o.reason));
  r.rows.push_back({"void", inv.number, "", o.date, inv.total, inv.currency, 0});
  r.note = "voided " + inv.number + (billed ? "; its charges are unbilled again (the next invoice run bills them)" : "");
  return fix.finish(before_commit);
}

CorrectionResult credit_invoice(store::LedgerStore& store, const Invocation& invocation, const CreditOptions& o,
                                const BeforeCommitFn& before_commit) {
  Correction fix(store, o);
  auto& [billing, tx, inv, r] = fix;
  const auto& c = inv.currency;
  store::CreditMemoDraft memo = memo_for(inv, o.date, o.reason);
  std::string what = credit_amount(*billing, inv, o, memo);
  memo.number = billing->next_number(o.memo_prefix);
  billing->post_credit_memo(memo);
  store.audit(audit_entry(invocation, "credit", "invoices", inv.number,
                          "credit memo " + memo.number + " of " + with_currency(memo.amount, c) + " (" + what +
                              ") applied on " + o.date.iso() + "; reason: " + o.reason));
  r.rows.push_back({"credit", inv.number, memo.number, o.date, memo.amount, c, inv.open - memo.amount});
  r.note = "credit memo " + memo.number + " of " + with_currency(memo.amount, c) + " applied to " + inv.number +
           "; open balance now " + money(inv.open - memo.amount, c);
  return fix.finish(before_commit);
}

CorrectionResult rebill_invoice(store::LedgerStore& store, const Invocation& invocation, const RebillOptions& o,
                                const BeforeCommitFn& before_commit) {
  const core::Date on = o.date;
  Correction fix(store, o);
  auto& [billing, tx, inv, r] = fix;
  const auto& c = inv.currency;
  require_nothing_applied(inv, "rebill", "credit what is open (otc invoice credit) and bill the difference by hand");
  auto charges = billing->charges_of(inv.id);
  if (charges.empty())
    throw Error(ErrorKind::kInput, "invoice " + inv.number + " was not billed from contracts: there is nothing to rebill",
                {}, "credit it with `otc invoice credit`");
  if (inv.total <= 0)
    throw Error(ErrorKind::kInput, "invoice " + inv.number + " has a total of " + money(inv.total, c) +
                                       ": only an invoice with something to credit can be rebilled",
                {}, "void it instead: otc invoice void ID --reason ...");

  // 1. Credit the invoice in full; 2. release its charges; 3. bill exactly those charges again
  //    from the contracts as they stand now.
  store::CreditMemoDraft memo = memo_for(inv, on, "rebill: " + o.reason);
  memo.number = billing->next_number(o.memo_prefix);
  memo.amount = inv.total;
  std::int64_t memo_id = billing->post_credit_memo(memo);
  billing->release_for_rebill(inv.id, on, o.reason, memo_id, 0);
  r.rows.push_back({"credit", inv.number, memo.number, on, memo.amount, c, 0});

  std::set<std::tuple<std::string, std::string, engine::ChargeKey>> released;
  for (const auto& ch : charges) released.emplace(ch.contract_id, ch.line_id, ch.key);
  std::vector<engine::DraftLine> again;
  engine::LineBook lines;
  billing->for_each_customer_book(on, inv.customer, [&](store::CustomerBook& book) {
    std::vector<engine::DraftLine> drafts;
    draft_book(book, on, o.billing, lines, drafts);
    for (auto& l : drafts)
      if (released.count({l.contract_id, l.line_id, l.key})) again.push_back(std::move(l));
  });
  std::vector<engine::InvoiceDraft> invoices;
  engine::group_into_invoices(std::move(again), invoices);
  std::string numbers;
  std::int64_t batch =
      invoices.empty() ? 0 : store.add_batch("invoice_rebill", "invoice rebill " + inv.number, "", invocation.command_line);
  for (const auto& draft : invoices) {
    std::string number = billing->next_number(o.prefix);
    billing->post_invoice(draft, inv.customer_id, number, batch);
    r.rows.push_back({"rebill", inv.number, number, draft.invoice_date, draft.total, draft.currency, draft.total});
    numbers += (numbers.empty() ? "" : ", ") + number + " (" + money(draft.total, draft.currency) + ")";
  }
  store.audit(audit_entry(invocation, "rebill", "invoices", inv.number,
                          "credit memo " + memo.number + " of " + with_currency(memo.amount, c) + " on " + on.iso() +
                              "; rebilled as " + (numbers.empty() ? std::string("nothing") : numbers) +
                              "; reason: " + o.reason));
  r.note = "credited " + inv.number + " in full (" + memo.number + ") and " +
           (numbers.empty() ? std::string("rebilled nothing: the contracts no longer bill its charges")
                            : "rebilled it as " + numbers);
  return fix.finish(before_commit);
}

}  // namespace otc::ops
