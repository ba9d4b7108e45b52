#include "command_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "commands.hpp"
#include "context.hpp"

namespace otc::cli {

const std::vector<CommandSpec>& command_table() {
  constexpr unsigned kReport = kAsOf | kFormat | kOutput;
  constexpr Needs kLedger = Needs::kLedger;
  static const std::vector<CommandSpec> table = {
      {"init", "Create a ledger, or bring an existing one to the current schema", "", "otc --ledger ar.db init",
       Needs::kNewLedger, 0, install_init},

      {"import", "Import customers, invoices or payments from a CSV export",
       "Re-importing a file adds nothing. Bad rows are all listed as FILE:LINE:COLUMN and nothing is written.",
       "otc import invoices invoices.csv --profile netsuite", kLedger, kInputStyle, install_import,
       "Import customers, invoices, payments, contracts or usage from a CSV export"},
      {"import customers", "Import customers (id, name, currency, terms, credit limit, e-mail, bank account)", "",
       "otc import customers customers.csv --profile netsuite", kLedger, kInputStyle},
      {"import invoices", "Import invoices (id, customer, dates, total, currency); new customers are created as stubs", "",
       "otc --date-format %m/%d/%Y import invoices invoices.csv --currency USD", kLedger, kInputStyle},
      {"import payments", "Import payments; a row naming an invoice is applied to it, others stay unapplied", "",
       "otc import payments payments.csv --skip-bad --rejects rejected.csv", kLedger, kInputStyle},
      {"import invoice_lines", "Import an ERP invoice line export: invoices with their lines, for reconcile billing",
       "One row per invoice line; an invoice's rows together. The invoice total is its lines' amounts plus tax.",
       "otc import invoice_lines lines.csv --profile netsuite && otc reconcile billing --crm crm.csv", kLedger, kInputStyle},
      {"import contracts",
       "Import contract lines and amendments (docs/billing.md lists the columns); new customers are created as stubs",
       "A later row for the same contract_id + line_id with an effective_date is an amendment: its blank\n"
       "fields keep the terms before it. Bad rows fail the import as FILE:LINE:COLUMN and change nothing.",
       "otc import contracts contracts.csv && otc invoice run --through 2026-03-31", kLedger, kInputStyle},
      {"import usage", "Import metered usage (event_id, contract_id or customer + metric, quantity, usage_date)",
       "An event id already in the ledger is ignored, never billed twice.", "otc import usage usage-2026-06.csv", kLedger,
       kInputStyle},

      {"aging", "AR aging: open balances in day buckets, by customer or by invoice, as of any date",
       "Point in time: as of a past date only invoices, payments and applications dated on or before it count.\n"
       "Each customer gets one row per currency; currencies are never summed together.",
       "otc aging --as-of 2026-10-31 --by customer --totals --format table", kLedger, kReport, install_aging},

      {"dso", "Days sales outstanding with best possible DSO, average days delinquent and CEI",
       "Figures are per currency, in days (CEI in percent), rounded half-up to 0.01; empty when undefined.\n"
       "Average days delinquent = standard DSO - best possible DSO. Formulas with worked examples: docs/metrics.md.",
       "otc dso --as-of 2026-10-31 --days 90 --method countback --format table", kLedger, kReport, install_dso},

      {"invoice", "Bill contracts and correct invoices: run, void, credit, rebill, render",
       "Rules and worked examples: docs/billing.md.", "otc invoice run --through 2026-03-31 --format table", kLedger,
       kReport, install_invoice},
      {"invoice run", "Bill every charge due by --through that is not invoiced yet (safe to run again)",
       "Advance periods are billed when they start, arrears periods and usage the day after they end.\n"
       "Each (contract line, charge) is billed once: a second run bills nothing and exits 0.",
       "otc invoice run --through 2026-03-31 --format table", kLedger, kReport},
      {"invoice void", "Void an invoice while nothing is applied to it; its charges are unbilled again", "",
       "otc invoice void INV-000042 --reason \"billed to the wrong entity\"", kLedger, kReport},
      {"invoice credit", "Issue a credit memo against an invoice, applied to its open balance", "",
       "otc invoice credit INV-000042 --line 2 --reason \"seats not provisioned\"", kLedger, kReport},
      {"invoice rebill", "Credit an invoice in full and bill its charges again from the contracts as they are now",
       "Correct the contract first (import the corrected row or an amendment), then rebill: the new invoice\n"
       "keeps the charges' dates. Only while nothing is applied to the invoice.",
       "otc invoice rebill INV-000042 --reason \"price corrected to 30.00\"", kLedger, kReport},
      {"invoice render", "Write invoices as self-contained printable HTML documents", "",
       "otc invoice render --all --out invoices/ --remit-to \"ACH: First Bank, routing 021000021, account 4410092231\"",
       kLedger, kReport},

      {"unbilled", "Revenue delivered or due but not yet invoiced, per contract line, with its age",
       "Lists advance periods started, arrears periods ended, amendments in effect and usage of ended periods\n"
       "that no invoice holds yet (billable = yes, aged from the day they became billable), and usage recorded\n"
       "in periods still open (billable = not yet, aged from its first record). Amounts are net of discount, before tax.",
       "otc unbilled --as-of 2026-06-15 --format table", kLedger, kReport, install_unbilled},

      {"apply-cash", "Post receipts from bank files and apply them to open invoices",
       "Each application records its rule and confidence. Receipts that cannot be matched safely stay unapplied,\n"
       "with up to three suggestions (see `otc cash unapplied`); the exit code is then 3. The same file twice applies\n"
       "nothing new. A file whose control totals do not agree is refused unless --lenient.",
       "otc apply-cash bank/2026-10-31.bai2 --tolerance 0.5%", kLedger, kReport | kInputStyle, install_apply_cash},

      {"cash", "The unapplied queue and corrections: apply, unapply, reverse", "",
       "otc cash unapplied --as-of 2026-11-05 --format table", kLedger, kReport, install_cash, nullptr, false},
      {"cash unapplied", "Payments with cash not yet applied, with their age and suggestions", "",
       "otc cash unapplied --as-of 2026-11-05 --format table", kLedger, kReport},
      {"cash apply", "Apply a payment's unapplied cash to an invoice by hand", "",
       "otc cash apply BNK-20261103-8994975F1123 INV-10305 410.00", kLedger, kReport},
      {"cash unapply", "Reverse one application (a misapplied payment); the invoice reopens, the cash is unapplied again", "",
       "otc cash unapply 1042 --reason \"applied to the wrong customer\"", kLedger, kReport},
      {"cash reverse", "Reverse a returned payment (NSF, chargeback): its invoices reopen", "",
       "otc cash reverse BNK-20261102-5A226C6EF46E --reason NSF --date 2026-11-06", kLedger, kReport},

      {"bank", "Bank and payment files", "", "otc bank show statement.bai2 --format table", Needs::kNothing,
       kFormat | kOutput | kInputStyle, install_bank, "Bank and payment files: show what was read and check control totals",
       false},
      {"bank show", "Print what otc reads from bank files, one row per transaction, and check their control totals",
       "Control totals that do not agree and anything tolerated are listed on stderr, and the exit code is 3.",
       "otc bank show statement.bai2 --format table", Needs::kNothing, kFormat | kOutput | kInputStyle},

      {"reconcile", "Reconcile billing (CRM vs ERP), bank and gateway deposits, AR vs GL",
       "Each writes one breaks report (type, keys, left, right, difference, currency, suggestion) and a summary\n"
       "on stderr. Exit 0: reconciled; 3: breaks remain (fee lines are not breaks); 1: bad input, FILE:LINE:COLUMN.",
       "otc reconcile gl gl_1200_2026-10.csv --period 2026-10 --account 1200", kLedger, kReport | kInputStyle,
       install_reconcile},
      {"reconcile billing", "CRM contract billing lines against ERP invoice lines (or the ledger's)",
       "Breaks: missing_in_erp, missing_in_crm, currency_mismatch, customer_mismatch, quantity_difference,\n"
       "price_difference, discount_difference, amount_difference, duplicate_billing.",
       "otc reconcile billing --crm sf_subscriptions.csv --erp ns_invoice_lines.csv --period 2026-10 --tolerance 1", kLedger,
       kReport | kInputStyle},
      {"reconcile bank", "Bank deposits against ledger receipts; gateway payouts against the deposits they became",
       "Breaks: unmatched_deposit, unmatched_receipt, receipt_amount_difference, payout_without_deposit,\n"
       "deposit_without_payout, payout_mismatch; fee rows (one per payout, for the GL) are not breaks.",
       "otc reconcile bank bank/2026-03.bai2 stripe_balance_2026-03.csv --from 2026-03-01 --to 2026-03-31 --detail payouts.csv",
       kLedger, kReport | kInputStyle},
      {"reconcile gl", "The ledger's AR roll-forward against the GL's AR control account",
       "closing AR = opening + invoiced - collected - credited - written off +/- FX, per currency. GL rows before the\n"
       "period make the GL opening; in it, each row's source decides its component (docs/reconcile.md).\n"
       "Breaks: rollforward_difference, unmapped_gl_source, rollforward_out_of_balance.",
       "otc reconcile gl gl_1200_2026-10.csv --period 2026-10 --account 1200 --detail rollforward_vs_gl.csv", kLedger,
       kReport | kInputStyle},

      {"close", "Month-end close: write the AR roll-forward and aging at period end, then lock the period",
       "After closing, any command that would post an invoice, payment, application, credit or adjustment\n"
       "dated in the period fails and changes nothing. Closing a closed period does nothing.",
       "otc close --period 2026-10 --out-dir reports/", kLedger, kFormat | kOutput, install_close},
      {"reopen", "Reopen a closed period (audited)", "",
       "otc reopen --period 2026-10 --reason \"late credit memo approved by controller\"", kLedger, 0, install_reopen},
      {"log", "The audit trail: what changed, when, by which command and input file (with its SHA-256)", "",
       "otc log --since 2026-10-01 --command import --format table", kLedger, kFormat | kOutput, install_log},
      {"help", "List the commands, or show one command's help", "", "otc help aging", Needs::kNothing, 0, install_help,
       nullptr, false},
  };
  return table;
}

bool is_top_level(const CommandSpec& c) { return std::string_view(c.path).find(' ') == std::string_view::npos; }

const CommandSpec& command_spec(std::string_view path) {
  for (const auto& c : command_table())
    if (path == c.path) return c;
  throw std::logic_error("no row in the command table for '" + std::string(path) + "'");
}

CLI::App* add_command(CLI::App& parent, std::string_view path) {
  const CommandSpec& c = command_spec(path);
  const auto space = path.rfind(' ');
  CLI::App* cmd = parent.add_subcommand(std::string(space == std::string_view::npos ? path : path.substr(space + 1)), c.summary);
  // A row without its own footer keeps the one CLI11 copied from the parent.
  std::string footer = c.own_footer ? c.details : cmd->get_footer();
  if (c.own_footer && *c.example) footer += std::string(footer.empty() ? "" : "\n") + "Example: " + c.example;
  // The global options it honours go before the command (`otc --as-of 2026-10-31 aging`) or after it.
  if (!footer.empty()) footer += "\n";
  cmd->footer(footer + "Global options honoured: " + globals_text(c.globals) + "\n");
  return cmd;
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
  out += out.empty() ? "--ledger, -q, -v" : ", --ledger, -q, -v";  // every command honours these
  return out;
}

namespace {

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
  for (const auto& c : command_table())
    if (is_top_level(c)) width = std::max(width, std::string_view(c.path).size());
  for (const auto& c : command_table()) {
    if (!is_top_level(c)) continue;
    std::string name = c.path;
    name.resize(width, ' ');
    out += "  " + name + "  " + (c.listed ? c.listed : c.summary);
    if (c.needs == Needs::kNothing) out += " (no ledger needed)";
    out += "\n";
  }
  out += "\nExamples:\n";
  for (const auto& c : command_table())
    if (is_top_level(c)) out += "  " + std::string(c.example) + "\n";
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
  for (const auto& c : command_table())
    if (c.install) c.install(app, ctx);
}

}  // namespace otc::cli
