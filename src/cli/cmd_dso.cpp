#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/dso.hpp"
#include "otc/report/dso_report.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct DsoArgs {
  int days = 90;
  std::string method = "standard";
  std::string by;
};

void run_dso(Context& ctx, const DsoArgs& a) {
  if (a.days < 1 || a.days > 3660) throw core::Error(core::ErrorKind::kUsage, "--days must be between 1 and 3660");
  const bool by_customer = a.by == "customer";
  const core::Date as_of = ctx.as_of();
  ctx.format();  // a bad --format fails before the ledger is opened
  auto store = ctx.open_ledger_read_only();
  auto rows = ops::dso_report(*store, {as_of, a.days, by_customer});
  ctx.write_report([&](report::RowSink& sink) { report::write_dso(sink, rows, as_of, a.method, a.days, by_customer); });
}

}  // namespace

void install_dso(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<DsoArgs>();
  auto* cmd = add_command(parent, "dso");
  cmd->add_option("--days", args->days, "window length N in days (default 90): the window is D-N+1 .. D");
  cmd->add_option("--method", args->method, "standard (default) or countback")->check(CLI::IsMember({"standard", "countback"}));
  cmd->add_option("--by", args->by, "customer: one row per customer and currency")->check(CLI::IsMember({"customer"}));
  cmd->callback([&ctx, args] { run_dso(ctx, *args); });
}

}  // namespace otc::cli
