#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/fx.hpp"
#include "otc/report/appending_sink.hpp"
#include "otc/ops/kpi.hpp"
#include "otc/report/kpi_report.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct KpiArgs {
  int months = 12;
  int days = 90;
  std::string by;
  std::string in;
};

void run_kpi(Context& ctx, const KpiArgs& a) {
  if (a.months < 1 || a.months > 120) throw core::Error(core::ErrorKind::kUsage, "--months must be between 1 and 120");
  if (a.days < 1 || a.days > 3660) throw core::Error(core::ErrorKind::kUsage, "--days must be between 1 and 3660");
  const bool by_customer = a.by == "customer";
  const core::Date as_of = ctx.as_of();
  ctx.format();
  if (!a.in.empty()) ops::currency_option(a.in, "--in");
  auto store = ctx.open_ledger();
  if (!a.in.empty()) {  // issue 11: converted at the as-of date's rates, printed in an fx_rates column
    auto conv = ops::kpi_report_in(*store, {as_of, a.months, a.days, by_customer}, a.in);
    std::string rates;
    for (const auto& r : conv.rates) rates += (rates.empty() ? "" : "; ") + r;
    ctx.write_report([&](report::RowSink& sink) {
      auto with_rates = report::make_appending_sink(sink, {"fx_rates", report::CellKind::kText, 1}, rates);
      report::write_kpi(*with_rates, conv.rows, by_customer);
    });
    return;
  }
  auto rows = ops::kpi_report(*store, {as_of, a.months, a.days, by_customer});
  ctx.write_report([&](report::RowSink& sink) { report::write_kpi(sink, rows, by_customer); });
}

}  // namespace

void install_kpi(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<KpiArgs>();
  auto* cmd = add_command(parent, "kpi");
  cmd->add_option("--months", args->months, "how many calendar months, ending with the --as-of month (default 12)");
  cmd->add_option("--days", args->days, "DSO window N in days (default 90), as `otc dso --days`");
  cmd->add_option("--by", args->by, "customer: one row per customer, currency and month")->check(CLI::IsMember({"customer"}));
  cmd->add_option("--in", args->in, "convert every currency to this one at the as-of date's rates and sum (docs/fx.md)");
  cmd->callback([&ctx, args] { run_kpi(ctx, *args); });
}

}  // namespace otc::cli
