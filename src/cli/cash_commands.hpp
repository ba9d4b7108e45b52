#pragma once
// The subcommands of `otc cash`, each in its own cmd_cash_<sub>.cpp; cmd_cash.cpp installs the group.
#include <CLI/CLI.hpp>

#include <string>

#include "command_table.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

void install_cash_unapplied(CLI::App& cash, Context& ctx);
void install_cash_apply(CLI::App& cash, Context& ctx);
void install_cash_unapply(CLI::App& cash, Context& ctx);
void install_cash_reverse(CLI::App& cash, Context& ctx);

/// The day a correction is asked for: --date, else --as-of or today.
inline core::Date requested_date(const Context& ctx, const std::string& date_option) {
  return date_option.empty() ? ctx.as_of() : Context::parse_date_option(date_option, "--date");
}

/// The wording of a correction subcommand's options (`cash unapply`, `cash reverse`); its summary,
/// details and example are its row in the command table.
struct CorrectionText {
  const char* path;          ///< its command-table path
  const char* target;        ///< the positional: APPLICATION, PAYMENT
  const char* target_help;
  const char* reason_help;
  const char* date_help;
  const char* empty_reason;  ///< the usage error for --reason ""
};

/// Installs a correction subcommand: TARGET, --reason (required), --date; its callback opens the
/// ledger and prints what `run(store, target, requested date, reason)` says it did.
template <class Target, class Run>
void add_correction(CLI::App& cash, Context& ctx, const CorrectionText& text, Run run) {
  struct Args {
    Target target{};
    std::string reason, date;
  };
  auto args = std::make_shared<Args>();
  auto* sub = add_command(cash, text.path);
  sub->add_option(text.target, args->target, text.target_help)->required();
  sub->add_option("--reason", args->reason, text.reason_help)->required();
  sub->add_option("--date", args->date, text.date_help);
  const char* empty_reason = text.empty_reason;
  sub->callback([&ctx, args, empty_reason, run] {
    if (args->reason.empty()) throw core::Error(core::ErrorKind::kUsage, empty_reason);
    core::Date on = requested_date(ctx, args->date);
    auto store = ctx.open_ledger();
    ctx.note(run(*store, args->target, on, args->reason).note);
  });
}

}  // namespace otc::cli
