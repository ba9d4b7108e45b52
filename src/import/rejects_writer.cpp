#include "otc/import/rejects_writer.hpp"

#include "otc/core/error.hpp"

namespace otc::import {

RejectsWriter::RejectsWriter(const std::string& path, const std::vector<std::string>& header) {
  if (path.empty()) return;
  out_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*out_) throw core::Error(core::ErrorKind::kInput, "cannot write rejects file", {path});
  sink_ = report::make_sink(report::Format::kCsv, *out_);
  std::vector<report::Column> cols;
  cols.push_back({"line", report::CellKind::kNumber});
  for (const auto& h : header) cols.push_back({h, report::CellKind::kText});
  cols.push_back({"reason", report::CellKind::kText});
  width_ = header.size();
  sink_->begin(cols);
}

void RejectsWriter::add(const CsvReader& row, const std::string& reason) {
  if (!sink_) return;
  cells_.clear();
  cells_.push_back(std::to_string(row.line()));
  for (std::size_t i = 0; i < width_; ++i) cells_.emplace_back(row.field(i));
  cells_.push_back(reason);
  sink_->row(cells_);
}

void RejectsWriter::finish() {
  if (sink_) sink_->end();
}

std::string conflict_message(const std::string& what, const std::string& id, const std::string& existing_file,
                             long existing_line) {
  std::string msg = what + " '" + id + "' is already in the ledger with different content";
  if (!existing_file.empty()) {
    msg += " (from " + existing_file;
    if (existing_line > 0) msg += ":" + std::to_string(existing_line);
    msg += ")";
  }
  return msg;
}

}  // namespace otc::import
