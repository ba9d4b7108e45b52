#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "input_file.hpp"
#include "otc/import/ar_import.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string profile = "generic";
  std::string map_file;
  std::string currency;
  bool skip_bad = false;
  std::string rejects;
  bool dry_run = false;
};

void run_import(Context& ctx, const std::string& kind, const ImportArgs& a) {
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
  store->begin_write();
  import::ImportSummary sum;
  try {
    const char* prefix = a.skip_bad ? "otc: rejected: " : "otc: error: ";
    sum = import::run_ar_import(*store, opt, [prefix](const core::SourceLocation& where, const std::string& msg) {
      std::cerr << prefix << core::format_location(where) << ": " << msg << '\n';
    });
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
  if (a.dry_run) {
    store->rollback();
    ctx.note("dry run: would add " + std::to_string(sum.inserted) + " " + kind + " (" + std::to_string(sum.unchanged) +
             " already present); nothing was written");
    return;
  }
  store->commit();
  std::string msg = "imported " + std::to_string(sum.inserted) + " " + kind + " from " + input.display_name() + " (batch " +
                    std::to_string(sum.batch_id) + "; " + std::to_string(sum.rows_read) + " rows, " +
                    std::to_string(sum.unchanged) + " already present";
  if (sum.continuation_rows) msg += ", " + std::to_string(sum.continuation_rows) + " more rows of split payments";
  if (kind == "payments") msg += ", " + std::to_string(sum.applied) + " applied to invoices";
  if (sum.rejected) msg += ", " + std::to_string(sum.rejected) + " rejected to " + a.rejects;
  ctx.note(msg + ")");
}

void add_kind(CLI::App* import_cmd, Context& ctx, const char* kind, const char* help, const char* example) {
  auto args = std::make_shared<ImportArgs>();
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
  sub->callback([&ctx, k, args] { run_import(ctx, k, *args); });
}

}  // namespace

void install_import(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("import", "Import customers, invoices or payments from a CSV export");
  cmd->require_subcommand(1);
  cmd->footer("Re-importing a file adds nothing. Bad rows are all listed as FILE:LINE:COLUMN and nothing is written.");
  add_kind(cmd, ctx, "customers", "Import customers (id, name, currency, terms, credit limit, e-mail, bank account)",
           "Example: otc import customers customers.csv --profile netsuite");
  add_kind(cmd, ctx, "invoices", "Import invoices (id, customer, dates, total, currency); new customers are created as stubs",
           "Example: otc --date-format %m/%d/%Y import invoices invoices.csv --currency USD");
  add_kind(cmd, ctx, "payments", "Import payments; a row naming an invoice is applied to it, others stay unapplied",
           "Example: otc import payments payments.csv --skip-bad --rejects rejected.csv");
  install_import_billing(cmd, ctx);
}

}  // namespace otc::cli
