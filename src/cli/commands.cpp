#include "commands.hpp"

#include "context.hpp"

namespace otc::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"init", "create a ledger (or upgrade an existing one)", install_init},
      {"import", "import customers, invoices or payments from CSV", install_import},
      {"aging", "AR aging by customer or invoice, as of any date", install_aging},
      {"dso", "DSO (standard/countback), best possible DSO, ADD and CEI", install_dso},
      {"invoice", "bill contracts (invoice run), void, credit, rebill and render invoices", install_invoice},
      {"unbilled", "revenue delivered or due but not yet invoiced, with its age", install_unbilled},
      {"apply-cash", "post bank receipts and apply them to open invoices", install_apply_cash},
      {"cash", "unapplied queue; apply, unapply and reverse payments", install_cash},
      {"bank", "bank files: show what was read and check control totals", install_bank},
      {"reconcile", "reconcile billing (CRM vs ERP), bank and gateway deposits, AR vs GL", install_reconcile},
      {"close", "month-end close and reopen: roll-forward, aging, period lock", install_close},
      {"log", "the audit trail as CSV", install_log},
  };
  return table;
}

void build_app(CLI::App& app, Context& ctx) {
  auto& o = ctx.opts;
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", "otc 0.1.0");
  app.add_option("--ledger", o.ledger, "ledger file (default: $OTC_LEDGER, else ./otc.db)");
  app.add_option("--format", o.format, "output format: csv (default), json or table")->check(CLI::IsMember({"csv", "json", "table"}));
  app.add_option("-o,--output", o.output, "write the report to FILE instead of stdout (- = stdout)");
  app.add_option("--as-of", o.as_of, "report date YYYY-MM-DD (default: today, UTC)");
  app.add_option("--date-format", o.date_format, "input date format, e.g. %m/%d/%Y or %d.%m.%Y (default ISO YYYY-MM-DD)");
  app.add_flag("--decimal-comma", o.decimal_comma, "input amounts use a decimal comma: 1.234,56");
  app.add_flag("-q,--quiet", o.quiet, "no progress or summaries on stderr");
  app.add_flag("-v,--verbose", o.verbose, "more detail on stderr");
  app.footer(
      "Exit codes: 0 done; 1 error, nothing changed; 2 usage; 3 done, exceptions remain for review.\n"
      "Example: otc --ledger ar.db import invoices invoices.csv && otc --ledger ar.db aging --as-of 2026-10-31");
  for (const auto& cmd : command_table()) cmd.install(app, ctx);
}

}  // namespace otc::cli
