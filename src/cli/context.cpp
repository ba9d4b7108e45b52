#include "context.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <filesystem>

#include "otc/core/error.hpp"
#include "progress.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/transaction.hpp"
#include "otc/store/open_store.hpp"

namespace otc::cli {

using core::Error;
using core::ErrorKind;

std::string Context::ledger_path() const {
  if (!opts.ledger.empty()) return opts.ledger;
  if (const char* env = std::getenv("OTC_LEDGER"); env && *env) return env;
  return "otc.db";
}

std::string Context::ledger_display() const { return store::display_ledger(ledger_path()); }

namespace {

store::StoreOptions store_options(const GlobalOptions& o) {
  store::StoreOptions so;
  if (!o.pg_schema.empty()) so.pg_schema = o.pg_schema;
  else if (const char* env = std::getenv("OTC_PG_SCHEMA"); env && *env) so.pg_schema = env;
  return so;
}

}  // namespace

std::unique_ptr<store::LedgerStore> Context::open_ledger(bool create) const {
  return store::open_store(ledger_path(), create ? store::OpenMode::kCreate : store::OpenMode::kExisting, store_options(opts));
}

std::unique_ptr<store::LedgerStore> Context::open_ledger_read_only() const {
  return store::open_store(ledger_path(), store::OpenMode::kReadOnly, store_options(opts));
}

std::unique_ptr<store::LedgerStore> Context::open_ledger_for(bool dry_run) const {
  return store::open_store(ledger_path(), dry_run ? store::OpenMode::kDryRun : store::OpenMode::kExisting, store_options(opts));
}

core::Date Context::parse_date_option(const std::string& value, const char* option) {
  auto d = core::parse_iso_date(value);
  if (!d || value.size() != 10) throw Error(ErrorKind::kUsage, std::string(option) + " '" + value + "' is not a date (YYYY-MM-DD)");
  return *d;
}

core::Period Context::parse_period_option(const std::string& value, const char* option) {
  auto p = core::parse_period(value);
  if (!p) throw Error(ErrorKind::kUsage, std::string(option) + " '" + value + "' is not a month (YYYY-MM)");
  return *p;
}

core::Date Context::as_of() const {
  if (!opts.as_of.empty()) return parse_date_option(opts.as_of, "--as-of");
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
  return core::Date::from_days(static_cast<std::int32_t>(days));
}

report::Format Context::format() const {
  report::Format f = report::Format::kCsv;
  const bool to_stdout = opts.output.empty() || opts.output == "-";
  if (opts.format.empty()) {
    if (auto inferred = report::format_from_extension(opts.output); inferred && !to_stdout) f = *inferred;
  } else if (!report::parse_format(opts.format, f)) {
    throw Error(ErrorKind::kUsage, "--format must be csv, json, table or xlsx");
  }
  if (f == report::Format::kXlsx && to_stdout && stdout_is_terminal())
    throw Error(ErrorKind::kUsage, "--format xlsx writes a binary workbook; not to a terminal", {},
                "write it to a file: -o report.xlsx");
  return f;
}

std::ostream& Context::output() {
  if (opts.output.empty() || opts.output == "-") return std::cout;
  if (!file_) file_ = std::make_unique<report::AtomicFile>(opts.output);
  return file_->stream();
}

void Context::prepare_output() {
  if (!file_) {
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::kInput, "cannot write the report to standard output (write error)");
    return;
  }
  file_->finish();
}

void Context::commit_output(bool ledger_changed) {
  // A write committed by this process (a report printed after its use case) also means the ledger
  // changed: a report that fails now must not say "nothing changed".
  ledger_changed = ledger_changed || store::committed_write_count() > 0;
  try {
    prepare_output();
  } catch (const Error& e) {
    if (!ledger_changed) throw;
    if (file_) {
      file_->discard();
      file_.reset();
    }
    throw Error(ErrorKind::kReportNotPlaced, std::string("the ledger changed, but the report could not be written (") + e.what() + ")",
                {opts.output.empty() ? std::string("-") : opts.output},
                "what was recorded is in the ledger: `otc log` lists it; run the report again to see it");
  }
  if (!file_) return;
  try {
    file_->publish();
  } catch (const Error& e) {
    if (!ledger_changed) {
      file_->discard();
      file_.reset();
      throw;
    }
    std::string where = file_->temp_path();
    file_.reset();
    throw Error(ErrorKind::kReportNotPlaced,
                std::string("the ledger changed, but the report could not be put in place (") + e.what() + ")", {opts.output},
                "the complete report is in " + where + "; `otc log` lists the batch and `otc log show BATCH` prints its report again");
  }
  file_.reset();
  note("wrote " + opts.output);
}

void Context::write_report(const std::function<void(report::RowSink&)>& fill) {
  const report::Format f = format();
  report::SinkOptions so;
  so.width = terminal_columns();
  if (!opts.output.empty() && opts.output != "-") so.sheet = std::filesystem::path(opts.output).stem().string();
  auto sink = report::make_sink(f, output(), so);
  fill(*sink);
  commit_output();
}

void Context::note(const std::string& message) const {
  if (!opts.quiet) std::cerr << "otc: " << message << '\n';
}

}  // namespace otc::cli
