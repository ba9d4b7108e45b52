#pragma once
// What every command gets: the global options and helpers to open the ledger and the output.
#include <CLI/CLI.hpp>

#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "otc/core/date.hpp"
#include "otc/core/period.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::store { class LedgerStore; }

namespace otc::cli {

struct GlobalOptions {
  std::string ledger;         ///< --ledger; empty = $OTC_LEDGER, else ./otc.db
  std::string format;         ///< --format csv|json|table|xlsx; empty = from -o's extension, else csv
  std::string output;         ///< -o/--output; empty or "-" = stdout
  std::string as_of;          ///< --as-of YYYY-MM-DD; empty = today (UTC)
  std::string date_format;    ///< --date-format for input dates; empty = ISO
  bool decimal_comma = false; ///< --decimal-comma for input amounts
  bool quiet = false;
  int verbose = 0;
};

class Context {
 public:
  GlobalOptions opts;
  int exit_code = 0;
  std::string command_line;   ///< the whole argv joined, for the audit log

  /// The ledger path after applying the default rule.
  std::string ledger_path() const;
  /// Opens the existing ledger (error if missing, unless `create`).
  std::unique_ptr<store::LedgerStore> open_ledger(bool create = false) const;
  /// --as-of, or today's UTC date.
  core::Date as_of() const;
  /// Parses a date option value; throws a usage error naming the option.
  static core::Date parse_date_option(const std::string& value, const char* option);
  /// Parses a --period value (YYYY-MM); throws a usage error naming the option.
  static core::Period parse_period_option(const std::string& value, const char* option);
  static void parse_period_option(const std::string& value, const char* option, core::Date& first, core::Date& last) {
    auto p = parse_period_option(value, option);
    first = p.first;
    last = p.last;
  }
  report::Format format() const;
  /// stdout, or the -o file (written to a temporary name and renamed on commit_output()).
  std::ostream& output();
  /// Makes the -o file visible; call after a report is fully written.
  void commit_output();
  /// Writes one report: `fill` gets a --format sink on output(), then commit_output(). Check
  /// format() first where a bad --format must fail before any work.
  void write_report(const std::function<void(report::RowSink&)>& fill);
  /// How this command was called, for the use cases (the audit trail's command line).
  ops::Invocation invocation() const { return {command_line}; }
  /// Diagnostics and progress (stderr), silenced by -q.
  void note(const std::string& message) const;

 private:
  std::unique_ptr<report::AtomicFile> file_;
};

}  // namespace otc::cli
