#pragma once
// Reports are streamed as rows of typed cells into a sink; one sink per output format.
#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace otc::report {

enum class CellKind {
  kText,    ///< free text: neutralised in CSV when it starts like a formula
  kNumber,  ///< a plain decimal (amounts, counts, days): never neutralised, unquoted in JSON
  kDate,    ///< ISO date
  kNull,    ///< no value (empty in CSV, null in JSON)
};

struct Column {
  std::string name;
  CellKind kind = CellKind::kText;
  /// Table only: 0 = always shown; 1, 2, ... = dropped in that order (1 first) when the table is
  /// wider than the terminal. Each report documents its order in docs/output-formats.md.
  int drop = 0;
};

enum class Format { kCsv, kJson, kTable, kXlsx };

/// Parses "csv" | "json" | "table" | "xlsx"; false on anything else.
bool parse_format(std::string_view text, Format& out);

/// The format a file name's extension names: .csv, .json, .xlsx, .txt (table); nullopt otherwise.
std::optional<Format> format_from_extension(std::string_view path);

/// What a sink may need beyond its stream.
struct SinkOptions {
  std::size_t width = 120;          ///< table: the terminal width to fit ($COLUMNS, read by the command)
  std::string sheet = "report";     ///< xlsx: the worksheet's name
};

class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin(const std::vector<Column>& columns) = 0;
  /// One row: cells.size() == columns.size(). A cell whose column kind is number/date but whose
  /// text is empty is written as null.
  virtual void row(const std::vector<std::string>& cells) = 0;
  virtual void end() = 0;
};

/// Makes the sink for `format` writing to `out` (which must outlive the sink): the one factory.
std::unique_ptr<RowSink> make_sink(Format format, std::ostream& out, const SinkOptions& options = {});

/// The table and xlsx sinks (src/report/table_sink.cpp, src/report/xlsx_sink.cpp), made by make_sink.
std::unique_ptr<RowSink> make_table_sink(std::ostream& out, const SinkOptions& options);
std::unique_ptr<RowSink> make_xlsx_sink(std::ostream& out, const SinkOptions& options);

/// `--sort COLUMN[:desc]` and `--customer ID` for the reports that offer them.
struct RowSelection {
  std::string sort;      ///< a column name, optionally ":desc" / ":asc"; empty = the report's order
  std::string customer;  ///< keep only rows whose customer_id is this; empty = all
  bool any() const { return !sort.empty() || !customer.empty(); }
};

/// A sink that filters and sorts rows before passing them to `inner` (which must outlive it).
/// Numbers sort numerically, text and dates as text; ties keep the report's order. An unknown
/// column, or --customer on a report without customer_id, throws a usage error naming the columns.
std::unique_ptr<RowSink> make_selecting_sink(RowSink& inner, RowSelection selection);
/// The same checks as make_selecting_sink's, up front: for a command that writes to the ledger
/// before its report, so that a bad --sort is refused (exit 2) before anything changed.
void check_selection(const std::vector<Column>& columns, const RowSelection& selection);

/// "1234567.89" -> "1,234,567.89" (thousands separators for people); other text unchanged.
std::string group_thousands(std::string_view plain_decimal);

/// Whether a text cell would be run as a formula by a spreadsheet (leading =, +, -, @, tab, CR),
/// a plain signed number ("-12.34") excepted.
bool formula_like(std::string_view text);

/// The CSV cell rule, in one place: quotes when needed and neutralises formula-like text.
void append_csv_cell(std::string& out, std::string_view text, CellKind kind);

}  // namespace otc::report
