#include "otc/import/csv_reader.hpp"

#include <libfccp/csv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "otc/core/error.hpp"

namespace otc::import {

using core::Error;
using core::ErrorKind;

CsvReader::CsvReader(const std::string& path, char delimiter) : file_name_(path == "-" ? "<stdin>" : path), delimiter_(delimiter) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    throw Error(ErrorKind::kInput, std::string("cannot open: ") + std::strerror(errno), {file_name_});
  }
  lines_ = std::make_unique<io::LineReader>(file_name_, f);
  data_.reserve(1024);
  bounds_.reserve(64);
}

CsvReader::CsvReader(const std::string& name, std::string_view data, char delimiter)
    : file_name_(name), delimiter_(delimiter) {
  lines_ = std::make_unique<io::LineReader>(name, data.data(), data.data() + data.size());
}

CsvReader::~CsvReader() = default;

bool CsvReader::next() {
  data_.clear();
  bounds_.clear();
  char* line = nullptr;
  // Skip blank lines between records.
  for (;;) {
    line = lines_->next_line();
    if (line == nullptr) return false;
    if (first_line_) {
      first_line_ = false;
      if (std::strncmp(line, "\xEF\xBB\xBF", 3) == 0) line += 3;
    }
    if (*line != '\0') break;
  }
  record_line_ = static_cast<long>(lines_->get_file_line());
  raw_.assign(line);

  std::uint32_t field_begin = 0;
  std::int32_t raw_begin = 0;
  bool first_physical = true;
  bool in_quotes = false;
  bool was_quoted = false;     // the current field began with a quote
  bool after_close = false;    // a quoted field's closing quote has been seen
  const char* p = line;
  for (;;) {
    char c = *p;
    if (c == '\0') {
      if (in_quotes) {
        // A quoted field spans lines: keep the line break and continue on the next physical line.
        char* more = lines_->next_line();
        if (more == nullptr) {
          throw Error(ErrorKind::kInput, "quoted field is not closed before the end of the file",
                      {file_name_, record_line_, static_cast<int>(bounds_.size() + 1)});
        }
        data_.push_back('\n');
        p = more;
        first_physical = false;
        continue;
      }
      bounds_.push_back({field_begin, static_cast<std::uint32_t>(data_.size() - field_begin), raw_begin});
      return true;
    }
    if (in_quotes) {
      if (c == '"') {
        if (p[1] == '"') {
          data_.push_back('"');
          p += 2;
          continue;
        }
        in_quotes = false;
        after_close = true;
        ++p;
        continue;
      }
      data_.push_back(c);
      ++p;
      continue;
    }
    if (c == delimiter_) {
      bounds_.push_back({field_begin, static_cast<std::uint32_t>(data_.size() - field_begin), raw_begin});
      field_begin = static_cast<std::uint32_t>(data_.size());
      raw_begin = first_physical ? static_cast<std::int32_t>(p + 1 - line) : -1;
      was_quoted = after_close = false;
      ++p;
      continue;
    }
    if (c == '"' && data_.size() == field_begin && !was_quoted) {
      in_quotes = was_quoted = true;
      ++p;
      continue;
    }
    if (after_close) {
      if (c == ' ' || c == '\t') { ++p; continue; }  // padding after a closing quote
      throw Error(ErrorKind::kInput, "unexpected text after the closing quote of a quoted field",
                  {file_name_, static_cast<long>(lines_->get_file_line()), static_cast<int>(bounds_.size() + 1)});
    }
    // A stray quote inside an unquoted field is kept as text (common in hand-edited exports).
    data_.push_back(c);
    ++p;
  }
}

core::SourceLocation CsvReader::location(std::size_t i) const {
  core::SourceLocation where{file_name_, record_line_, static_cast<int>(i + 1), raw_, -1};
  if (i < bounds_.size()) where.caret = bounds_[i].raw_begin;
  else if (i == bounds_.size()) where.caret = static_cast<int>(raw_.size());  // a missing trailing field
  return where;
}

}  // namespace otc::import
