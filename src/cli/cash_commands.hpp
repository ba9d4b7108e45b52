#pragma once
// The subcommands of `otc cash`, each in its own cmd_cash_<sub>.cpp; cmd_cash.cpp installs the group.
#include <CLI/CLI.hpp>

#include <string>

#include "context.hpp"

namespace otc::cli {

void install_cash_unapplied(CLI::App& cash, Context& ctx);
void install_cash_apply(CLI::App& cash, Context& ctx);
void install_cash_unapply(CLI::App& cash, Context& ctx);
void install_cash_reverse(CLI::App& cash, Context& ctx);

/// The day a correction is asked for: --date, else --as-of or today.
inline core::Date requested_date(const Context& ctx, const std::string& date_option) {
  return date_option.empty() ? ctx.as_of() : Context::parse_date_option(date_option, "--date");
}

}  // namespace otc::cli
