// `otc unbilled`: revenue delivered or due but not yet invoiced, per contract line, with its age.
// Flags in, ops::unbilled, one row per item out.
#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/invoice_run.hpp"
#include "otc/ops/unbilled.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using report::CellKind;

struct UnbilledArgs {
  std::string rounding = "half-up";
  bool billable_only = false;
};

void run_unbilled(Context& ctx, const UnbilledArgs& a) {
  ops::UnbilledOptions options;
  options.as_of = ctx.as_of();
  options.billing = ops::billing_options(a.rounding);
  options.billable_only = a.billable_only;
  ctx.format();  // a bad --format fails before the ledger is opened
  auto store = ctx.open_ledger_read_only();
  const std::string as_of_text = options.as_of.iso();
  ops::UnbilledResult result;
  ctx.write_report([&](report::RowSink& sink) {
    sink.begin({{"as_of", CellKind::kDate}, {"customer_id", CellKind::kText}, {"contract_id", CellKind::kText},
                {"line_id", CellKind::kText}, {"product", CellKind::kText}, {"kind", CellKind::kText},
                {"charge_date", CellKind::kDate}, {"period_start", CellKind::kDate}, {"period_end", CellKind::kDate},
                {"billable", CellKind::kText}, {"since", CellKind::kDate}, {"age_days", CellKind::kNumber},
                {"currency", CellKind::kText}, {"amount", CellKind::kNumber}, {"tax", CellKind::kNumber}});
    std::vector<std::string> cells;
    result = ops::unbilled(*store, options, [&](const engine::UnbilledItem& it) {
      const int exp = it.currency.exponent;
      cells = {as_of_text, it.customer, it.contract_id, it.line_id, it.product, std::string(engine::to_string(it.key.kind)),
               it.key.date.iso(), it.period_start.iso(), it.period_end.iso(), it.billable ? "yes" : "not yet",
               it.since.iso(), std::to_string(it.age_days), std::string(it.currency.view()),
               core::format_amount(it.amount, exp), core::format_amount(it.tax, exp)};
      sink.row(cells);
    });
    sink.end();
  });
  ctx.note(std::to_string(result.items) + " unbilled item(s) as of " + as_of_text);
}

}  // namespace

void install_unbilled(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<UnbilledArgs>();
  auto* cmd = add_command(parent, "unbilled");
  cmd->add_option("--rounding", args->rounding, "half-up (default) or half-even")->check(CLI::IsMember({"half-up", "half-even"}));
  cmd->add_flag("--billable", args->billable_only, "only items an invoice run through --as-of would bill");
  cmd->callback([&ctx, args] { run_unbilled(ctx, *args); });
}

}  // namespace otc::cli
