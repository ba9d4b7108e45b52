#include "otc/report/row_sink.hpp"

#include <algorithm>

namespace otc::report {
namespace {

constexpr std::size_t kFlushAt = 1 << 16;

bool plain_number(std::string_view s) {
  // "-12.34", "+5": a spreadsheet reads these as numbers, never as formulas.
  if (s.size() < 2) return false;
  bool digit = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '.' && c != ',') return false;
  }
  return digit;
}

bool formula_like(std::string_view s) {
  if (s.empty()) return false;
  char c = s.front();
  if ((c == '-' || c == '+') && plain_number(s)) return false;
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

class CsvSink final : public RowSink {
 public:
  explicit CsvSink(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  void begin(const std::vector<Column>& columns) override {
    kinds_.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) buf_.push_back(',');
      append_csv_cell(buf_, columns[i].name, CellKind::kText);
      kinds_.push_back(columns[i].kind);
    }
    buf_.push_back('\n');
  }
  void row(const std::vector<std::string>& cells) override {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) buf_.push_back(',');
      append_csv_cell(buf_, cells[i], i < kinds_.size() ? kinds_[i] : CellKind::kText);
    }
    buf_.push_back('\n');
    if (buf_.size() >= kFlushAt) flush();
  }
  void end() override { flush(); out_.flush(); }

 private:
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  std::ostream& out_;
  std::string buf_;
  std::vector<CellKind> kinds_;
};

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out.append("\\u00");
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

// JSON: an array of objects, one per row. Numbers are written as JSON strings would lose
// nothing, but programs expect numbers: amounts are exact decimals, so they are emitted as
// JSON numbers with the digits we printed (no float round trip on our side).
class JsonSink final : public RowSink {
 public:
  explicit JsonSink(std::ostream& out) : out_(out) {}
  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    buf_.append("[");
    first_ = true;
  }
  void row(const std::vector<std::string>& cells) override {
    buf_.append(first_ ? "\n  {" : ",\n  {");
    first_ = false;
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
      if (i) buf_.append(", ");
      append_json_string(buf_, columns_[i].name);
      buf_.append(": ");
      const std::string& v = cells[i];
      CellKind k = columns_[i].kind;
      if (k == CellKind::kNull || (v.empty() && k != CellKind::kText)) buf_.append("null");
      else if (k == CellKind::kNumber) buf_.append(v);
      else append_json_string(buf_, v);
    }
    buf_.push_back('}');
    if (buf_.size() >= kFlushAt) flush();
  }
  void end() override {
    buf_.append(first_ ? "]\n" : "\n]\n");
    flush();
    out_.flush();
  }

 private:
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  std::ostream& out_;
  std::vector<Column> columns_;
  std::string buf_;
  bool first_ = true;
};

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Table: aligned columns for a person at a terminal; numbers right-aligned. Buffers all rows.
class TableSink final : public RowSink {
 public:
  explicit TableSink(std::ostream& out) : out_(out) {}
  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    widths_.assign(columns.size(), 0);
    for (std::size_t i = 0; i < columns.size(); ++i) widths_[i] = display_width(columns[i].name);
  }
  void row(const std::vector<std::string>& cells) override {
    rows_.push_back(cells);
    for (std::size_t i = 0; i < cells.size() && i < widths_.size(); ++i) {
      std::string_view v = cells[i];
      if (auto nl = v.find('\n'); nl != std::string_view::npos) v = v.substr(0, nl);
      widths_[i] = std::max(widths_[i], display_width(v));
    }
  }
  void end() override {
    std::string line;
    auto emit = [&](const std::vector<std::string>& cells, bool header) {
      line.clear();
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        std::string_view v = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
        if (auto nl = v.find('\n'); nl != std::string_view::npos) v = v.substr(0, nl);
        std::size_t pad = widths_[i] - display_width(v);
        bool right = !header && columns_[i].kind == CellKind::kNumber;
        if (i) line.append("  ");
        if (right) line.append(pad, ' ');
        line.append(v);
        if (!right && i + 1 < columns_.size()) line.append(pad, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      line.push_back('\n');
      out_ << line;
    };
    std::vector<std::string> names;
    for (const auto& c : columns_) names.push_back(c.name);
    emit(names, true);
    std::vector<std::string> rule;
    for (auto w : widths_) rule.push_back(std::string(w, '-'));
    emit(rule, true);
    for (const auto& r : rows_) emit(r, false);
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::vector<Column> columns_;
  std::vector<std::size_t> widths_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

bool parse_format(std::string_view text, Format& out) {
  if (text == "csv") out = Format::kCsv;
  else if (text == "json") out = Format::kJson;
  else if (text == "table") out = Format::kTable;
  else return false;
  return true;
}

void append_csv_cell(std::string& out, std::string_view s, CellKind kind) {
  bool neutralise = kind == CellKind::kText && formula_like(s);
  bool quote = false;
  for (char c : s) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') { quote = true; break; }
  }
  if (!quote && !s.empty() && (s.front() == ' ' || s.back() == ' ')) quote = true;
  if (quote) out.push_back('"');
  if (neutralise) out.push_back('\'');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  if (quote) out.push_back('"');
}

std::unique_ptr<RowSink> make_sink(Format format, std::ostream& out) {
  switch (format) {
    case Format::kCsv: return std::make_unique<CsvSink>(out);
    case Format::kJson: return std::make_unique<JsonSink>(out);
    case Format::kTable: return std::make_unique<TableSink>(out);
  }
  return nullptr;
}

}  // namespace otc::report
