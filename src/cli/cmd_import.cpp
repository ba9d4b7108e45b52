#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "error_printer.hpp"
#include "import_command.hpp"
#include "input_file.hpp"
#include "otc/ops/import.hpp"
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

void run_import(Context& ctx, const ImportKind& k, const ImportArgs& a) {
  const std::string kind = k.kind;
  if (a.skip_bad && a.rejects.empty()) throw core::Error(core::ErrorKind::kUsage, "--skip-bad needs --rejects FILE (where the bad rows go)");
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
  if (!ctx.opts.as_of.empty()) opt.as_of = ctx.as_of();
  opt.today = ctx.as_of();

  const char* prefix = a.skip_bad ? "otc: rejected: " : "otc: error: ";
  auto store = ctx.open_ledger_for(a.dry_run);
  auto result = ops::run_import(*store, ctx.invocation(), std::move(opt), a.dry_run, k.runner,
                                [prefix](const core::SourceLocation& where, const std::string& msg) {
                                  std::cerr << render_issue({where, msg}, prefix);
                                });
  const auto& sum = result.summary;
  if (result.outcome == ops::ImportOutcome::kAlreadyImported) {
    ctx.note(input.display_name() + " was already imported as batch " + std::to_string(sum.previous.id) + " (" +
             sum.previous.file_name + ", " + sum.previous.created_at + "); nothing to do");
    return;
  }
  if (result.outcome == ops::ImportOutcome::kDryRun) {
    ctx.note("dry run: would add " + std::to_string(sum.inserted) + " " + kind + k.unit + " (" + std::to_string(sum.unchanged) +
             k.present + "); nothing was written");
    return;
  }
  std::string msg = "imported " + std::to_string(sum.inserted) + " " + kind + k.unit + " from " + input.display_name() +
                    " (batch " + std::to_string(sum.batch_id) + "; " + std::to_string(sum.rows_read) + " rows, " +
                    std::to_string(sum.unchanged) + k.present;
  if (sum.continuation_rows) msg += ", " + std::to_string(sum.continuation_rows) + " more rows of split payments";
  if (sum.credit_memos)
    msg += ", " + std::to_string(sum.credit_memos) + " of them credit memos (" + std::to_string(sum.credits_applied) +
           " applied to the invoice they name, " + std::to_string(sum.credit_memos - sum.credits_applied) + " open credit)";
  if (sum.opening_applications)
    msg += ", " + std::to_string(sum.opening_applications) + " with an open balance below the amount (opening applications dated " +
           sum.opening_date.iso() + ")";
  if (sum.header_line > 1) msg += ", header on line " + std::to_string(sum.header_line);
  if (sum.layout_rows) msg += ", " + std::to_string(sum.layout_rows) + " section/total/blank rows skipped";
  if (sum.void_rows) msg += ", " + std::to_string(sum.void_rows) + " void rows skipped";
  if (sum.stubs) msg += ", " + std::to_string(sum.stubs) + " new customers created as stubs (id and name only)";
  if (kind == "payments") msg += ", " + std::to_string(sum.applied) + " applied to invoices";
  if (sum.rejected) msg += ", " + std::to_string(sum.rejected) + " rejected to " + a.rejects;
  ctx.note(msg + ")");
}

}  // namespace

void add_import_kind(CLI::App* import_cmd, Context& ctx, ImportKind kind) {
  auto args = std::make_shared<ImportArgs>();
  auto spec = std::make_shared<ImportKind>(std::move(kind));
  auto* sub = add_command(*import_cmd, "import " + std::string(spec->kind));
  sub->add_option("FILE", args->file, "CSV file with a header row (- = stdin)")->required();
  sub->add_option("--profile", args->profile, "column names of: generic (default), netsuite, quickbooks, salesforce")
      ->check(CLI::IsMember({"generic", "netsuite", "quickbooks", "salesforce"}));
  sub->add_option("--map", args->map_file, "mapping file naming the columns (see docs/mapping.md)");
  sub->add_option("--currency", args->currency, "currency for rows that have none");
  sub->add_flag("--skip-bad", args->skip_bad, "import the good rows; write bad ones to --rejects");
  sub->add_option("--rejects", args->rejects, "CSV file for rejected rows, with a reason column");
  sub->add_flag("--dry-run", args->dry_run, "check and count, write nothing");
  sub->callback([&ctx, spec, args] { run_import(ctx, *spec, *args); });
}

void install_import(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "import");
  cmd->require_subcommand(1);
  for (const char* k : {"customers", "invoices", "payments"}) add_import_kind(cmd, ctx, ImportKind{k, "", " already present", ops::import_ar_rows});
  // An ERP invoice line export: invoices with their lines (`otc import invoice_lines`).
  add_import_kind(cmd, ctx, ImportKind{"invoice_lines", "", " already present", ops::import_ar_rows});
  install_import_billing(cmd, ctx);
}

}  // namespace otc::cli
