#pragma once
// The reading half of a record import: the options and summary every import kind shares, the
// settings a mapping file overrides, and ArImportFile (the header, the column map, the row parser
// and the rejects file of one customers/invoices/payments CSV). Nothing here writes the ledger:
// the store writes, idempotency and the transaction are ops::import_records (otc/ops/import.hpp).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "otc/core/error.hpp"
#include "otc/import/ar_rows.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/mapping.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::import {

struct ImportOptions {
  std::string kind;            ///< customers | invoices | payments | contracts | usage
  std::string path;            ///< a regular file (stdin is spooled to one by the caller)
  std::string display_name;    ///< the name used in messages ("-" shows as <stdin>)
  std::string sha256;          ///< of the file's bytes
  std::string profile = "generic";
  const MappingFile* mapping = nullptr;
  InputSettings settings;
  bool skip_bad = false;       ///< import good rows; bad ones go to rejects_path
  std::string rejects_path;
  std::string command_line;    ///< for the audit entry (ops::import_records fills it from the Invocation)
  /// The import's as-of date (--as-of): the date of opening applications (open_amount below the
  /// amount). Without it, the report's own "As of" line, else `today`.
  std::optional<core::Date> as_of;
  core::Date today;
};

struct ImportSummary {
  bool already_imported = false;   ///< this exact file was imported before: nothing done
  store::BatchInfo previous;
  std::int64_t batch_id = 0;
  long rows_read = 0;
  long inserted = 0;
  long unchanged = 0;              ///< rows already in the ledger with the same content
  long rejected = 0;               ///< bad rows (written to rejects when skip_bad)
  long applied = 0;                ///< payment rows applied to an invoice
  long continuation_rows = 0;      ///< further rows of a split payment (same payment id, another invoice)
  long header_line = 1;            ///< where the header row was found
  long layout_rows = 0;            ///< section, total and blank rows skipped (report exports)
  long void_rows = 0;              ///< rows with a void status, skipped
  long stubs = 0;                  ///< customers created as stubs (id and name only)
  long credit_memos = 0;           ///< credit memos among the rows of an invoices file
  long credits_applied = 0;        ///< of which applied to the invoice they name
  long opening_applications = 0;   ///< invoices imported with an open balance below their amount
  core::Date opening_date;         ///< the date of those opening applications
};

/// Reports one bad row: location and reason.
using IssueSink = std::function<void(const core::SourceLocation&, const std::string&)>;


/// One customers/invoices/payments file being read: opens it, reads the header (an empty file is
/// an input error at line 1), resolves the columns and parses rows. Streaming: one row at a time.
class ArImportFile {
 public:
  explicit ArImportFile(const ImportOptions& options);

  /// Advances to the next data row, past section, total and blank rows; false at the end.
  bool next();
  long line() const { return reader_->line(); }
  /// Where the header is (found by the required fields, or the mapping file's header_row).
  long header_line() const { return header_line_; }
  /// The date a report export states above its header ("As of November 30, 2026"), if any.
  std::optional<core::Date> report_as_of() const { return report_as_of_; }
  /// Section, total and blank rows skipped so far.
  long layout_rows() const { return layout_rows_; }
  /// Where a row without a currency finds its customer's (set by the importer, which has the ledger).
  void set_customer_currency(CustomerCurrencyFn fn);
  template <class Record>
  bool parse(Record& out, std::vector<core::Issue>& issues) const {
    std::size_t before = issues.size();
    bool ok = parser_->parse(*reader_, out, issues);
    for (std::size_t i = before; i < issues.size(); ++i) issues[i].where.file = display_name_;
    return ok;
  }
  /// A bad row at `field`'s column of the current row (the row as a whole when the file has no such column).
  core::Issue issue(std::string_view field, std::string message) const;
  /// A bad row with no column.
  core::Issue row_issue(std::string message) const { return issue({}, std::move(message)); }
  /// The CSV reader positioned on the current row, and the file's header (for the rejects file).
  const CsvReader& reader() const { return *reader_; }
  const std::vector<std::string>& header() const { return header_; }
  const ColumnMap& columns() const { return map_; }

 private:
  bool layout_row() const;

  std::string display_name_;
  const ImportOptions* options_;
  InputSettings settings_;
  std::string data_;                   // the file, when read into memory (CR-only line endings)
  std::unique_ptr<CsvReader> reader_;
  std::vector<std::string> header_;
  long header_line_ = 1;
  std::optional<core::Date> report_as_of_;
  long layout_rows_ = 0;
  int key_index_ = -1;                 // the record's id column (invoice_id, payment_id, customer_id)
  ColumnMap map_;
  std::optional<ArRowParser> parser_;
};

}  // namespace otc::import
