#include "commands.hpp"
#include "context.hpp"
#include "otc/store/sqlite_store.hpp"

namespace otc::cli {

void install_init(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "init");
  cmd->callback([&ctx] {
    auto store = ctx.open_ledger(true);
    ctx.note("ledger " + ctx.ledger_path() + " is ready (schema version " +
             std::to_string(store::sqlite_schema_version(*store)) + ")");
  });
}

}  // namespace otc::cli
