#pragma once
// `otc invoice run`: the recurring billing run. One write transaction: for each customer with
// contracts, load its book (versions, usage, billed charges), give each usage record to its line,
// bill every charge due by `through` that no invoice holds, group the lines into invoices, number
// them from the prefix's gapless sequence, post them, and append the batch and its audit entry.
// A run that bills nothing writes nothing (not even its batch): a repeated run leaves the ledger
// as it was. A dry run rolls back. An invoice dated on or before the lock date (a closed period)
// is not posted: its charges are listed in `blocked` and the rest of the run goes on.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/engine/billing.hpp"
#include "otc/engine/billing_book.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct InvoiceRunOptions {
  core::Date through;
  bool dry_run = false;
  std::string prefix = "INV-";    ///< invoice number prefix; each prefix has its own sequence
  engine::BillingOptions billing;
};

/// A charge the run did not bill: its invoice date is on or before the lock date.
struct BlockedCharge {
  std::string customer;
  std::string contract_id;
  std::string line_id;
  std::string kind;               ///< recurring, usage, adjustment
  core::Date charge_date;
  core::Date invoice_date;
  std::int64_t total = 0;
  core::Currency currency;
  std::string period;             ///< the closed period that blocks it (the lock date's period)
};

struct InvoiceRunResult {
  long invoices = 0;
  long lines = 0;
  long customers = 0;             ///< customers with contracts
  std::string first, last;        ///< numbers of the first and last invoice
  std::string note;               ///< for stderr
  /// Customers on credit hold at --through that this run billed (billing is contractual: they are
  /// billed, and named here).
  std::vector<std::string> held_billed;
  /// Charges dated into a closed period: not billed, everything else is (exit 3: a person looks).
  std::vector<BlockedCharge> blocked;
};

/// Called for each invoice as it is posted (a dry run too), in number order.
using PostedInvoiceFn = std::function<void(const std::string& number, const engine::InvoiceDraft&)>;

InvoiceRunResult invoice_run(store::LedgerStore& store, const Invocation& inv, const InvoiceRunOptions& options,
                             const PostedInvoiceFn& on_invoice,
                             const std::function<void(const InvoiceRunResult&)>& before_commit = {});

/// One customer's book billed through `through`: every charge due and not invoiced, as lines.
/// `lines` keeps its memory from customer to customer.
void draft_book(store::CustomerBook& book, core::Date through, const engine::BillingOptions& options,
                engine::LineBook& lines, std::vector<engine::DraftLine>& out);

/// "half-even" or "half-up" (the default) as billing options.
engine::BillingOptions billing_options(const std::string& rounding);

}  // namespace otc::ops
