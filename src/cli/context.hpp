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
  std::string ledger;         ///< --ledger; empty = $OTC_LEDGER, else ./otc.db (or a postgresql:// URI)
  std::string pg_schema;      ///< --pg-schema; empty = $OTC_PG_SCHEMA, else otc
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
  /// The ledger for messages (a PostgreSQL URI's password hidden).
  std::string ledger_display() const;
  /// Opens the existing ledger (error if missing, unless `create`).
  std::unique_ptr<store::LedgerStore> open_ledger(bool create = false) const;
  /// For reports: opens the existing ledger read-only, so that a read-only file, directory or
  /// mount works (docs/output.md).
  std::unique_ptr<store::LedgerStore> open_ledger_read_only() const;
  /// For write commands: with `dry_run`, a ledger that cannot be written is read into a scratch
  /// copy in memory (the dry run writes and rolls back there); otherwise open_ledger().
  std::unique_ptr<store::LedgerStore> open_ledger_for(bool dry_run) const;
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
  /// The output protocol (docs/output.md). stdout, or the -o target: a regular file is written
  /// to TARGET.otc-tmp and renamed on commit_output(); a FIFO or device is written through; a
  /// symlink is followed; a directory is refused.
  std::ostream& output();
  /// Flushes (and for a file syncs) what output() holds and checks every write: throws
  /// core::Error(kInput) naming the target on any failure. Write commands call it from their use
  /// case's before_commit, so that a report that cannot be written fails the command while the
  /// ledger is still unchanged.
  void prepare_output();
  /// prepare_output(), then makes the -o file visible (the rename). `ledger_changed`: the command
  /// committed; a rename that fails then is core::ErrorKind::kReportNotPlaced (exit 4) naming
  /// where the complete report was left. Otherwise a failure removes the temporary file.
  void commit_output(bool ledger_changed = false);
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
