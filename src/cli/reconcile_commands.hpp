#pragma once
// The reconcile subcommands (cmd_reconcile_<sub>.cpp) and what their flags share
// (cmd_reconcile.cpp installs the group).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "command_table.hpp"
#include "context.hpp"
#include "otc/core/date.hpp"
#include "otc/engine/reconcile.hpp"
#include "otc/import/mapping.hpp"

namespace otc::cli {

void install_reconcile_billing(CLI::App* reconcile, Context& ctx);
void install_reconcile_bank(CLI::App* reconcile, Context& ctx);
void install_reconcile_gl(CLI::App* reconcile, Context& ctx);

/// A --tolerance in whole minor units ("" = 0); a usage error naming `option` otherwise.
std::int64_t parse_tolerance_minor(const std::string& text, const char* option);
/// A non-negative decimal tolerance in millionths ("" = 0).
std::int64_t parse_tolerance_micros(const std::string& text, const char* option);
/// A date option, unset when empty.
std::optional<core::Date> date_option(const std::string& value, const char* option);
/// The global --date-format and --decimal-comma, and `currency` for rows that have none.
import::InputSettings input_settings(const Context& ctx, const std::string& currency);

/// The breaks report to the report sink (-o or stdout), in the order given.
void write_breaks(Context& ctx, const std::vector<engine::Break>& breaks);
/// A --detail FILE in the report format, written whole through report::AtomicFile.
void write_detail(const Context& ctx, const std::string& path, const std::function<void(report::RowSink&)>& fill);

}  // namespace otc::cli
