#pragma once
// reconcile billing: CRM contract billing lines against ERP invoice lines, or against the invoice
// lines the ledger billed. The comparison rules (pairing, break types, tolerances) are
// engine/reconcile_billing's; this use case reads the sides and decides what can be compared.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/period.hpp"
#include "otc/engine/reconcile_billing.hpp"
#include "otc/import/billing_lines.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// One side's export and how to read its columns.
struct BillingExport {
  std::string path;                 ///< "-" = stdin
  std::string profile = "generic";
  std::string map;                  ///< mapping file; empty: none
};

struct ReconcileBillingOptions {
  BillingExport crm;
  std::optional<BillingExport> erp;  ///< nullopt: the ledger's billed invoice lines are the ERP side
  std::optional<core::Period> period;  ///< only lines of this month
  std::vector<std::string> key_fields = {"contract_id", "period", "product"};
  import::DiscountUnit discount_unit = import::DiscountUnit::kAmount;
  import::InputSettings settings;    ///< date format, decimal comma, currency of rows without one
  std::vector<std::string> ignore;   ///< fields not to compare (customer, quantity, unit_price, discount, currency)
  /// Tolerances, sort memory and the spill directory; the compare_* switches are set here from
  /// `ignore` and the columns the exports carry.
  engine::BillingReconcileOptions compare;
  /// Gets "not compared: ..." as soon as the headers are read (before any bad-row error).
  std::function<void(const std::string&)> note;
};

struct ReconcileBillingResult {
  std::vector<engine::Break> breaks;  ///< sorted (sort_breaks)
  engine::BillingSummary summary;
  std::string detail;       ///< "CRM 4 lines, ERP 4 lines (ledger), 3 paired (2 agree); 3 breaks (...)": the audit detail
  std::string note;         ///< "reconcile billing 2026-03: <detail>; 1 row of other periods left out"
  bool exceptions = false;  ///< breaks remain (exit 3)
};

/// Reconciles. `store` is needed (and the run audited, in one write transaction) only when
/// options.erp is absent; otherwise it may be null and the ledger is not touched. `before_commit`
/// (when given) writes the reports before the commit. Throws core::Error for bad rows (all of
/// both files listed), a missing column or an unreadable file.
ReconcileBillingResult reconcile_billing(store::LedgerStore* store, const Invocation& inv, const ReconcileBillingOptions& options,
                                         const std::function<void(const ReconcileBillingResult&)>& before_commit = {});

}  // namespace otc::ops
