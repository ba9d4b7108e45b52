#include "otc/ops/invoice_run.hpp"

#include <optional>
#include <set>

#include "otc/import/collections_policy.hpp"
#include "otc/ops/credit.hpp"

#include "otc/core/error.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

engine::BillingOptions billing_options(const std::string& rounding) {
  engine::BillingOptions o;
  o.rounding = rounding == "half-even" ? core::Rounding::kHalfEven : core::Rounding::kHalfUp;
  return o;
}

void draft_book(store::CustomerBook& book, core::Date through, const engine::BillingOptions& options,
                engine::LineBook& lines, std::vector<engine::DraftLine>& out) {
  lines.load(book.versions, book.usage, book.billed);
  for (const auto& input : lines.inputs()) engine::bill_contract_line(input, through, options, out);
}

InvoiceRunResult invoice_run(store::LedgerStore& store, const Invocation& inv, const InvoiceRunOptions& options,
                             const PostedInvoiceFn& on_invoice,
                             const std::function<void(const InvoiceRunResult&)>& before_commit) {
  const core::Date through = options.through;
  store::BillingStore* billing = &store;
  InvoiceRunResult r;
  std::vector<engine::DraftLine> drafts;
  std::vector<engine::InvoiceDraft> due;
  engine::LineBook lines;
  std::set<std::string> billed_customers;

  store::WriteTransaction tx(store);
  std::int64_t batch = store.add_batch("invoice_run", "invoice run --through " + through.iso(), "", inv.command_line);
  // Numbers are taken in this transaction: read the sequence once, store its end once.
  std::int64_t next = billing->last_number(options.prefix);
  billing->for_each_customer_book(through, std::nullopt, [&](store::CustomerBook& book) {
    ++r.customers;
    drafts.clear();
    draft_book(book, through, options.billing, lines, drafts);
    due.clear();
    engine::group_into_invoices(std::move(drafts), due);
    for (const auto& draft : due) {
      // A late charge dated into a closed period blocks its own invoice, not the run.
      try {
        store.ensure_period_open(draft.invoice_date, "invoice date");
      } catch (const core::Error& e) {
        if (e.kind() != core::ErrorKind::kPeriodClosed) throw;
        std::string iso = draft.invoice_date.iso();
        auto closed = store.closed_periods_from(std::string_view(iso).substr(0, 7));
        for (const auto& l : draft.lines)
          r.blocked.push_back({draft.customer, l.contract_id, l.line_id, std::string(engine::to_string(l.key.kind)), l.key.date,
                               draft.invoice_date, l.money.total, draft.currency, closed.empty() ? iso.substr(0, 7) : closed.back()});
        continue;
      }
      std::string number = store::format_document_number(options.prefix, ++next);
      billing->post_invoice(draft, book.customer_id, number, batch);
      if (on_invoice) on_invoice(number, draft);
      ++r.invoices;
      billed_customers.insert(draft.customer);
      r.lines += static_cast<long>(draft.lines.size());
      if (r.first.empty()) r.first = number;
      r.last = number;
    }
  });
  if (r.invoices) billing->set_last_number(options.prefix, next);
  store.finish_batch(batch, r.customers, r.invoices);
  auto audit = audit_entry(inv, "invoice_run", "invoices", r.invoices ? r.first + ".." + r.last : "",
                           "through " + through.iso() + ": " + std::to_string(r.invoices) + " invoices, " +
                               std::to_string(r.lines) + " lines, for " + std::to_string(r.customers) +
                               " customers with contracts");
  audit.batch_id = batch;
  store.audit(audit);

  std::string what = r.invoices ? std::to_string(r.invoices) + " invoices (" + r.first + " to " + r.last + ", " +
                                      std::to_string(r.lines) + " lines)"
                                : std::string();
  if (options.dry_run)
    r.note = r.invoices ? "dry run: would bill " + what + " through " + through.iso() + "; nothing was written"
                        : "dry run: nothing to bill through " + through.iso();
  else if (r.blocked.empty())
    r.note = r.invoices ? "billed " + what + " through " + through.iso()
                        : "nothing to bill through " + through.iso() + ": every charge due is already invoiced";
  else
    r.note = r.invoices ? "billed " + what + " through " + through.iso() : "nothing billed through " + through.iso();
  if (!r.blocked.empty())
    r.note += "; " + std::to_string(r.blocked.size()) + " charge(s) not billed: their invoice date is in a closed period";

  if (!billed_customers.empty()) {
    CreditCheckOptions held_options{through};
    held_options.holds_only = true;
    held_options.policy.hold_days_past_due = import::default_collections_policy().credit.hold_days_past_due;
    for (const auto& l : credit_lines(store, held_options))
      if (l.on_hold && billed_customers.count(l.customer_id) &&
          (r.held_billed.empty() || r.held_billed.back() != l.customer_id))
        r.held_billed.push_back(l.customer_id);
    if (!r.held_billed.empty()) {
      std::string names;
      for (const auto& c : r.held_billed) names += (names.empty() ? "" : ", ") + c;
      r.note += "; customers on credit hold billed (contracts are billed regardless): " + names;
    }
  }

  if (before_commit) before_commit(r);
  // A run that bills nothing writes nothing, not even its batch and audit entry: the ledger after
  // a repeated run is byte for byte what it was.
  if (options.dry_run || r.invoices == 0) tx.rollback();
  else tx.commit();
  return r;
}

}  // namespace otc::ops
