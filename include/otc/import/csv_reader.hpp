#pragma once
// The one CSV reader: RFC 4180 over fast-cpp-csv-parser's LineReader. Any column count,
// quoted fields with embedded delimiters, doubled quotes and line breaks, a UTF-8 BOM, CRLF.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/error.hpp"

namespace io { class LineReader; }

namespace otc::import {

class CsvReader {
 public:
  /// Opens `path` ("-" is stdin). Throws otc::core::Error when the file cannot be opened.
  explicit CsvReader(const std::string& path, char delimiter = ',');
  /// Reads from memory (tests); `name` is used in error locations.
  CsvReader(const std::string& name, std::string_view data, char delimiter = ',');
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Advances to the next record. Blank lines between records are skipped. Returns false at the
  /// end of input. Throws otc::core::Error on an unterminated quoted field.
  bool next();

  std::size_t size() const { return bounds_.size(); }
  /// Field `i` of the current record (empty view when i >= size()). Valid until the next call to next().
  std::string_view field(std::size_t i) const {
    if (i >= bounds_.size()) return {};
    return std::string_view(data_.data() + bounds_[i].begin, bounds_[i].length);
  }
  /// The physical line on which the current record starts (1-based).
  long line() const { return record_line_; }
  const std::string& file_name() const { return file_name_; }
  /// The first physical line of the current record, as it stands in the file.
  std::string_view raw_line() const { return raw_; }
  /// Where field `i` of the current record is: file, line, column i+1, the line's text and the
  /// caret under the field's first character (for error messages).
  core::SourceLocation location(std::size_t i) const;
  /// The same for a 0-based field index that may be -1 (the row as a whole: the line, no caret).
  core::SourceLocation location_of(int index) const {
    if (index >= 0) return location(static_cast<std::size_t>(index));
    return {file_name_, record_line_, 0, raw_, -1};
  }

 private:
  struct Bounds {
    std::uint32_t begin;
    std::uint32_t length;
    std::int32_t raw_begin;  // byte offset of the field in raw_, -1 when it starts on a later line
  };
  std::unique_ptr<io::LineReader> lines_;
  std::string file_name_;
  std::string raw_;             // the record's first physical line, reused between records
  std::string data_;            // unescaped field text of the current record, reused between records
  std::vector<Bounds> bounds_;  // reused between records
  long record_line_ = 0;
  char delimiter_;
  bool first_line_ = true;
};

}  // namespace otc::import
