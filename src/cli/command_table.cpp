#include "command_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "commands.hpp"
#include "context.hpp"

namespace otc::cli {

// Installers of credit, statement and kpi (cmd_credit.cpp, cmd_statement.cpp, cmd_kpi.cpp).
void install_kpi(CLI::App& parent, Context& ctx);
void install_credit(CLI::App& parent, Context& ctx);
void install_statement(CLI::App& parent, Context& ctx);

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

      {"kpi", "Monthly AR KPIs: billed, collected, collection rate, DSO family, % past due, days to pay",
       "Per month and currency (--by customer: and customer). Each month is as of its last day (the latest month as of\n"
       "--as-of): its DSO, countback, best possible DSO, ADD and CEI equal `otc dso --as-of THAT-DAY`, its AR `otc aging`.\n"
       "collection rate = collected / (opening AR + billed) x 100. Formulas and worked examples: docs/metrics.md.",
       "otc kpi --as-of 2026-10-31 --months 6 --format table", kLedger, kReport, install_kpi},

      {"credit", "Credit control: limits, exposure, holds, credit reviews and a risk score",
       "exposure = open AR + billable unbilled (as `otc unbilled --billable`, with its tax) - unapplied cash, per currency.\n"
       "Holds: automatic (exposure over the limit, an item past due beyond the policy's days) or by hand. docs/credit.md.",
       "otc credit check --as-of 2026-10-31 --format table", kLedger, kReport, install_credit},
      {"credit set", "Set a customer's credit limit (per currency) and its review day (audited)",
       "Overrides the customers file's credit_limit for that currency. The same limit again changes nothing.",
       "otc credit set C1001 --limit 50000.00 --currency USD --review-by 2027-03-31", kLedger, kReport},
      {"credit check", "Per customer and currency: limit, open AR, unbilled, unapplied, exposure, available, past due, hold",
       "Exit 3 when any customer is over its limit or on hold (with --due-reviews: or a review is due).\n"
       "--due-reviews lists only customers whose --review-by day has come.",
       "otc credit check --as-of 2026-10-31 --format table", kLedger, kReport},
      {"credit hold", "Put a customer on hold by hand (audited); invoice run still bills its contracts", "",
       "otc credit hold C1003 --reason \"cheque returned twice\"", kLedger, kReport},
      {"credit release", "Lift a manual hold; with --until, also override automatic holds through a day (audited)", "",
       "otc credit release C1003 --reason \"CFO approved exception\" --until 2026-11-30", kLedger, kReport},
      {"credit risk", "A 0-100 risk score per customer with the reasons that weigh most",
       "Past-due share 30, days-to-pay trend 15, broken promises 15, disputes 10, returned payments 15,\n"
       "limit utilisation 15 points at most; the same ledger and date always give the same score (docs/credit.md).",
       "otc credit risk --as-of 2026-10-31 --top 10 --format table", kLedger, kReport},

      {"statement", "Statements of account: open items, or activity --since a day, as HTML and/or CSV documents",
       "Closing balance = open AR - unapplied cash, equal to `otc aging` for the same date, per currency.\n"
       "Files: statement_ID.html (open items) or activity_ID.html in --out; IDs are escaped (%XX) so none collide.\n"
       "The seller block comes from the seller profile (docs/statements.md). --format here picks the documents.",
       "otc statement --all --as-of 2026-10-31 --out statements/ --format both", kLedger, kReport, install_statement},
      {"statement receipt", "A payment confirmation: amount, date, method, the invoices it paid, what is left on account",
       "", "otc statement receipt PAY-1042 --out receipts/", kLedger, kReport},

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
       "nothing new (and still exits 3 while its cash waits). A file whose control totals do not agree is refused\n"
       "unless --lenient. A line repeating an earlier one of its file is listed as a duplicate, not posted. Bank CSV\n"
       "exports: --profile us-bank|eu-bank|lockbox or --map FILE (picked from a known header otherwise).",
       "otc apply-cash bank/2026-10-31.bai2 --tolerance 0.5%", kLedger, kReport | kInputStyle, install_apply_cash},

      {"cash", "The unapplied queue and corrections: apply, unapply, reverse", "",
       "otc cash unapplied --as-of 2026-11-05 --format table", kLedger, kReport, install_cash, nullptr, false},
      {"cash unapplied", "Payments with cash not yet applied, with their age and suggestions", "",
       "otc cash unapplied --as-of 2026-11-05 --format table", kLedger, kReport},
      {"cash apply", "Apply a payment's unapplied cash to an invoice by hand",
       "Dated on the receipt's date, or the invoice's when later, unless --date says otherwise; the message says which.",
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

      {"collect", "Collections: the work list, dunning, notes, promises, payment plans, write-offs",
       "Rules, the priority score with a worked example and the policy file format: docs/collections.md.",
       "otc collect list --as-of 2026-11-30 --format table", kLedger, kReport, install_collect, nullptr, false},
      {"collect list", "The prioritised work list: one row per customer and currency with undisputed past-due AR",
       "Columns: past due (disputed amounts left out), oldest days past due, open disputes, the latest promise,\n"
       "dunning level, last contact, owner, credit hold, priority score and its reasons. Escalation rules of the\n"
       "policy are applied and logged once per customer, currency and rule.",
       "otc collect list --as-of 2026-11-30 --owner senior-collector --format table", kLedger, kReport},
      {"collect dunning", "Write one .eml notice per customer whose dunning level went up, and record the level",
       "Never the same level twice: a second run on the same date writes nothing. Skipped (on stderr and in the\n"
       "output): past due all disputed, a promise not yet kept or broken, no e-mail address (\"no address\"),\n"
       "a notice already dated after --as-of (\"later notice\": runs go forward in time).",
       "otc collect dunning --as-of 2026-11-30 --policy samples/collections/policy.ini --out mail/", kLedger, kReport},
      {"collect note", "Record a contact with a customer (call, email, meeting, letter)",
       "The same customer, date, type and text is one note.",
       "otc collect note C1001 \"promised to pay INV-10001 Friday\" --type call --date 2026-11-30", kLedger, kAsOf},
      {"collect promise", "Record a promise to pay an amount by a date (for the account or some invoices)",
       "Kept when cash applied to the customer (or those invoices) from the day the promise is made (--as-of)\n"
       "through --date reaches the amount; broken the day after --date otherwise.",
       "otc --as-of 2026-11-30 collect promise C1001 --amount 5000 --date 2026-12-15", kLedger, kAsOf},
      {"collect promises", "Promises to pay with their status (due, kept, broken) as of a date", "",
       "otc collect promises --as-of 2026-12-16 --status broken --format table", kLedger, kReport},
      {"collect plan", "Record a payment plan: a series of promises (installments every month or week)",
       "The total is split into equal installments (the remainder on the first); each is kept or broken like a\n"
       "promise, cash counting toward the installments in date order.",
       "otc --as-of 2026-11-30 collect plan C1002 --installments 3 --every month --first 2026-12-15 --amount 9000", kLedger,
       kAsOf},
      {"collect write-off", "Write off (part of) an invoice: an adjustment dated --date, in aging and the roll-forward",
       "Above the policy's write_off_approval_over it needs --approved-by. Refused in a closed period.",
       "otc collect write-off INV-10001 --amount 12.50 --reason \"small balance\" --date 2026-11-30", kLedger, kAsOf},

      {"dispute", "Disputes: open, resolve, list (disputed amounts are not dunned)", "",
       "otc dispute list --status open --format table", kLedger, kReport, install_dispute, nullptr, false},
      {"dispute open", "Open a dispute on (part of) an invoice; prints the dispute id",
       "Reasons: pricing, quantity, service, duplicate, tax, other. The same dispute twice is one dispute.",
       "otc dispute open INV-10001 --amount 200 --reason pricing --owner jane --date 2026-11-30", kLedger, kAsOf | kOutput},
      {"dispute resolve", "Resolve a dispute: credit (issues a credit memo), rebill, reject or paid", "",
       "otc dispute resolve 3 --outcome credit --date 2026-12-05 --note \"agreed price\"", kLedger, kAsOf},
      {"dispute list", "Disputes with their age and owner as of a date", "",
       "otc dispute list --as-of 2026-12-31 --status all --format table", kLedger, kReport},

      {"customer", "One customer's account: open items, unapplied cash, credit, notes, promises, disputes, dunning",
       "Average days to pay is weighted by amount, from the invoice date to the application date.",
       "otc customer C1001 --as-of 2026-11-30 --format table", kLedger, kReport, install_customer},
      {"history", "Everything that happened to a customer, in date order, with the ids `cash unapply` needs", "",
       "otc history C1001 --since 2026-10-01 --format table", kLedger, kReport, install_history},

      {"close", "Month-end close: write the AR roll-forward and aging at period end, then lock the period",
       "After closing, any command that would post an invoice, payment, application, credit or adjustment\n"
       "dated in the period fails and changes nothing. Closing a closed period does nothing.",
       "otc close --period 2026-10 --out-dir reports/", kLedger, kFormat | kOutput, install_close},
      {"reopen", "Reopen a closed period (audited)", "",
       "otc reopen --period 2026-10 --reason \"late credit memo approved by controller\"", kLedger, 0, install_reopen},
      {"dashboard", "The AR dashboard: one self-contained HTML page of headline figures, charts and tables",
       "Figures come from the same code as aging, dso and the other reports, per currency (functional first);\n"
       "--in CCY converts at the as-of date's rates. No scripts, fonts or images are fetched: it opens offline\n"
       "and prints on landscape pages. --xlsx FILE writes its tables as a workbook, one sheet each (docs/dashboard.md).",
       "otc dashboard --as-of 2026-10-31 --months 12 --out ar-2026-10.html", kLedger, kAsOf, install_dashboard},
      {"fx", "Exchange rates to the functional currency: import, list", "Rules and examples: docs/fx.md.",
       "otc fx import rates.csv", kLedger, kFormat | kOutput, install_fx},
      {"fx import", "Import rates (date, currency, rate = units of the functional currency per unit)",
       "A rate applies from its date until the next one. Importing the same file twice adds nothing; a different\n"
       "rate for a currency and date already held is a bad row, and nothing is imported.",
       "otc fx import rates.csv", kLedger, 0},
      {"fx rates", "List the rates held, by currency and date", "", "otc fx rates --currency EUR --format table", kLedger,
       kFormat | kOutput},
      {"log", "The audit trail: what changed, when, by which command and input file (with its SHA-256)", "",
       "otc log --since 2026-10-01 --command import --format table", kLedger, kFormat | kOutput, install_log},
      {"log show", "Print again what one batch wrote: its customers, invoices, payments and applications",
       "BATCH is the batch column of `otc log`. An import, an invoice run (its register: one row per invoice) and an "
       "apply-cash (its payments and applications) can be printed again this way, so a report that was lost (exit 4, a "
       "closed terminal) is never lost for good. Amounts are in the record's currency; a voided invoice says void.",
       "otc log show 12 --format table", kLedger, kFormat | kOutput},
      {"migrate", "Copy a whole ledger into a new one, SQLite or PostgreSQL either way, and verify the copy",
       "Table by table, ids kept, in one transaction on the target, which must be new (no file; an empty schema).\n"
       "Then compares both sides: every table's row count (the audit log too), aging by customer as of the latest\n"
       "fact date and that month's roll-forward; any difference: exit 1, the copy rolled back. docs/postgresql.md.",
       "otc migrate --from otc.db --to postgresql://ar@db.example.com/ar --to-schema otc", kLedger, kFormat | kOutput,
       install_migrate},
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
  out += out.empty() ? "--ledger, --pg-schema, -q, -v" : ", --ledger, --pg-schema, -q, -v";  // every command honours these
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
                    "Usage: otc [--ledger PATH] [--format csv|json|table|xlsx] [-o FILE] [--as-of YYYY-MM-DD] COMMAND ...\n\n"
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
  app.add_option("--ledger", o.ledger, "ledger file, or a postgresql:// URI (default: $OTC_LEDGER, else ./otc.db)");
  app.add_option("--pg-schema", o.pg_schema, "PostgreSQL schema holding the ledger (default: $OTC_PG_SCHEMA, else otc)");
  app.add_option("--format", o.format, "output format: csv (default; or from -o's extension), json, table or xlsx")
      ->check(CLI::IsMember({"csv", "json", "table", "xlsx"}));
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
