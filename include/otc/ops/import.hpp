#pragma once
// `otc import <kind>`: one file of records into the ledger in one write transaction.
// The rules: this exact file (kind + SHA-256) imported before adds nothing; a row already in the
// ledger with the same content is unchanged; the same key with other content, a row dated in a
// closed period, or a row that does not parse is a bad row; with bad rows and no --skip-bad
// nothing is written; a payment row naming an invoice is applied to it (dated by
// engine::application_date); every import appends one audit entry naming the file and its SHA-256.
#include <functional>

#include "otc/import/ar_import.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// "<subject> is already in the ledger with different content (from FILE:LINE)": a keyed record
/// imported again with other content (the same key for two different things).
std::string conflict_message(const std::string& subject, const std::string& existing_file, long existing_line);

using import::ImportOptions;
using import::ImportSummary;
using import::IssueSink;

/// Imports the rows of one file inside the caller's write transaction (the shape every import kind
/// has: customers/invoices/payments here, contracts/usage in import/contract_import).
using ImportRunner = std::function<ImportSummary(store::LedgerStore&, const ImportOptions&, const IssueSink&)>;

/// Customers, invoices or payments (options.kind), inside the caller's transaction. With bad rows
/// and !skip_bad every problem is reported and the summary has rejected > 0.
ImportSummary import_ar_rows(store::LedgerStore& store, const ImportOptions& options, const IssueSink& issues);

enum class ImportOutcome {
  kImported,         ///< committed
  kAlreadyImported,  ///< this exact file was imported before: nothing written (summary.previous says when)
  kDryRun,           ///< counted, rolled back
};

struct ImportResult {
  ImportOutcome outcome = ImportOutcome::kImported;
  ImportSummary summary;
};

/// Runs `runner` in one WriteTransaction of its own: commits unless the file was imported before,
/// this is a dry run, or there were bad rows without skip_bad (then it throws an input error
/// "N bad row(s); nothing was imported" naming the file, and the ledger is unchanged).
ImportResult run_import(store::LedgerStore& store, const Invocation& invocation, ImportOptions options, bool dry_run,
                        const ImportRunner& runner, const IssueSink& issues);

/// run_import with import_ar_rows: `otc import customers|invoices|payments`.
inline ImportResult import_records(store::LedgerStore& store, const Invocation& invocation, ImportOptions options,
                                   bool dry_run, const IssueSink& issues) {
  return run_import(store, invocation, std::move(options), dry_run, import_ar_rows, issues);
}

}  // namespace otc::ops
