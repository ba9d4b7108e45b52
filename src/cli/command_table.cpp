#include "command_table.hpp"

#include <algorithm>

#include "commands.hpp"
#include "context.hpp"

namespace otc::cli {

const std::vector<CommandSpec>& command_table() {
  constexpr unsigned kReport = kAsOf | kFormat | kOutput;
  static const std::vector<CommandSpec> table = {
      {"init", "Create a ledger, or bring an existing one to the current schema", "otc --ledger ar.db init",
       Needs::kNewLedger, 0, install_init},
      {"import", "Import customers, invoices, payments, contracts or usage from a CSV export",
       "otc import invoices invoices.csv --profile netsuite", Needs::kLedger, kInputStyle, install_import},
      {"aging", "AR aging: open balances in day buckets, by customer or by invoice, as of any date",
       "otc aging --as-of 2026-10-31 --by customer --totals --format table", Needs::kLedger, kReport, install_aging},
      {"dso", "Days sales outstanding with best possible DSO, average days delinquent and CEI",
       "otc dso --as-of 2026-10-31 --days 90 --method countback --format table", Needs::kLedger, kReport, install_dso},
      {"invoice", "Bill contracts and correct invoices: run, void, credit, rebill, render",
       "otc invoice run --through 2026-03-31 --format table", Needs::kLedger, kReport, install_invoice},
      {"unbilled", "Revenue delivered or due but not yet invoiced, per contract line, with its age",
       "otc unbilled --as-of 2026-06-15 --format table", Needs::kLedger, kReport, install_unbilled},
      {"apply-cash", "Post receipts from bank files and apply them to open invoices",
       "otc apply-cash bank/2026-10-31.bai2 --tolerance 0.5%", Needs::kLedger, kReport | kInputStyle, install_apply_cash},
      {"cash", "The unapplied queue and corrections: apply, unapply, reverse",
       "otc cash unapplied --as-of 2026-11-05 --format table", Needs::kLedger, kReport, install_cash},
      {"bank", "Bank and payment files: show what was read and check control totals",
       "otc bank show statement.bai2 --format table", Needs::kNothing, kFormat | kOutput | kInputStyle, install_bank},
      {"reconcile", "Reconcile billing (CRM vs ERP), bank and gateway deposits, AR vs GL",
       "otc reconcile gl gl_1200_2026-10.csv --period 2026-10 --account 1200", Needs::kLedger, kReport | kInputStyle,
       install_reconcile},
      {"close", "Month-end close: write the AR roll-forward and aging at period end, then lock the period",
       "otc close --period 2026-10 --out-dir reports/", Needs::kLedger, kFormat | kOutput, install_close},
      {"reopen", "Reopen a closed period (audited)",
       "otc reopen --period 2026-10 --reason \"late credit memo approved by controller\"", Needs::kLedger, 0, install_reopen},
      {"log", "The audit trail: what changed, when, by which command and input file (with its SHA-256)",
       "otc log --since 2026-10-01 --command import --format table", Needs::kLedger, kFormat | kOutput, install_log},
      {"help", "List the commands, or show one command's help", "otc help aging", Needs::kNothing, 0, install_help},
  };
  return table;
}

std::string globals_text(unsigned g) {
  std::string out;
  auto add = [&](unsigned bit, const char* text) {
    if (!(g & bit)) return;
    if (!out.empty()) out += ", ";
    out += text;
  };
  add(kAsOf, "--as-of");
  add(kFormat, "--format");
  add(kOutput, "-o/--output");
  add(kInputStyle, "--date-format, --decimal-comma");
  add(~0u, "--ledger, -q, -v");
  return out;
}

namespace {

// Every subcommand's --help ends with the global options it honours (they go before the command:
// `otc --as-of 2026-10-31 aging` or after it: `otc aging --as-of 2026-10-31`).
void add_globals_footer(CLI::App* cmd, const std::string& line) {
  std::string footer = cmd->get_footer();
  if (!footer.empty()) footer += "\n";
  cmd->footer(footer + line);
  for (CLI::App* sub : cmd->get_subcommands([](CLI::App*) { return true; })) add_globals_footer(sub, line);
}

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// two neighbours ("dos" -> "dso") each cost one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  // Close enough to be a typo: at most a third of the word, and never more than 3 edits.
  std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, word.size() / 3));
  if (best.empty() || best_d > limit) return {};
  return "did you mean '" + best + "'?";
}

std::vector<std::string> candidates_after(const CLI::App& root, bool options) {
  const CLI::App* cur = &root;
  std::vector<const CLI::App*> chain{cur};
  for (;;) {
    auto parsed = cur->get_subcommands();
    if (parsed.empty()) break;
    cur = parsed.front();
    chain.push_back(cur);
  }
  std::vector<std::string> out;
  if (!options) {
    for (const CLI::App* sub : cur->get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub->get_name());
    return out;
  }
  for (const CLI::App* app : chain)
    for (const CLI::Option* opt : app->get_options()) {
      for (const auto& l : opt->get_lnames()) out.push_back("--" + l);
      for (const auto& s : opt->get_snames()) out.push_back("-" + s);
    }
  return out;
}

std::string help_text() {
  std::string out = "otc: order-to-cash (accounts receivable) from the command line\n\n"
                    "Usage: otc [--ledger PATH] [--format csv|json|table] [-o FILE] [--as-of YYYY-MM-DD] COMMAND ...\n\n"
                    "Commands:\n";
  std::size_t width = 0;
  for (const auto& c : command_table()) width = std::max(width, std::string_view(c.name).size());
  for (const auto& c : command_table()) {
    std::string name = c.name;
    name.resize(width, ' ');
    out += "  " + name + "  " + c.summary;
    if (c.needs == Needs::kNothing) out += " (no ledger needed)";
    out += "\n";
  }
  out += "\nExamples:\n";
  for (const auto& c : command_table()) out += "  " + std::string(c.example) + "\n";
  out += "\nRun `otc COMMAND --help` (or `otc help COMMAND`) for a command's options.\n"
         "Exit codes: 0 done; 1 error, nothing changed; 2 usage; 3 done, exceptions remain for review.\n";
  return out;
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
  for (const auto& c : command_table()) {
    c.install(app, ctx);
    CLI::App* cmd = app.get_subcommand(c.name);
    std::string footer = cmd->get_footer();
    if (footer.find("Example:") == std::string::npos) cmd->footer(footer + (footer.empty() ? "" : "\n") + "Example: " + c.example);
    add_globals_footer(cmd, "Global options honoured: " + globals_text(c.globals) + "\n");
  }
}

}  // namespace otc::cli
