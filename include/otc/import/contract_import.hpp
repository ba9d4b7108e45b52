#pragma once
// Imports contract lines (with amendments) and metered usage from CSV into the ledger, streaming
// inside the caller's write transaction, like run_ar_import: every bad row is reported with its
// FILE:LINE:COLUMN; with bad rows and !skip_bad the summary has rejected > 0 and the caller must
// roll back. Idempotent: the same file again is `already_imported`; the same row in another file
// (same natural key, same content) counts as unchanged; the same key with other content is a
// conflict naming both rows.
#include <cstdint>

#include "otc/domain/contract.hpp"
#include "otc/import/ar_import.hpp"
#include "otc/store/billing_store.hpp"

namespace otc::import {

/// `otc import contracts`: one row per contract line. A row for a line already known (in the
/// ledger or earlier in the file) with an effective date after the line's start is an
/// amendment: its blank fields keep the version in force before it. A base row's blank net_days
/// take the customer's payment terms when the ledger knows them (else 30); its blank tax_rate is 0.
/// Natural key: (contract_id, line_id, effective date). options.kind must be "contracts".
ImportSummary run_contract_import(store::LedgerStore& ledger, store::BillingStore& billing,
                                  const ImportOptions& options, const IssueSink& issues);

/// `otc import usage`: one row per metered event. Natural key: the event id; an event id already
/// in the ledger (or earlier in the file) is ignored and counted in `unchanged`. A row names a
/// contract (and optionally a line) that is in the ledger, or a customer and a metric.
/// options.kind must be "usage".
ImportSummary run_usage_import(store::LedgerStore& ledger, store::BillingStore& billing,
                               const ImportOptions& options, const IssueSink& issues);

/// Fingerprint of a contract line version as parsed (not where it came from).
std::uint64_t content_hash(const domain::ContractLine& version);

}  // namespace otc::import
