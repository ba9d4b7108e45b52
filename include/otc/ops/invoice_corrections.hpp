#pragma once
// `otc invoice void|credit|rebill`: corrections of an issued invoice, each one write transaction
// with its audit entry. The rules (docs/billing.md):
//  - only an open invoice is corrected, on a date on or after its invoice date;
//  - void and rebill only while nothing (payment, credit, adjustment) is applied to it;
//  - rebill only an invoice billed from contracts with a total above zero: it is credited in full,
//    its charges are released and billed again from the contracts as they stand now;
//  - a credit is the open balance, a given amount (positive), or one line's total (a line not
//    credited before and not itself a credit), never more than the open balance;
//  - credit memos are numbered from their own prefix's gapless sequence.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/billing.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct CorrectionOptions {
  std::string invoice;            ///< invoice number
  std::string reason;             ///< kept in the audit log
  core::Date date;                ///< date of the correction
};

struct CreditOptions : CorrectionOptions {
  std::string amount;             ///< text of --amount, in the invoice's currency; empty = not given
  int line = 0;                   ///< credit this invoice line in full; 0 = not given
  std::string memo_prefix = "CM-";
};

struct RebillOptions : CorrectionOptions {
  std::string prefix = "INV-";
  std::string memo_prefix = "CM-";
  engine::BillingOptions billing;
};

/// One document a correction wrote.
struct CorrectionRow {
  std::string action;             ///< void, credit, rebill
  std::string invoice;            ///< the corrected invoice
  std::string document;           ///< credit memo or new invoice number ("" for a void)
  core::Date date;
  std::int64_t amount = 0;
  core::Currency currency;
  std::optional<std::int64_t> invoice_open;
};

struct CorrectionResult {
  std::vector<CorrectionRow> rows;
  std::string note;               ///< for stderr
};

using BeforeCommitFn = std::function<void(const CorrectionResult&)>;

CorrectionResult void_invoice(store::LedgerStore& store, const Invocation& inv, const CorrectionOptions& options,
                              const BeforeCommitFn& before_commit = {});
CorrectionResult credit_invoice(store::LedgerStore& store, const Invocation& inv, const CreditOptions& options,
                                const BeforeCommitFn& before_commit = {});
CorrectionResult rebill_invoice(store::LedgerStore& store, const Invocation& inv, const RebillOptions& options,
                                const BeforeCommitFn& before_commit = {});

}  // namespace otc::ops
