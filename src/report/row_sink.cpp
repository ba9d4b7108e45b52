#include "otc/report/row_sink.hpp"

#include <algorithm>
#include <array>
#include <optional>

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

}  // namespace

bool parse_format(std::string_view text, Format& out) {
  if (text == "csv") out = Format::kCsv;
  else if (text == "json") out = Format::kJson;
  else if (text == "table") out = Format::kTable;
  else if (text == "xlsx") out = Format::kXlsx;
  else return false;
  return true;
}

std::optional<Format> format_from_extension(std::string_view path) {
  auto slash = path.find_last_of('/');
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string ext;
  for (char c : path.substr(dot + 1)) ext.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  if (ext == "csv") return Format::kCsv;
  if (ext == "json") return Format::kJson;
  if (ext == "xlsx") return Format::kXlsx;
  if (ext == "txt") return Format::kTable;
  return std::nullopt;
}

bool formula_like(std::string_view s) {
  if (s.empty()) return false;
  char c = s.front();
  if ((c == '-' || c == '+') && plain_number(s)) return false;
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void append_csv_cell(std::string& out, std::string_view s, CellKind kind) {
  bool neutralise = kind == CellKind::kText && formula_like(s);
  // The characters that make a cell quoted: a table look-up per character.
  static constexpr auto kQuoted = [] {
    std::array<bool, 256> t{};
    t[static_cast<unsigned char>(',')] = t[static_cast<unsigned char>('"')] = true;
    t[static_cast<unsigned char>('\n')] = t[static_cast<unsigned char>('\r')] = true;
    return t;
  }();
  bool quote = false;
  for (char c : s) {
    if (kQuoted[static_cast<unsigned char>(c)]) { quote = true; break; }
  }
  if (!quote && !s.empty() && (s.front() == ' ' || s.back() == ' ')) quote = true;
  if (!quote) {  // most cells: copied whole
    if (neutralise) out.push_back('\'');
    out.append(s);
    return;
  }
  out.push_back('"');
  if (neutralise) out.push_back('\'');
  // Copied in runs between quotes; each quote doubled.
  for (std::size_t from = 0;;) {
    const std::size_t q = s.find('"', from);
    if (q == std::string_view::npos) {
      out.append(s.substr(from));
      break;
    }
    out.append(s.substr(from, q + 1 - from));
    out.push_back('"');
    from = q + 1;
  }
  out.push_back('"');
}

std::unique_ptr<RowSink> make_sink(Format format, std::ostream& out, const SinkOptions& options) {
  switch (format) {
    case Format::kCsv: return std::make_unique<CsvSink>(out);
    case Format::kJson: return std::make_unique<JsonSink>(out);
    case Format::kTable: return make_table_sink(out, options);
    case Format::kXlsx: return make_xlsx_sink(out, options);
  }
  return nullptr;
}

}  // namespace otc::report
