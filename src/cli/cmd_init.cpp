#include <fstream>
#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "input_file.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/fx.hpp"
#include "otc/ops/statement.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/open_store.hpp"

namespace otc::cli {

void install_init(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "init");
  auto seller_file = std::make_shared<std::string>();
  cmd->add_option("--seller-file", *seller_file,
                  "seller profile (seller.toml/.ini format, docs/statements.md) to keep in the ledger for statements");
  auto functional = std::make_shared<std::string>();
  cmd->add_option("--functional", *functional, "the functional currency reports convert to with --in (default USD; docs/fx.md)");
  cmd->callback([&ctx, seller_file, functional] {
    if (!functional->empty()) ops::currency_option(*functional, "--functional");
    auto store = ctx.open_ledger(true);
    if (!functional->empty()) ops::set_functional_currency(*store, ops::currency_option(*functional, "--functional").code, ctx.invocation());
    ctx.note("ledger " + ctx.ledger_display() + " is ready (schema version " +
             std::to_string(store::ledger_schema_version(*store)) + ")");
    if (seller_file->empty()) return;
    InputFile in(*seller_file);
    std::ifstream f(in.path(), std::ios::binary);
    if (!f) throw core::Error(core::ErrorKind::kInput, "cannot read the seller profile", {in.display_name()});
    std::ostringstream text;
    text << f.rdbuf();
    const bool changed = ops::store_seller_profile(*store, ctx.invocation(), in.display_name(), text.str(), in.sha256());
    ctx.note(changed ? "seller profile " + in.display_name() + " stored" : "seller profile unchanged");
  });
}

}  // namespace otc::cli
