#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/fx.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/sqlite_store.hpp"

namespace otc::cli {

void install_init(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "init");
  auto functional = std::make_shared<std::string>();
  cmd->add_option("--functional", *functional, "the functional currency reports convert to with --in (default USD; docs/fx.md)");
  cmd->callback([&ctx, functional] {
    if (!functional->empty()) ops::currency_option(*functional, "--functional");
    auto store = ctx.open_ledger(true);
    if (!functional->empty()) ops::set_functional_currency(*store, ops::currency_option(*functional, "--functional").code, ctx.invocation());
    ctx.note("ledger " + ctx.ledger_path() + " is ready (schema version " +
             std::to_string(store::sqlite_schema_version(*store)) + ")");
  });
}

}  // namespace otc::cli
