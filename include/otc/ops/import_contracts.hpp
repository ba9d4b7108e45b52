#pragma once
// `otc import contracts` and `otc import usage`: contract lines (with amendments) and metered
// usage from CSV into the ledger, streaming inside the caller's write transaction (the import
// command owns it), like the AR imports: every bad row is reported with its FILE:LINE:COLUMN;
// with bad rows and !skip_bad the summary has rejected > 0 and the caller must roll back.
// Idempotent: the same file again is `already_imported`; the same row in another file (same
// natural key, same content) counts as unchanged; the same key with other content is a conflict
// naming both rows. The rows are parsed by src/import/contract_row.cpp.
#include "otc/import/ar_import.hpp"
#include "otc/import/contract_row.hpp"  // content_hash of a contract version
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// One row per contract line. A row for a line already known (in the ledger or earlier in the
/// file) with an effective date after the line's start is an amendment: its blank fields keep the
/// version in force before it. A base row's blank net_days take the customer's payment terms when
/// the ledger knows them (else 30); its blank tax_rate is 0. Natural key: (contract_id, line_id,
/// effective date). options.kind must be "contracts".
import::ImportSummary import_contracts(store::LedgerStore& ledger, store::BillingStore& billing,
                                       const import::ImportOptions& options, const import::IssueSink& issues);

/// One row per metered event. Natural key: the event id; an event id already in the ledger (or
/// earlier in the file) is ignored and counted in `unchanged`. A row names a contract (and
/// optionally a line) that is in the ledger, or a customer and a metric. options.kind must be "usage".
import::ImportSummary import_usage(store::LedgerStore& ledger, store::BillingStore& billing,
                                   const import::ImportOptions& options, const import::IssueSink& issues);

}  // namespace otc::ops
