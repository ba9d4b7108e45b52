// `otc invoice run|void|credit|rebill|render`: billing from contracts and its corrections.
// This file installs the group and holds what the corrections share; each subcommand has its own
// cmd_invoice_<sub>.cpp, each write is one use case in src/ops.
#include "commands.hpp"
#include "invoice_commands.hpp"

namespace otc::cli {

using report::CellKind;

void add_fix_options(CLI::App* sub, FixArgs& a) {
  sub->add_option("ID", a.invoice, "invoice number")->required();
  sub->add_option("--reason", a.reason, "why (kept in the audit log)")->required();
  sub->add_option("--date", a.date, "date of the correction, YYYY-MM-DD (default: --as-of, else today)");
}

ops::CorrectionOptions correction_options(const Context& ctx, const FixArgs& a) {
  ops::CorrectionOptions o;
  o.invoice = a.invoice;
  o.reason = a.reason;
  o.date = a.date.empty() ? ctx.as_of() : Context::parse_date_option(a.date, "--date");
  return o;
}

void begin_correction_rows(report::RowSink& sink) {
  sink.begin({{"action", CellKind::kText}, {"invoice_number", CellKind::kText}, {"document", CellKind::kText},
              {"date", CellKind::kDate}, {"amount", CellKind::kNumber}, {"currency", CellKind::kText},
              {"invoice_open", CellKind::kNumber}});
}

void write_correction_rows(report::RowSink& sink, const ops::CorrectionResult& result) {
  std::vector<std::string> cells;
  for (const auto& r : result.rows) {
    const int exp = r.currency.exponent;
    cells = {r.action, r.invoice, r.document, r.date.iso(), core::format_amount(r.amount, exp),
             std::string(r.currency.view()), r.invoice_open ? core::format_amount(*r.invoice_open, exp) : ""};
    sink.row(cells);
  }
}

void install_invoice(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "invoice");
  cmd->require_subcommand(1);
  install_invoice_run(*cmd, ctx);
  install_invoice_void(*cmd, ctx);
  install_invoice_credit(*cmd, ctx);
  install_invoice_rebill(*cmd, ctx);
  install_invoice_render(*cmd, ctx);
}

}  // namespace otc::cli
