#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/aging.hpp"
#include "otc/ops/aging.hpp"
#include "otc/ops/fx.hpp"
#include "otc/report/aging_report.hpp"
#include "otc/store/ledger_store.hpp"
#include "progress.hpp"

namespace otc::cli {
namespace {

struct AgingArgs {
  std::string by = "customer";
  std::string buckets = "30,60,90,120";
  std::string basis = "due";
  bool totals = false;
  std::string disputes = "include";
  report::RowSelection select;
  std::string in;
};

void run_aging(Context& ctx, const AgingArgs& a) {
  using core::Error;
  using core::ErrorKind;
  engine::AgingBuckets buckets;
  buckets.edges = engine::parse_bucket_edges(a.buckets);
  if (buckets.edges.empty()) throw Error(ErrorKind::kUsage, "--buckets must be increasing positive day counts, e.g. 30,60,90,120");
  buckets.basis = a.basis == "invoice" ? engine::AgingBasis::kInvoiceDate : engine::AgingBasis::kDueDate;
  const bool by_invoice = a.by == "invoice";
  const core::Date as_of = ctx.as_of();
  ctx.format();  // a bad --format fails before the ledger is opened
  if (!a.in.empty()) ops::currency_option(a.in, "--in");
  if (!a.in.empty() && a.disputes == "separate")
    throw core::Error(core::ErrorKind::kUsage, "--disputes separate cannot be combined with --in (yet): run them apart");
  const bool separate = a.disputes == "separate";
  auto store = ctx.open_ledger_read_only();
  if (!a.in.empty()) {
    auto conv = ops::aging_report_in(*store, {buckets, as_of, by_invoice, separate}, a.in);
    ctx.write_report([&](report::RowSink& sink) {
      auto selected = report::make_selecting_sink(sink, a.select);
      report::write_aging_converted(*selected, conv.buckets, conv.rows, conv.totals, {conv.from, conv.rate, conv.rate_date},
                                    as_of, by_invoice, a.totals);
    });
    return;
  }
  Progress progress("aging", 0, progress_wanted(ctx.opts.quiet));
  ops::AgingOptions options{buckets, as_of, by_invoice, separate};
  options.progress = progress.callback();
  auto acc = ops::aging_report(*store, options);
  progress.finish();
  ctx.write_report([&](report::RowSink& sink) {
    auto selected = report::make_selecting_sink(sink, a.select);
    report::write_aging(*selected, acc, as_of, by_invoice, a.totals);
  });
}

}  // namespace

void install_aging(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<AgingArgs>();
  auto* cmd = add_command(parent, "aging");
  cmd->add_option("--by", args->by, "customer (default) or invoice")->check(CLI::IsMember({"customer", "invoice"}));
  cmd->add_option("--buckets", args->buckets, "bucket edges in days (default 30,60,90,120)");
  cmd->add_option("--basis", args->basis, "age from the due date (default) or the invoice date")->check(CLI::IsMember({"due", "invoice"}));
  cmd->add_flag("--totals", args->totals, "add a TOTAL row per currency");
  cmd->add_option("--disputes", args->disputes, "include (default) or separate: a disputed column, only the undisputed part aged")
      ->check(CLI::IsMember({"include", "separate"}));
  cmd->add_option("--sort", args->select.sort, "order rows by a column, e.g. open_total:desc or 91-120 (default: customer)");
  cmd->add_option("--customer", args->select.customer, "only this customer's rows (customer id)");
  cmd->add_option("--in", args->in, "convert to this currency at the as-of date's rates; adds from_currency, fx_rate (docs/fx.md)");
  cmd->callback([&ctx, args] { run_aging(ctx, *args); });
}

}  // namespace otc::cli
