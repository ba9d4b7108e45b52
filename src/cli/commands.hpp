#pragma once
// Each command's installer, defined in its own cmd_<name>.cpp and listed once, in the command
// table (command_table.cpp). An installer adds its subcommand (and any nested ones) to `parent`.
#include <CLI/CLI.hpp>

#include "command_table.hpp"

namespace otc::cli {
class Context;
void install_init(CLI::App& parent, Context& ctx);
void install_import(CLI::App& parent, Context& ctx);
void install_aging(CLI::App& parent, Context& ctx);
void install_dso(CLI::App& parent, Context& ctx);
void install_invoice(CLI::App& parent, Context& ctx);
void install_unbilled(CLI::App& parent, Context& ctx);
/// Adds `import contracts` and `import usage` to the import command (cmd_import_billing.cpp).
void install_import_billing(CLI::App* import_cmd, Context& ctx);
void install_log(CLI::App& parent, Context& ctx);
void install_close(CLI::App& parent, Context& ctx);
void install_reopen(CLI::App& parent, Context& ctx);
void install_bank(CLI::App& parent, Context& ctx);
void install_apply_cash(CLI::App& parent, Context& ctx);
void install_cash(CLI::App& parent, Context& ctx);
void install_reconcile(CLI::App& parent, Context& ctx);
void install_help(CLI::App& parent, Context& ctx);
void install_collect(CLI::App& parent, Context& ctx);
void install_dispute(CLI::App& parent, Context& ctx);
void install_customer(CLI::App& parent, Context& ctx);
void install_history(CLI::App& parent, Context& ctx);
void install_fx(CLI::App& parent, Context& ctx);
void install_dashboard(CLI::App& parent, Context& ctx);
void install_migrate(CLI::App& parent, Context& ctx);
}  // namespace otc::cli
