// `otc fx import RATES.csv`, `otc fx rates`: rates to the functional currency (docs/fx.md).
#include "commands.hpp"
#include "context.hpp"
#include "input_file.hpp"
#include "otc/ops/fx.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using report::CellKind;

void run_fx_import(Context& ctx, const std::string& file) {
  InputFile input(file);
  auto store = ctx.open_ledger();
  auto r = ops::fx_import(*store, input.path(), input.display_name(), input.sha256(), ctx.invocation());
  if (r.same_file) {
    ctx.note(input.display_name() + " was already imported; nothing to do");
    return;
  }
  ctx.note(std::to_string(r.added) + " rate(s) added, " + std::to_string(r.unchanged) + " already held, from " +
           input.display_name());
}

void run_fx_rates(Context& ctx, const std::string& currency) {
  ctx.format();
  auto store = ctx.open_ledger();
  auto book = ops::fx_rates(*store);
  const std::string functional(book.functional.view());
  ctx.write_report([&](report::RowSink& sink) {
    sink.begin({{"date", CellKind::kDate}, {"currency", CellKind::kText}, {"rate", CellKind::kNumber},
                {"functional_currency", CellKind::kText, 1}});
    for (const auto& r : book.rates) {
      if (!currency.empty() && r.currency != currency) continue;
      sink.row({r.date.iso(), r.currency, r.text(), functional});
    }
    sink.end();
  });
}

}  // namespace

void install_fx(CLI::App& parent, Context& ctx) {
  auto* fx = add_command(parent, "fx");
  fx->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto* imp = add_command(*fx, "fx import");
  imp->add_option("RATES", *file, "CSV with date,currency,rate (units of the functional currency per unit; - = stdin)")->required();
  imp->callback([&ctx, file] { run_fx_import(ctx, *file); });
  auto currency = std::make_shared<std::string>();
  auto* rates = add_command(*fx, "fx rates");
  rates->add_option("--currency", *currency, "only this currency's rates");
  rates->callback([&ctx, currency] { run_fx_rates(ctx, *currency); });
}

}  // namespace otc::cli
