#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/aging.hpp"
#include "otc/ops/aging.hpp"
#include "otc/report/aging_report.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct AgingArgs {
  std::string by = "customer";
  std::string buckets = "30,60,90,120";
  std::string basis = "due";
  bool totals = false;
  std::string disputes = "include";
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
  auto store = ctx.open_ledger();
  auto acc = ops::aging_report(*store, {buckets, as_of, by_invoice, a.disputes == "separate"});
  ctx.write_report([&](report::RowSink& sink) { report::write_aging(sink, acc, as_of, by_invoice, a.totals); });
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
  cmd->callback([&ctx, args] { run_aging(ctx, *args); });
}

}  // namespace otc::cli
