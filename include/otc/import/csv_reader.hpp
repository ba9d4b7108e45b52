#pragma once
// The one CSV reader: RFC 4180 over a bounded line reader. Any column count, quoted fields with
// embedded delimiters, doubled quotes and line breaks, a UTF-8 BOM, LF, CRLF or CR-only line
// ends. Input limits (docs/limits.md): a physical line over kMaxLineBytes or a field over
// kMaxFieldBytes is an error at FILE:LINE:COL, never a truncation or a crash.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/error.hpp"

namespace otc::import {

/// The longest physical line accepted (1 MiB).
inline constexpr std::size_t kMaxLineBytes = 1u << 20;
/// The longest field accepted after unquoting, including the line breaks of a quoted field (1 MiB).
inline constexpr std::size_t kMaxFieldBytes = 1u << 20;
/// The longest record (all the physical lines of one row) accepted (16 MiB).
inline constexpr std::size_t kMaxRecordBytes = 16u << 20;
/// The longest identifier accepted (customer, invoice, payment, contract ids; docs/limits.md).
inline constexpr std::size_t kMaxIdBytes = 128;

class LineSource;

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
  /// end of input. Throws otc::core::Error on an unterminated quoted field, a line over
  /// kMaxLineBytes or a field over kMaxFieldBytes.
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
  [[noreturn]] void too_long(const char* what, std::size_t limit, std::size_t field) const;
  std::unique_ptr<LineSource> lines_;
  std::string file_name_;
  std::string raw_;             // the record's first physical line, reused between records
  std::string data_;            // unescaped field text of the current record, reused between records
  std::vector<Bounds> bounds_;  // reused between records
  long record_line_ = 0;
  char delimiter_;
  bool first_line_ = true;
};

}  // namespace otc::import
