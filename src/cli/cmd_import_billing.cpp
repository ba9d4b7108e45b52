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
  add_import_kind(import_cmd, ctx, ImportKind{"contracts", " rows", " already present", with_billing(ops::import_contracts)});
  add_import_kind(import_cmd, ctx, ImportKind{"usage", " rows", " duplicate event ids ignored", with_billing(ops::import_usage)});
}

}  // namespace otc::cli
