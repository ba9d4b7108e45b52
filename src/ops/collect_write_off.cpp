// `collect write-off`: an adjustment that closes (part of) an invoice, dated, audited, refused in
// a closed period, above the policy's threshold only with an approver.
#include "otc/core/error.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/ops/collect.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

using core::Error;
using core::ErrorKind;

CollectResult collect_write_off(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                                const WriteOffOptions& o) {
  if (o.reason.empty()) throw Error(ErrorKind::kUsage, "--reason must say why the invoice is written off");
  store::WriteTransaction tx(store);
  const store::IssuedInvoice invoice = open_invoice_on(store, o.invoice, o.date);
  const auto& c = invoice.currency;
  std::int64_t amount = -1;
  if (!o.amount.empty()) {
    amount = positive_amount_option(o.amount, c);
  }
  if (auto done = store.find_write_off(invoice.id, o.date, amount, o.reason))
    return {false, o.invoice + ": already written off on " + o.date.iso() + " (adjustment " + std::to_string(*done) + "); nothing to do", *done};
  if (amount < 0) amount = invoice.open;
  if (invoice.open <= 0) throw Error(ErrorKind::kInput, "invoice " + o.invoice + " has no open balance to write off");
  if (amount > invoice.open)
    throw Error(ErrorKind::kInput, "a write-off of " + core::format_amount(amount, c.exponent) + " exceeds invoice " + o.invoice +
                                       "'s open balance " + core::format_amount(invoice.open, c.exponent) + " " + std::string(c.view()));
  if (!policy.write_off_approval_over.empty()) {
    auto limit = core::parse_amount(policy.write_off_approval_over, c.exponent);
    if (limit.ok() && amount > limit.minor && o.approved_by.empty())
      throw Error(ErrorKind::kInput, "a write-off of " + core::format_amount(amount, c.exponent) + " " + std::string(c.view()) +
                                         " is over the policy's approval threshold " + policy.write_off_approval_over +
                                         ": it needs --approved-by NAME",
                  {}, "set in " + policy.source + " ([policy] write_off_approval_over)");
  }
  auto id = store.post_write_off(invoice.id, o.date, amount, o.reason, o.approved_by);
  std::string what = core::format_amount(amount, c.exponent) + " " + std::string(c.view()) + " written off on " + o.date.iso() +
                     " (adjustment " + std::to_string(id) + "): " + o.reason +
                     (o.approved_by.empty() ? std::string() : "; approved by " + o.approved_by);
  store.audit(audit_entry(inv, "write-off", "invoices", o.invoice, what));
  tx.commit();
  return {true, o.invoice + ": " + what + "; open balance now " + core::format_amount(invoice.open - amount, c.exponent), id};
}

}  // namespace otc::ops
