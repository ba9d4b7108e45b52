// `otc import contracts` and `otc import usage`: the billing inputs, installed on the import
// command by install_import_billing (called from cmd_import.cpp). Same flags, same rules: one
// transaction, every bad row as FILE:LINE:COLUMN, nothing written unless --skip-bad.
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "import_command.hpp"
#include "otc/ops/import_contracts.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

void install_import_billing(CLI::App* import_cmd, Context& ctx) {
  auto with_billing = [](auto run) {
    return [run](store::LedgerStore& ledger, const import::ImportOptions& opt, const import::IssueSink& issues) {
      return run(ledger, ledger, opt, issues);
    };
  };
  add_import_kind(import_cmd, ctx, ImportKind{"contracts",
                   "Import contract lines and amendments (docs/billing.md lists the columns); new customers are created as stubs",
                   "A later row for the same contract_id + line_id with an effective_date is an amendment: its blank\n"
                   "fields keep the terms before it. Bad rows fail the import as FILE:LINE:COLUMN and change nothing.\n"
                   "Example: otc import contracts contracts.csv && otc invoice run --through 2026-03-31",
                   " rows", " already present", with_billing(ops::import_contracts)});
  add_import_kind(import_cmd, ctx, ImportKind{"usage",
                   "Import metered usage (event_id, contract_id or customer + metric, quantity, usage_date)",
                   "An event id already in the ledger is ignored, never billed twice.\n"
                   "Example: otc import usage usage-2026-06.csv",
                   " rows", " duplicate event ids ignored", with_billing(ops::import_usage)});
}

}  // namespace otc::cli
