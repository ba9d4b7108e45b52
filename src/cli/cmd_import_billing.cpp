// `otc import contracts` and `otc import usage`: the billing inputs, installed on the import
// command by install_import_billing (called from cmd_import.cpp). Same flags, same rules: one
// transaction, every bad row as FILE:LINE:COLUMN, nothing written unless --skip-bad.
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "input_file.hpp"
#include "otc/import/contract_import.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct BillingImportArgs {
  std::string file;
  std::string profile = "generic";
  std::string map_file;
  std::string currency;
  bool skip_bad = false;
  std::string rejects;
  bool dry_run = false;
};

void run_billing_import(Context& ctx, const std::string& kind, const BillingImportArgs& a) {
  using core::Error;
  using core::ErrorKind;
  if (a.skip_bad && a.rejects.empty()) throw Error(ErrorKind::kUsage, "--skip-bad needs --rejects FILE (where the bad rows go)");
  InputFile input(a.file);
  std::optional<import::MappingFile> mapping;
  if (!a.map_file.empty()) mapping = import::read_mapping_file(a.map_file);

  import::ImportOptions opt;
  opt.kind = kind;
  opt.path = input.path();
  opt.display_name = input.display_name();
  opt.sha256 = input.sha256();
  opt.profile = a.profile;
  opt.mapping = mapping ? &*mapping : nullptr;
  if (!ctx.opts.date_format.empty()) opt.settings.date_format = core::DateFormat(ctx.opts.date_format);
  opt.settings.amount_style.decimal_comma = ctx.opts.decimal_comma;
  opt.settings.default_currency = a.currency;
  opt.skip_bad = a.skip_bad;
  opt.rejects_path = a.rejects;
  opt.command_line = ctx.command_line;

  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  store->begin_write();
  import::ImportSummary sum;
  try {
    const char* prefix = a.skip_bad ? "otc: rejected: " : "otc: error: ";
    auto report = [prefix](const core::SourceLocation& where, const std::string& msg) {
      std::cerr << prefix << core::format_location(where) << ": " << msg << '\n';
    };
    sum = kind == "contracts" ? import::run_contract_import(*store, *billing, opt, report)
                              : import::run_usage_import(*store, *billing, opt, report);
  } catch (...) {
    store->rollback();
    throw;
  }
  if (sum.already_imported) {
    store->rollback();
    ctx.note(input.display_name() + " was already imported as batch " + std::to_string(sum.previous.id) + " (" +
             sum.previous.file_name + ", " + sum.previous.created_at + "); nothing to do");
    return;
  }
  if (sum.rejected > 0 && !a.skip_bad) {
    store->rollback();
    throw Error(ErrorKind::kInput, std::to_string(sum.rejected) + " bad row(s); nothing was imported", {input.display_name()},
                "fix the rows above, or import the good ones with --skip-bad --rejects FILE");
  }
  const std::string present = kind == "usage" ? " duplicate event ids ignored" : " already present";
  if (a.dry_run) {
    store->rollback();
    ctx.note("dry run: would add " + std::to_string(sum.inserted) + " " + kind + " rows (" + std::to_string(sum.unchanged) +
             present + "); nothing was written");
    return;
  }
  store->commit();
  std::string msg = "imported " + std::to_string(sum.inserted) + " " + kind + " rows from " + input.display_name() +
                    " (batch " + std::to_string(sum.batch_id) + "; " + std::to_string(sum.rows_read) + " rows, " +
                    std::to_string(sum.unchanged) + present;
  if (sum.rejected) msg += ", " + std::to_string(sum.rejected) + " rejected to " + a.rejects;
  ctx.note(msg + ")");
}

void add_billing_kind(CLI::App* import_cmd, Context& ctx, const char* kind, const char* help, const char* example) {
  auto args = std::make_shared<BillingImportArgs>();
  auto* sub = import_cmd->add_subcommand(kind, help);
  sub->add_option("FILE", args->file, "CSV file with a header row (- = stdin)")->required();
  sub->add_option("--profile", args->profile, "column names of: generic (default), netsuite, quickbooks, salesforce")
      ->check(CLI::IsMember({"generic", "netsuite", "quickbooks", "salesforce"}));
  sub->add_option("--map", args->map_file, "mapping file naming the columns (see docs/mapping.md)");
  sub->add_option("--currency", args->currency, "currency for rows that have none");
  sub->add_flag("--skip-bad", args->skip_bad, "import the good rows; write bad ones to --rejects");
  sub->add_option("--rejects", args->rejects, "CSV file for rejected rows, with a reason column");
  sub->add_flag("--dry-run", args->dry_run, "check and count, write nothing");
  sub->footer(example);
  std::string k = kind;
  sub->callback([&ctx, k, args] { run_billing_import(ctx, k, *args); });
}

}  // namespace

void install_import_billing(CLI::App* import_cmd, Context& ctx) {
  add_billing_kind(import_cmd, ctx, "contracts",
                   "Import contract lines and amendments (docs/billing.md lists the columns); new customers are created as stubs",
                   "A later row for the same contract_id + line_id with an effective_date is an amendment: its blank\n"
                   "fields keep the terms before it. Bad rows fail the import as FILE:LINE:COLUMN and change nothing.\n"
                   "Example: otc import contracts contracts.csv && otc invoice run --through 2026-03-31");
  add_billing_kind(import_cmd, ctx, "usage",
                   "Import metered usage (event_id, contract_id or customer + metric, quantity, usage_date)",
                   "An event id already in the ledger is ignored, never billed twice.\n"
                   "Example: otc import usage usage-2026-06.csv");
}

}  // namespace otc::cli
