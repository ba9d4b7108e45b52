#include "bank_input.hpp"

#include <iostream>

#include "otc/core/error.hpp"
#include "otc/import/gateway.hpp"

namespace otc::cli {

void add_bank_input_options(CLI::App* cmd, BankInputArgs& args, bool lenient_flag) {
  cmd->add_option("--input-format", args.input_format,
                  "auto (default: detected from the content), csv, bai2, mt940, mt942, camt052, camt053, camt054, nacha, lockbox");
  cmd->add_option("--currency", args.currency, "currency for files that carry none (NACHA, lockbox, some CSV); default USD");
  cmd->add_option("--profile", args.profile, "bank CSV export profile: generic (default), us-bank, eu-bank, lockbox (else picked from a known header)");
  cmd->add_option("--map", args.map_file,
                  "bank CSV mapping file: `field = Header Name` lines (date, amount, debit, credit, direction, description, "
                  "payer_name, ...) and date_format, decimal_comma, delimiter, currency");
  if (lenient_flag)
    cmd->add_flag("--lenient", args.lenient, "read a file whose control totals or records are off, listing what was tolerated");
}

import::BankReadResult read_bank_input(const Context& ctx, const std::string& path, const BankInputArgs& args, bool lenient) {
  import::BankFormat format = import::BankFormat::kAuto;
  if (args.input_format != "auto") {
    auto f = import::parse_bank_format(args.input_format);
    if (!f) throw core::Error(core::ErrorKind::kUsage, "--input-format '" + args.input_format + "' is not a known bank format");
    format = *f;
  }
  if (format == import::BankFormat::kAuto) {
    if (auto g = import::sniff_gateway_file(path); g != import::GatewayFormat::kAuto)
      throw core::Error(core::ErrorKind::kInput,
                        "this is a " + std::string(import::gateway_format_name(g)) + " export, not a bank file", {path == "-" ? "<stdin>" : path, 1, 0},
                        "gateway exports are tied out against bank deposits with `otc reconcile bank`");
  }
  import::BankReadOptions opts;
  opts.lenient = lenient;
  opts.default_currency = args.currency;
  if (!ctx.opts.date_format.empty()) opts.csv_date_format = core::DateFormat(ctx.opts.date_format);
  opts.csv_decimal_comma = ctx.opts.decimal_comma;
  opts.csv_profile = args.profile;
  if (!args.map_file.empty()) opts.csv_mapping = import::read_mapping_file(args.map_file);
  return import::read_bank_file(path, format, opts);
}

bool report_bank_problems(const Context& ctx, const std::string& file, const import::BankReadResult& r) {
  bool any = false;
  for (const auto& t : r.tolerated) {
    std::cerr << "otc: warning: " << t << '\n';
    any = true;
  }
  // In a lenient read every failed control check is also among `tolerated`, worded there.
  for (const auto& c : r.checks) any |= !c.ok;
  if (!ctx.opts.quiet) {
    std::size_t ok = 0;
    for (const auto& c : r.checks) ok += c.ok;
    std::cerr << "otc: " << file << ": " << import::bank_format_name(r.format) << ", " << r.transactions.size()
              << " transactions, " << ok << " of " << r.checks.size() << " control checks agree\n";
  }
  return any;
}

}  // namespace otc::cli
