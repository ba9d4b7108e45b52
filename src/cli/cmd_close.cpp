#include <filesystem>

#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/close_period.hpp"
#include "otc/report/close_report.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

struct CloseArgs {
  std::string period;
  std::string out_dir = ".";
  std::string reason;
};

void run_close(Context& ctx, const CloseArgs& a) {
  auto period = Context::parse_period_option(a.period, "--period");
  ctx.format();  // a bad --format fails before any work
  if (!std::filesystem::is_directory(a.out_dir)) throw Error(ErrorKind::kUsage, "--out-dir '" + a.out_dir + "' is not a directory");
  const auto format = ctx.format();
  auto store = ctx.open_ledger();
  ops::CloseOptions options{period, a.out_dir, {}};
  // The roll-forward report is complete and checked before the lock commits (docs/output.md).
  options.before_commit = [&](const ops::CloseResult& r) {
    report::write_rollforward(*report::make_sink(format, ctx.output()), period.name, r.rollforward);
    ctx.prepare_output();
  };
  auto result = ops::close_period(*store, ctx.invocation(), options);
  if (result.already_closed) {
    ctx.note("period " + period.name + " is already closed; nothing to do");
    return;
  }
  ctx.commit_output(true);
  ctx.note("closed " + period.name + "; wrote " + result.rollforward_path + " and " + result.aging_path);
}

void run_reopen(Context& ctx, const CloseArgs& a) {
  auto period = Context::parse_period_option(a.period, "--period");
  if (a.reason.empty()) throw Error(ErrorKind::kUsage, "--reason is required to reopen a period");
  auto store = ctx.open_ledger();
  auto reopened = ops::reopen_period(*store, ctx.invocation(), period, a.reason);
  if (reopened.empty()) {
    ctx.note("period " + period.name + " is not closed; nothing to do");
    return;
  }
  std::string msg = "reopened " + period.name;
  if (reopened.size() > 1 || reopened.front() != period.name) {
    msg += " onwards (";
    for (std::size_t i = 0; i < reopened.size(); ++i) msg += (i ? ", " : "") + reopened[i];
    msg += "); the lock date is now before " + period.name;
  }
  ctx.note(msg);
}

}  // namespace

void install_close(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<CloseArgs>();
  auto* cmd = add_command(parent, "close");
  cmd->add_option("--period", args->period, "the month to close, YYYY-MM")->required();
  cmd->add_option("--out-dir", args->out_dir, "where rollforward_YYYY-MM.csv and aging_YYYY-MM-DD.csv go (default .)");
  cmd->callback([&ctx, args] { run_close(ctx, *args); });
}

void install_reopen(CLI::App& parent, Context& ctx) {
  auto rargs = std::make_shared<CloseArgs>();
  auto* reopen = add_command(parent, "reopen");
  reopen->add_option("--period", rargs->period, "the month to reopen, YYYY-MM")->required();
  reopen->add_option("--reason", rargs->reason, "why (kept in the audit log)")->required();
  reopen->callback([&ctx, rargs] { run_reopen(ctx, *rargs); });
}

}  // namespace otc::cli
