#pragma once
// Rejected rows of an import with --skip-bad: the line, the original columns and a reason. The
// file is written atomically (report::AtomicFile): it appears complete when finish() is called.
#include <memory>
#include <string>
#include <vector>

#include "otc/import/csv_reader.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

class RejectsWriter {
 public:
  /// An empty path writes nothing (add() and finish() do nothing).
  RejectsWriter(const std::string& path, const std::vector<std::string>& header);
  void add(const import::CsvReader& row, const std::string& reason);
  /// Completes the file and makes it visible.
  void finish();

 private:
  std::unique_ptr<AtomicFile> file_;
  std::unique_ptr<RowSink> sink_;
  std::vector<std::string> cells_;
  std::size_t width_ = 0;
};

}  // namespace otc::report
