// `otc dashboard`: flags in, ops::dashboard, the HTML page (and the workbook) out.
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/dashboard.hpp"
#include "otc/ops/fx.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/dashboard.hpp"
#include "otc/store/ledger_store.hpp"
#include "progress.hpp"

namespace otc::cli {
namespace {

struct DashboardArgs {
  int months = 12;
  int days = 90;
  std::string out;
  std::string xlsx;
  std::string in;
};

void run_dashboard(Context& ctx, const DashboardArgs& a) {
  using core::Error;
  using core::ErrorKind;
  if (a.out.empty() && a.xlsx.empty()) throw Error(ErrorKind::kUsage, "dashboard needs --out FILE.html (or --xlsx FILE.xlsx)");
  if (a.months < 2 || a.months > 36) throw Error(ErrorKind::kUsage, "--months must be 2 to 36");
  if (a.days < 1 || a.days > 3660) throw Error(ErrorKind::kUsage, "--days must be 1 to 3660");
  if (!a.in.empty()) ops::currency_option(a.in, "--in");
  ops::DashboardOptions o;
  o.as_of = ctx.as_of();
  o.months = a.months;
  o.window_days = a.days;
  if (!a.in.empty()) o.in = a.in;
  o.ledger = ctx.ledger_display();
  o.command = ctx.command_line;
  auto store = ctx.open_ledger();
  Progress progress("dashboard", 0, progress_wanted(ctx.opts.quiet));
  o.progress = progress.callback();
  report::Dashboard d = ops::dashboard(*store, o);
  progress.finish();
  if (!a.out.empty()) {
    report::AtomicFile file(a.out);
    file.stream() << report::dashboard_html(d);
    file.commit();
    ctx.note("wrote " + a.out);
  }
  if (!a.xlsx.empty()) {
    report::AtomicFile file(a.xlsx);
    report::write_dashboard_xlsx(d, file.stream());
    file.commit();
    ctx.note("wrote " + a.xlsx);
  }
}

}  // namespace

void install_dashboard(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<DashboardArgs>();
  auto* cmd = add_command(parent, "dashboard");
  cmd->add_option("--out", args->out, "the HTML file to write");
  cmd->add_option("--xlsx", args->xlsx, "also (or only) write the dashboard's tables as a workbook, one sheet each");
  cmd->add_option("--months", args->months, "month-ends on the charts, the as-of month included (default 12)");
  cmd->add_option("--days", args->days, "the DSO / CEI window in days (default 90)");
  cmd->add_option("--in", args->in, "convert every amount to this currency at the as-of date's rates (docs/fx.md)");
  cmd->callback([&ctx, args] { run_dashboard(ctx, *args); });
}

}  // namespace otc::cli
