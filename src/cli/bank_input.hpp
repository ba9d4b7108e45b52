#pragma once
// Shared by `bank show` and `apply-cash`: the options that say how to read a bank file.
#include <CLI/CLI.hpp>

#include <string>

#include "context.hpp"
#include "otc/import/bank/bank_reader.hpp"

namespace otc::cli {

struct BankInputArgs {
  std::string input_format = "auto";
  std::string currency = "USD";
  bool lenient = false;
  std::string profile;   ///< bank CSV profile (generic, us-bank, eu-bank)
  std::string map_file;  ///< bank CSV mapping file (field = Header Name)
};

/// Adds --input-format, --currency and --lenient to `cmd`.
void add_bank_input_options(CLI::App* cmd, BankInputArgs& args, bool lenient_flag);

/// Reads one bank file as `args` say (global --date-format/--decimal-comma apply to CSV files).
import::BankReadResult read_bank_input(const Context& ctx, const std::string& path, const BankInputArgs& args, bool lenient);

/// Prints each tolerated problem and failed control check to stderr; returns true if any.
bool report_bank_problems(const Context& ctx, const std::string& file, const import::BankReadResult& r);

}  // namespace otc::cli
