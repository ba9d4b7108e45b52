#include "cash_commands.hpp"
#include "commands.hpp"

namespace otc::cli {

void install_cash(CLI::App& parent, Context& ctx) {
  auto* cash = add_command(parent, "cash");
  cash->require_subcommand(1);
  install_cash_unapplied(*cash, ctx);
  install_cash_apply(*cash, ctx);
  install_cash_unapply(*cash, ctx);
  install_cash_reverse(*cash, ctx);
}

}  // namespace otc::cli
