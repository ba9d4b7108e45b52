#pragma once
// One `otc import <kind>` subcommand: the flags and the messages; ops::run_import owns the
// transaction. Each record kind supplies only the function that imports its rows.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "command_table.hpp"
#include "context.hpp"
#include "otc/ops/import.hpp"

namespace otc::cli {

/// Imports one file's rows inside the transaction ops::run_import opened:
/// ImportSummary(store::LedgerStore&, const import::ImportOptions&, const import::IssueSink&).
using ImportRunner = ops::ImportRunner;

struct ImportKind {
  const char* kind;          ///< customers, invoices, payments, contracts, usage (row "import <kind>")
  const char* unit = "";     ///< appended to the kind in the summary ("" or " rows")
  const char* present = " already present";  ///< how unchanged rows are described
  ImportRunner runner;
};

void add_import_kind(CLI::App* import_cmd, Context& ctx, ImportKind kind);

}  // namespace otc::cli
