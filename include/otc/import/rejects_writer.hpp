#pragma once
// Rejected rows of an import with --skip-bad: the line, the original columns and a reason.
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "otc/import/csv_reader.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::import {

class RejectsWriter {
 public:
  /// An empty path writes nothing (add() and finish() do nothing).
  RejectsWriter(const std::string& path, const std::vector<std::string>& header);
  void add(const CsvReader& row, const std::string& reason);
  void finish();

 private:
  std::unique_ptr<std::ofstream> out_;
  std::unique_ptr<report::RowSink> sink_;
  std::vector<std::string> cells_;
  std::size_t width_ = 0;
};

/// "<what> '<id>' is already in the ledger with different content (from FILE:LINE)".
std::string conflict_message(const std::string& what, const std::string& id, const std::string& existing_file,
                             long existing_line);

}  // namespace otc::import
