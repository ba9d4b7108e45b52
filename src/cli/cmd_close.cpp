#include <filesystem>
#include <fstream>

#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/rollforward.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/aging.hpp"
#include "otc/report/aging_report.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

struct CloseArgs {
  std::string period;
  std::string out_dir = ".";
  std::string reason;
};

void write_rollforward(report::RowSink& sink, const std::string& period, const std::vector<engine::LedgerRollForward>& rows) {
  using report::CellKind;
  sink.begin({{"period", CellKind::kText}, {"currency", CellKind::kText}, {"opening_ar", CellKind::kNumber},
              {"invoiced", CellKind::kNumber}, {"collected", CellKind::kNumber}, {"credited", CellKind::kNumber},
              {"written_off", CellKind::kNumber}, {"fx", CellKind::kNumber}, {"closing_ar", CellKind::kNumber},
              {"closing_by_formula", CellKind::kNumber}, {"difference", CellKind::kNumber}});
  std::vector<std::string> cells;
  for (const auto& r : rows) {
    int e = r.currency.exponent;
    std::int64_t closing = r.closing.value_or(r.computed_closing());
    cells = {period, std::string(r.currency.view()), core::format_amount(r.opening, e), core::format_amount(r.invoiced, e),
             core::format_amount(r.collected, e), core::format_amount(r.credited, e), core::format_amount(r.written_off, e),
             core::format_amount(r.fx, e), core::format_amount(closing, e), core::format_amount(r.computed_closing(), e),
             core::format_amount(closing - r.computed_closing(), e)};
    sink.row(cells);
  }
  sink.end();
}

void run_close(Context& ctx, const CloseArgs& a) {
  core::Date first, last;
  Context::parse_period_option(a.period, "--period", first, last);
  auto format = ctx.format();
  std::filesystem::path dir(a.out_dir);
  if (!std::filesystem::is_directory(dir)) throw Error(ErrorKind::kUsage, "--out-dir '" + a.out_dir + "' is not a directory");

  auto store = ctx.open_ledger();
  store->begin_write();
  try {
    if (store->period_locked(a.period)) {
      store->rollback();
      ctx.note("period " + a.period + " is already closed; nothing to do");
      return;
    }
    auto rows = ops::ledger_rollforward(*store, first, last);
    for (const auto& r : rows)
      if (r.closing && *r.closing != r.computed_closing())
        throw Error(ErrorKind::kLedger, "the ledger's roll-forward for " + a.period + " " + std::string(r.currency.view()) +
                                            " does not tie; the period was not closed");
    engine::AgingAccumulator aging(engine::AgingBuckets{}, last, false);
    store->for_each_open_item(last, [&](const domain::OpenItem& i) { aging.add(i); });
    store->for_each_unapplied(last, [&](const domain::UnappliedCredit& c) { aging.add(c); });

    const std::string rf_path = (dir / ("rollforward_" + a.period + ".csv")).string();
    const std::string aging_path = (dir / ("aging_" + last.iso() + ".csv")).string();
    {
      std::ofstream f(rf_path + ".otc-tmp", std::ios::binary);
      auto sink = report::make_sink(report::Format::kCsv, f);
      write_rollforward(*sink, a.period, rows);
      std::ofstream g(aging_path + ".otc-tmp", std::ios::binary);
      auto aging_sink = report::make_sink(report::Format::kCsv, g);
      report::write_aging(*aging_sink, aging, last, false, true);
      if (!f || !g) throw Error(ErrorKind::kInput, "cannot write the close reports", {a.out_dir});
    }
    store->set_period_lock(a.period, true);
    ctx.audit(*store, "close", "period", a.period, "roll-forward " + rf_path + ", aging " + aging_path);
    store->commit();
    std::filesystem::rename(rf_path + ".otc-tmp", rf_path);
    std::filesystem::rename(aging_path + ".otc-tmp", aging_path);
    auto sink = report::make_sink(format, ctx.output());
    write_rollforward(*sink, a.period, rows);
    ctx.commit_output();
    ctx.note("closed " + a.period + "; wrote " + rf_path + " and " + aging_path);
  } catch (...) {
    store->rollback();
    throw;
  }
}

void run_reopen(Context& ctx, const CloseArgs& a) {
  core::Date first, last;
  Context::parse_period_option(a.period, "--period", first, last);
  if (a.reason.empty()) throw Error(ErrorKind::kUsage, "--reason is required to reopen a period");
  auto store = ctx.open_ledger();
  store->begin_write();
  if (!store->period_locked(a.period)) {
    store->rollback();
    ctx.note("period " + a.period + " is not closed; nothing to do");
    return;
  }
  store->set_period_lock(a.period, false);
  ctx.audit(*store, "reopen", "period", a.period, a.reason);
  store->commit();
  ctx.note("reopened " + a.period);
}

}  // namespace

void install_close(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<CloseArgs>();
  auto* cmd = parent.add_subcommand("close", "Month-end close: write the AR roll-forward and aging at period end, then lock the period");
  cmd->add_option("--period", args->period, "the month to close, YYYY-MM")->required();
  cmd->add_option("--out-dir", args->out_dir, "where rollforward_YYYY-MM.csv and aging_YYYY-MM-DD.csv go (default .)");
  cmd->footer(
      "After closing, any command that would post an invoice, payment, application, credit or adjustment\n"
      "dated in the period fails and changes nothing. Closing a closed period does nothing.\n"
      "Example: otc close --period 2026-10 --out-dir reports/");
  cmd->callback([&ctx, args] { run_close(ctx, *args); });
}

void install_reopen(CLI::App& parent, Context& ctx) {
  auto rargs = std::make_shared<CloseArgs>();
  auto* reopen = parent.add_subcommand("reopen", "Reopen a closed period (audited)");
  reopen->add_option("--period", rargs->period, "the month to reopen, YYYY-MM")->required();
  reopen->add_option("--reason", rargs->reason, "why (kept in the audit log)")->required();
  reopen->footer("Example: otc reopen --period 2026-10 --reason \"late credit memo approved by controller\"");
  reopen->callback([&ctx, rargs] { run_reopen(ctx, *rargs); });
}

}  // namespace otc::cli
