#pragma once
// The reading half of a record import: the options and summary every import kind shares, the
// settings a mapping file overrides, and ArImportFile (the header, the column map, the row parser
// and the rejects file of one customers/invoices/payments CSV). Nothing here writes the ledger:
// the store writes, idempotency and the transaction are ops::import_records (otc/ops/import.hpp).
#include <cstdint>
#include <functional>
#include <memory>
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
};

/// Reports one bad row: location and reason.
using IssueSink = std::function<void(const core::SourceLocation&, const std::string&)>;


/// One customers/invoices/payments file being read: opens it, reads the header (an empty file is
/// an input error at line 1), resolves the columns and parses rows. Streaming: one row at a time.
class ArImportFile {
 public:
  explicit ArImportFile(const ImportOptions& options);

  /// Advances to the next data row; false at the end.
  bool next() { return reader_.next(); }
  long line() const { return reader_.line(); }
  template <class Record>
  bool parse(Record& out, std::vector<core::Issue>& issues) const {
    std::size_t before = issues.size();
    bool ok = parser_.parse(reader_, out, issues);
    for (std::size_t i = before; i < issues.size(); ++i) issues[i].where.file = display_name_;
    return ok;
  }
  /// A bad row at `field`'s column of the current row (the row as a whole when the file has no such column).
  core::Issue issue(std::string_view field, std::string message) const;
  /// A bad row with no column.
  core::Issue row_issue(std::string message) const { return issue({}, std::move(message)); }
  /// The CSV reader positioned on the current row, and the file's header (for the rejects file).
  const CsvReader& reader() const { return reader_; }
  const std::vector<std::string>& header() const { return header_; }

 private:
  std::string display_name_;
  InputSettings settings_;
  CsvReader reader_;
  std::vector<std::string> header_;
  ColumnMap map_;
  ArRowParser parser_;
};

}  // namespace otc::import
