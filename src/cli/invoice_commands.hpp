#pragma once
// The subcommands of `otc invoice` (cmd_invoice.cpp installs the group) and what the corrections
// share: their flags and their report (one row per document written).
#include <CLI/CLI.hpp>

#include <string>

#include "command_table.hpp"
#include "context.hpp"
#include "otc/ops/invoice_corrections.hpp"

namespace otc::cli {

void install_invoice_run(CLI::App& invoice_cmd, Context& ctx);
void install_invoice_void(CLI::App& invoice_cmd, Context& ctx);
void install_invoice_credit(CLI::App& invoice_cmd, Context& ctx);
void install_invoice_rebill(CLI::App& invoice_cmd, Context& ctx);
void install_invoice_render(CLI::App& invoice_cmd, Context& ctx);

/// The flags every correction has: ID, --reason, --date.
struct FixArgs {
  std::string invoice;
  std::string reason;
  std::string date;
};
void add_fix_options(CLI::App* sub, FixArgs& a);
/// The options of the flags: --date, else --as-of, else today.
ops::CorrectionOptions correction_options(const Context& ctx, const FixArgs& a);

/// Runs a correction: opens the ledger and the output, writes the op's rows before its commit,
/// then makes the output visible and prints the op's note.
template <class Op>
void run_correction(Context& ctx, Op&& op);

/// A correction's report: one row per document (action, invoice_number, document, date, amount,
/// currency, invoice_open). begin_correction_rows writes the header.
void begin_correction_rows(report::RowSink& sink);
void write_correction_rows(report::RowSink& sink, const ops::CorrectionResult& result);

template <class Op>
void run_correction(Context& ctx, Op&& op) {
  auto store = ctx.open_ledger();
  // The report is complete and checked before the correction commits (docs/output.md).
  auto sink = report::make_sink(ctx.format(), ctx.output());
  begin_correction_rows(*sink);
  ops::CorrectionResult result = op(*store, [&](const ops::CorrectionResult& r) {
    write_correction_rows(*sink, r);
    sink->end();
    ctx.prepare_output();
  });
  ctx.commit_output(true);
  ctx.note(result.note);
}

}  // namespace otc::cli
