#include "otc/report/rejects_writer.hpp"

namespace otc::report {

RejectsWriter::RejectsWriter(const std::string& path, const std::vector<std::string>& header) {
  if (path.empty()) return;
  file_ = std::make_unique<AtomicFile>(path);
  sink_ = make_sink(Format::kCsv, file_->stream());
  std::vector<Column> cols;
  cols.push_back({"line", CellKind::kNumber});
  for (const auto& h : header) cols.push_back({h, CellKind::kText});
  cols.push_back({"reason", CellKind::kText});
  width_ = header.size();
  sink_->begin(cols);
}

void RejectsWriter::add(const import::CsvReader& row, const std::string& reason) {
  if (!sink_) return;
  cells_.clear();
  cells_.push_back(std::to_string(row.line()));
  for (std::size_t i = 0; i < width_; ++i) cells_.emplace_back(row.field(i));
  cells_.push_back(reason);
  sink_->row(cells_);
}

void RejectsWriter::finish() {
  if (!sink_) return;
  sink_->end();
  sink_.reset();
  file_->commit();
}

}  // namespace otc::report
