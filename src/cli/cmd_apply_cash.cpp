#include "bank_input.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/core/sha256.hpp"
#include "otc/ops/apply_cash.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

struct ApplyCashArgs {
  std::vector<std::string> files;
  BankInputArgs input;
  bool dry_run = false;
  std::string tolerance;
  std::string deduction_reason = "SHORT-PAY";
};

/// "25.00" (absolute, in the receipt's currency units) or "0.5%" (of the open amount).
engine::Tolerance parse_tolerance(const std::string& text) {
  engine::Tolerance t;
  if (text.empty()) return t;
  if (text.back() == '%') {
    auto r = core::parse_amount(std::string_view(text).substr(0, text.size() - 1), 2);
    if (!r.ok() || r.minor < 0 || r.minor > 10000) throw Error(ErrorKind::kUsage, "--tolerance '" + text + "' is not a percentage like 0.5%");
    t.basis_points = static_cast<std::int32_t>(r.minor);
    return t;
  }
  // Read with six decimals and scaled to each receipt's currency by the engine: 25.00 is 25 JPY for a
  // yen receipt, not 2,500.
  auto r = core::parse_amount(text, 6);
  if (!r.ok() || r.minor < 0) throw Error(ErrorKind::kUsage, "--tolerance '" + text + "' is not an amount like 25.00 or a percentage like 0.5%");
  t.absolute_minor = r.minor;
  t.absolute_exponent = 6;
  return t;
}

void write_applications(report::RowSink& sink, const ops::ApplyCashResult& result) {
  using report::CellKind;
  sink.begin({{"application_id", CellKind::kNumber}, {"payment_id", CellKind::kText}, {"date", CellKind::kDate}, {"payer", CellKind::kText},
              {"bank_reference", CellKind::kText}, {"customer_id", CellKind::kText}, {"invoice_id", CellKind::kText},
              {"amount", CellKind::kNumber}, {"currency", CellKind::kText}, {"rule", CellKind::kText},
              {"confidence", CellKind::kNumber}, {"deduction", CellKind::kNumber}, {"deduction_reason", CellKind::kText},
              {"note", CellKind::kText}});
  std::vector<std::string> cells;
  for (const auto& r : result.rows) {
    int e = r.currency.exponent;
    cells = {r.application_id ? std::to_string(r.application_id) : "", r.payment_id, r.date.iso(), r.payer, r.bank_reference, r.customer_id,
             r.invoice_id, core::format_amount(r.amount_minor, e), std::string(r.currency.view()), r.rule,
             r.confidence ? std::to_string(r.confidence) : "", r.deduction_minor ? core::format_amount(r.deduction_minor, e) : "",
             r.deduction_reason, r.note};
    sink.row(cells);
  }
  sink.end();
}

void run_apply_cash(Context& ctx, const ApplyCashArgs& a) {
  ops::ApplyCashOptions options;
  options.tolerance = parse_tolerance(a.tolerance);
  options.deduction_reason = a.deduction_reason;
  options.dry_run = a.dry_run;
  auto format = ctx.format();

  // Read every file first: a file that cannot be read posts nothing.
  std::vector<domain::BankTransaction> all;
  std::vector<ops::BankFileInfo> files;
  for (const auto& file : a.files) {
    auto r = read_bank_input(ctx, file, a.input, a.input.lenient);
    report_bank_problems(ctx, file, r);
    for (auto& t : r.transactions) {
      if (t.source_file.empty()) t.source_file = file;
      all.push_back(std::move(t));
    }
    files.push_back({file, file == "-" ? std::string() : core::sha256_file(file)});
  }

  auto store = ctx.open_ledger_for(a.dry_run);
  // The report is complete and checked before the postings commit (docs/output.md).
  options.before_commit = [&](const ops::ApplyCashResult& result) {
    for (const auto& n : result.notes) ctx.note(n);
    write_applications(*report::make_sink(format, ctx.output()), result);
    ctx.prepare_output();
  };
  auto result = ops::apply_cash(*store, ctx.invocation(), all, files, options);
  ctx.commit_output(result.written);
  ctx.note(std::string(a.dry_run ? "dry run (nothing written): " : "") + std::to_string(result.new_receipts) + " new receipts, " +
           std::to_string(result.applied_receipts) + " applied, " + std::to_string(result.unapplied) + " unapplied, " +
           std::to_string(result.already_posted) + " already posted, " + std::to_string(result.debits) + " debits not matched, " +
           std::to_string(result.returns) + " returns" +
           (result.duplicates ? ", " + std::to_string(result.duplicates) + " duplicate lines not posted" : std::string()) +
           (result.zero_amount ? ", " + std::to_string(result.zero_amount) + " zero-amount entries reported" : std::string()));
  if (result.exceptions_remain()) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_apply_cash(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<ApplyCashArgs>();
  auto* cmd = add_command(parent, "apply-cash");
  cmd->add_option("FILE", args->files, "bank files: BAI2, MT940, camt.053/054, NACHA, lockbox or CSV (- = stdin)")->required();
  add_bank_input_options(cmd, args->input, true);
  cmd->add_flag("--dry-run", args->dry_run, "match and print, write nothing");
  cmd->add_option("--tolerance", args->tolerance, "short-pay tolerance: an amount (25.00) or a percentage of the open amount (0.5%)");
  cmd->add_option("--deduction-reason", args->deduction_reason, "reason code recorded with a tolerated short-pay (default SHORT-PAY)");
  cmd->callback([&ctx, args] { run_apply_cash(ctx, *args); });
}

}  // namespace otc::cli
