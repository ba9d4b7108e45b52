#include "bank_input.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/exit_codes.hpp"

namespace otc::cli {
namespace {

struct BankShowArgs {
  std::vector<std::string> files;
  BankInputArgs input;
  bool strict = false;
};

/// One row per transaction of every file; true when any file had a problem.
bool write_transactions(const Context& ctx, const BankShowArgs& a, report::RowSink& sink) {
  using report::CellKind;
  sink.begin({{"file", CellKind::kText}, {"line", CellKind::kNumber}, {"format", CellKind::kText},
              {"booking_date", CellKind::kDate}, {"value_date", CellKind::kDate}, {"direction", CellKind::kText},
              {"amount", CellKind::kNumber}, {"currency", CellKind::kText}, {"reversal", CellKind::kText},
              {"return_reason", CellKind::kText}, {"bank_reference", CellKind::kText}, {"end_to_end_id", CellKind::kText},
              {"payer", CellKind::kText}, {"payer_account", CellKind::kText}, {"remittance_refs", CellKind::kText},
              {"remittance_text", CellKind::kText}, {"type_code", CellKind::kText}, {"account", CellKind::kText}});
  bool problems = false;
  std::vector<std::string> cells;
  for (const auto& file : a.files) {
    // A person looking at a file wants to see it even when its totals are off: read leniently
    // unless --strict, and say what was tolerated.
    auto r = read_bank_input(ctx, file, a.input, !a.strict);
    problems |= report_bank_problems(ctx, file, r);
    std::string fmt_name(import::bank_format_name(r.format));
    for (const auto& t : r.transactions) {
      std::string refs;
      for (const auto& ref : t.remittance_refs) {
        if (!refs.empty()) refs += ';';
        refs += ref;
      }
      cells = {t.source_file.empty() ? file : t.source_file, t.source_line ? std::to_string(t.source_line) : "", fmt_name,
               t.booking_date.iso(), t.value_date.iso(), t.direction == domain::Direction::kCredit ? "credit" : "debit",
               core::format_amount(t.amount_minor, t.currency.exponent), std::string(t.currency.view()),
               t.reversal ? "yes" : "no", t.return_reason, t.bank_reference, t.end_to_end_id, t.payer_name, t.payer_account,
               refs, t.remittance_text, t.type_code, t.account};
      sink.row(cells);
    }
  }
  sink.end();
  return problems;
}

void run_bank_show(Context& ctx, const BankShowArgs& a) {
  bool problems = false;
  ctx.write_report([&](report::RowSink& sink) { problems = write_transactions(ctx, a, sink); });
  if (problems) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_bank(CLI::App& parent, Context& ctx) {
  auto* bank = add_command(parent, "bank");
  bank->require_subcommand(1);
  auto args = std::make_shared<BankShowArgs>();
  auto* show = add_command(*bank, "bank show");
  show->add_option("FILE", args->files, "BAI2, MT940/MT942, camt.053/054, NACHA, lockbox or CSV bank files (- = stdin)")->required();
  add_bank_input_options(show, args->input, false);
  show->add_flag("--strict", args->strict, "fail (exit 1) on the first malformed record or control total that does not agree");
  show->callback([&ctx, args] { run_bank_show(ctx, *args); });
}

}  // namespace otc::cli
