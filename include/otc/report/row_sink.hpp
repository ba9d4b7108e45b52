#pragma once
// Reports are streamed as rows of typed cells into a sink; one sink per output format.
#include <memory>
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
};

enum class Format { kCsv, kJson, kTable };

/// Parses "csv" | "json" | "table"; nullopt-like false on anything else.
bool parse_format(std::string_view text, Format& out);

class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin(const std::vector<Column>& columns) = 0;
  /// One row: cells.size() == columns.size(). A cell whose column kind is number/date but whose
  /// text is empty is written as null.
  virtual void row(const std::vector<std::string>& cells) = 0;
  virtual void end() = 0;
};

/// Makes the sink for `format` writing to `out` (which must outlive the sink).
std::unique_ptr<RowSink> make_sink(Format format, std::ostream& out);

/// The CSV cell rule, in one place: quotes when needed and neutralises formula-like text.
void append_csv_cell(std::string& out, std::string_view text, CellKind kind);

}  // namespace otc::report
