// otc reconcile billing|bank|gl: each subcommand (cmd_reconcile_<sub>.cpp) turns its flags into
// options, calls its use case (ops/reconcile_<sub>) and writes one breaks report. Exit 0 when
// reconciled, 3 when breaks remain, 1 on bad input (docs/reconcile.md).
#include <algorithm>

#include "commands.hpp"
#include "otc/core/error.hpp"
#include "otc/report/breaks_report.hpp"
#include "reconcile_commands.hpp"

namespace otc::cli {

using core::Error;
using core::ErrorKind;

std::int64_t parse_tolerance_minor(const std::string& text, const char* option) {
  if (text.empty()) return 0;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) || text.size() > 15)
    throw Error(ErrorKind::kUsage, std::string(option) + " '" + text + "' is not a whole number of minor units (cents)");
  return std::stoll(text);
}

std::int64_t parse_tolerance_micros(const std::string& text, const char* option) {
  if (text.empty()) return 0;
  auto v = engine::parse_micros(text);
  if (!v || *v < 0) throw Error(ErrorKind::kUsage, std::string(option) + " '" + text + "' is not a non-negative decimal");
  return *v;
}

std::optional<core::Date> date_option(const std::string& value, const char* option) {
  if (value.empty()) return std::nullopt;
  return Context::parse_date_option(value, option);
}

import::InputSettings input_settings(const Context& ctx, const std::string& currency) {
  import::InputSettings s;
  if (!ctx.opts.date_format.empty()) s.date_format = core::DateFormat(ctx.opts.date_format);
  s.amount_style.decimal_comma = ctx.opts.decimal_comma;
  s.default_currency = currency;
  return s;
}

void write_breaks(Context& ctx, const std::vector<engine::Break>& breaks) {
  auto sink = report::make_sink(ctx.format(), ctx.output());
  report::write_breaks(*sink, breaks);
  ctx.prepare_output();  // before the audit entry commits (docs/output.md)
}

void write_detail(const Context& ctx, const std::string& path, const std::function<void(report::RowSink&)>& fill) {
  std::optional<report::AtomicFile> file;
  try {
    file.emplace(path);
    auto sink = report::make_sink(ctx.format(), file->stream());
    fill(*sink);
    file->commit();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInput || e.where().file != path) throw;
    throw Error(ErrorKind::kInput, "cannot write the detail report", {path});
  }
  ctx.note("wrote " + path);
}

void install_reconcile(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "reconcile");
  cmd->require_subcommand(1);
  install_reconcile_billing(cmd, ctx);
  install_reconcile_bank(cmd, ctx);
  install_reconcile_gl(cmd, ctx);
}

}  // namespace otc::cli
