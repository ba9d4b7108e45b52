#include "otc/import/csv_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "otc/core/error.hpp"

namespace otc::import {

using core::Error;
using core::ErrorKind;

/// Physical lines from a FILE* or from memory. A line ends at LF, CRLF or a lone CR; the end is
/// not part of the line. A line over kMaxLineBytes stops reading (the caller reports it).
class LineSource {
 public:
  LineSource(FILE* f, bool owned) : file_(f), owned_(owned) { buf_.resize(1 << 16); }
  explicit LineSource(std::string_view data) : mem_(data) {}
  ~LineSource() {
    if (file_ && owned_) std::fclose(file_);
  }
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  /// false at the end of input. Otherwise `line` holds the line (at most kMaxLineBytes + 1 bytes:
  /// more means too long) and line_number() its 1-based number.
  bool next(std::string& line) {
    line.clear();
    bool any = false;
    for (;;) {
      if (pos_ == end_ && !fill()) {
        if (any) ++number_;
        return any;
      }
      if (skip_lf_) {
        skip_lf_ = false;
        if (data_[pos_] == '\n' && ++pos_ == end_) continue;
      }
      any = true;
      // The line ends at the first LF or CR. The next of each in the block is found by memchr
      // and remembered until passed, so that no byte is searched twice for either.
      if (lf_at_ == kUnknown || lf_at_ < pos_) lf_at_ = find(pos_, '\n');
      if (cr_at_ == kUnknown || cr_at_ < pos_) cr_at_ = find(pos_, '\r');
      const std::size_t i = std::min(lf_at_, cr_at_);
      std::size_t room = kMaxLineBytes + 1 - line.size();
      line.append(data_ + pos_, std::min(i - pos_, room));
      if (i == end_) {
        pos_ = end_;
        if (line.size() > kMaxLineBytes) {
          ++number_;
          return true;  // too long: the caller reports it; the rest of the line is never read
        }
        continue;
      }
      skip_lf_ = data_[i] == '\r';
      pos_ = i + 1;
      ++number_;
      return true;
    }
  }
  long line_number() const { return number_; }

 private:
  static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  /// The index of the first `c` at or after `from` in the block, else end_.
  std::size_t find(std::size_t from, char c) const {
    const void* at = std::memchr(data_ + from, c, end_ - from);
    return at ? static_cast<std::size_t>(static_cast<const char*>(at) - data_) : end_;
  }
  bool fill() {
    lf_at_ = cr_at_ = kUnknown;
    if (!file_) {
      if (mem_done_) return false;
      mem_done_ = true;
      data_ = mem_.data();
      pos_ = 0;
      end_ = mem_.size();
      return end_ > 0;
    }
    std::size_t n = std::fread(buf_.data(), 1, buf_.size(), file_);
    data_ = buf_.data();
    pos_ = 0;
    end_ = n;
    return n > 0;
  }

  FILE* file_ = nullptr;
  bool owned_ = false;
  std::string_view mem_;
  bool mem_done_ = false;
  std::string buf_;
  const char* data_ = nullptr;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t lf_at_ = kUnknown, cr_at_ = kUnknown;  // the next LF and CR of the block (find)
  bool skip_lf_ = false;
  long number_ = 0;
};

CsvReader::CsvReader(const std::string& path, char delimiter) : file_name_(path == "-" ? "<stdin>" : path), delimiter_(delimiter) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    throw Error(ErrorKind::kInput, std::string("cannot open: ") + std::strerror(errno), {file_name_});
  }
  lines_ = std::make_unique<LineSource>(f, path != "-");
  data_.reserve(1024);
  bounds_.reserve(64);
}

CsvReader::CsvReader(const std::string& name, std::string_view data, char delimiter)
    : file_name_(name), delimiter_(delimiter) {
  lines_ = std::make_unique<LineSource>(data);
}

CsvReader::~CsvReader() = default;

void CsvReader::too_long(const char* what, std::size_t limit, std::size_t field) const {
  core::SourceLocation where{file_name_, lines_->line_number(), static_cast<int>(field + 1), {}, -1};
  if (lines_->line_number() == record_line_) {
    where.text = raw_.substr(0, 200);  // the printer shows at most 200 characters anyway
  }
  throw Error(ErrorKind::kInput, std::string(what) + " is longer than " + std::to_string(limit) + " bytes, the limit", where,
              "see docs/limits.md; a quoted field whose closing quote is missing also runs on like this");
}

bool CsvReader::next() {
  data_.clear();
  bounds_.clear();
  std::string_view line;
  // Skip blank lines between records.
  for (;;) {
    if (!lines_->next(raw_)) return false;
    if (first_line_) {
      first_line_ = false;
      if (raw_.compare(0, 3, "\xEF\xBB\xBF") == 0) raw_.erase(0, 3);
    }
    line = raw_;
    if (!line.empty()) break;
  }
  record_line_ = lines_->line_number();
  if (raw_.size() > kMaxLineBytes) {
    // Name the field the limit falls in: count delimiters outside quotes.
    std::size_t field = 0;
    bool q = false;
    for (char c : raw_) {
      if (c == '"') q = !q;
      else if (c == delimiter_ && !q) ++field;
    }
    too_long("line", kMaxLineBytes, field);
  }
  std::uint32_t field_begin = 0;
  std::int32_t raw_begin = 0;
  bool first_physical = true;
  bool in_quotes = false;
  bool was_quoted = false;     // the current field began with a quote
  bool after_close = false;    // a quoted field's closing quote has been seen
  const char* p = line.data();
  const char* end = line.data() + line.size();
  std::string more;  // a continuation line of a quoted field
  auto close_field = [&] {
    if (data_.size() - field_begin > kMaxFieldBytes) too_long("field", kMaxFieldBytes, bounds_.size());
    bounds_.push_back({field_begin, static_cast<std::uint32_t>(data_.size() - field_begin), raw_begin});
  };
  for (;;) {
    if (p == end) {
      if (in_quotes) {
        // A quoted field spans lines: keep the line break and continue on the next physical line.
        if (!lines_->next(more)) {
          throw Error(ErrorKind::kInput, "quoted field is not closed before the end of the file",
                      {file_name_, record_line_, static_cast<int>(bounds_.size() + 1)});
        }
        if (more.size() > kMaxLineBytes) too_long("line", kMaxLineBytes, bounds_.size());
        data_.push_back('\n');
        if (data_.size() - field_begin + more.size() > kMaxFieldBytes) too_long("field", kMaxFieldBytes, bounds_.size());
        if (data_.size() + more.size() > kMaxRecordBytes) too_long("record", kMaxRecordBytes, bounds_.size());
        p = more.data();
        end = more.data() + more.size();
        first_physical = false;
        continue;
      }
      close_field();
      return true;
    }
    const char c = *p;
    if (in_quotes) {
      if (c != '"') {
        // A run of quoted text up to the next quote (or the line's end), appended at once.
        const char* q = p + 1;
        while (q < end && *q != '"') ++q;
        data_.append(p, static_cast<std::size_t>(q - p));
        p = q;
        continue;
      }
      if (p + 1 < end && p[1] == '"') {
        data_.push_back('"');
        p += 2;
        continue;
      }
      in_quotes = false;
      after_close = true;
      ++p;
      continue;
    }
    if (c == delimiter_) {
      close_field();
      field_begin = static_cast<std::uint32_t>(data_.size());
      raw_begin = first_physical ? static_cast<std::int32_t>(p + 1 - raw_.data()) : -1;
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
                  {file_name_, lines_->line_number(), static_cast<int>(bounds_.size() + 1)});
    }
    // A stray quote inside an unquoted field is kept as text (common in hand-edited exports).
    // The rest of a run of plain text (no delimiter, no quote) is appended at once.
    const char* q = p + 1;
    if (c != '"')
      while (q < end && *q != delimiter_ && *q != '"') ++q;
    data_.append(p, static_cast<std::size_t>(q - p));
    p = q;
  }
}

core::SourceLocation CsvReader::location(std::size_t i) const {
  core::SourceLocation where{file_name_, record_line_, static_cast<int>(i + 1), raw_, -1};
  if (i < bounds_.size()) where.caret = bounds_[i].raw_begin;
  else if (i == bounds_.size()) where.caret = static_cast<int>(raw_.size());  // a missing trailing field
  return where;
}

}  // namespace otc::import
