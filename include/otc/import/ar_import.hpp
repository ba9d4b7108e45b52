#pragma once
// Imports customers, invoices or payments from a CSV file into the ledger, streaming: rows are
// parsed and written one by one inside the caller's transaction; nothing is kept per row.
#include <cstdint>
#include <functional>
#include <string>

#include "otc/core/error.hpp"
#include "otc/import/mapping.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::import {

struct ImportOptions {
  std::string kind;            ///< customers | invoices | payments
  std::string path;            ///< a regular file (stdin is spooled to one by the caller)
  std::string display_name;    ///< the name used in messages ("-" shows as <stdin>)
  std::string sha256;          ///< of the file's bytes
  std::string profile = "generic";
  const MappingFile* mapping = nullptr;
  InputSettings settings;
  bool skip_bad = false;       ///< import good rows; bad ones go to rejects_path
  std::string rejects_path;
  std::string command_line;
};

struct ImportSummary {
  bool already_imported = false;   ///< this exact file was imported before: nothing done
  store::BatchInfo previous;
  std::int64_t batch_id = 0;
  long rows_read = 0;
  long inserted = 0;
  long unchanged = 0;              ///< rows already in the ledger with the same content
  long rejected = 0;               ///< bad rows (written to rejects when skip_bad)
  long applied = 0;                ///< payment rows applied to an invoice
  long continuation_rows = 0;      ///< further rows of a split payment (same payment id, another invoice)
};

/// Reports one bad row: location and reason.
using IssueSink = std::function<void(const core::SourceLocation&, const std::string&)>;

/// Runs the import inside the store's current write transaction (the caller begins and commits
/// or rolls back). With bad rows and !skip_bad, every problem is reported and the summary has
/// rejected > 0: the caller must roll back.
ImportSummary run_ar_import(store::LedgerStore& store, const ImportOptions& options, const IssueSink& issues);

}  // namespace otc::import
