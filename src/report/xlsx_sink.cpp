// The xlsx sink (libxlsxwriter): one worksheet; a bold, frozen header with an autofilter; numbers
// as numbers shown with the decimals they were printed with (an amount's currency decimals);
// dates as Excel dates; text (ids included, leading zeros kept) as text — never as a formula.
//
// libxlsxwriter writes to a file name, so the workbook is built in a temporary file and its bytes
// copied to the sink's stream at end() (the stream is usually an AtomicFile).
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/error.hpp"
#include "otc/report/row_sink.hpp"
#include "otc/report/xlsx_workbook.hpp"

namespace otc::report {
namespace {

using core::Error;
using core::ErrorKind;

constexpr lxw_row_t kMaxRows = 1048576;  // Excel's limit, the header included
constexpr double kMaxWidth = 60;

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Decimals of a plain decimal "1234.560" -> 3; nullopt when it is not a plain decimal.
std::optional<int> decimals_of(std::string_view v) {
  std::size_t i = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
  if (i == v.size()) return std::nullopt;
  int decimals = -1;
  bool digit = false;
  for (; i < v.size(); ++i) {
    char c = v[i];
    if (c >= '0' && c <= '9') {
      digit = true;
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  return decimals < 0 ? 0 : decimals;
}

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name(std::string_view want) {
  std::string out;
  for (char c : want) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    out.push_back(c);
  }
  if (out.size() > 31) out.resize(31);
  if (out.empty()) out = "report";
  return out;
}

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::kInput, message); }

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) fail(std::string("xlsx: ") + lxw_strerror(e));
}

}  // namespace

// The workbook: a temporary file, its formats, its sheets.
struct XlsxWorkbook::Book {
  std::ostream& out;
  std::string temp;
  lxw_workbook* book = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* date = nullptr;
  lxw_format* text = nullptr;
  std::map<int, lxw_format*> numbers;
  std::vector<std::string> names;

  explicit Book(std::ostream& o) : out(o) {
    std::string dir = std::filesystem::temp_directory_path().string();
    std::string pattern = dir + "/otc-xlsx-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd < 0) fail("cannot create a temporary file in " + dir + " for the xlsx workbook");
    ::close(fd);
    temp = buf.data();
    lxw_workbook_options wo{};
    wo.constant_memory = LXW_FALSE;
    wo.tmpdir = dir.data();
    book = workbook_new_opt(temp.c_str(), &wo);
    if (!book) fail("cannot start the xlsx workbook");
    bold = workbook_add_format(book);
    format_set_bold(bold);
    date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    text = workbook_add_format(book);
    format_set_num_format(text, "@");
  }
  ~Book() {
    if (book) workbook_close(book);  // never closed (an error): free it; the file is dropped below
    if (!temp.empty()) std::remove(temp.c_str());
  }
  lxw_format* number_format(int decimals) {
    auto it = numbers.find(decimals);
    if (it != numbers.end()) return it->second;
    lxw_format* f = workbook_add_format(book);
    std::string code = "#,##0";
    if (decimals > 0) code += "." + std::string(static_cast<std::size_t>(decimals), '0');
    format_set_num_format(f, code.c_str());
    numbers.emplace(decimals, f);
    return f;
  }
  void close() {
    lxw_error e = workbook_close(book);
    book = nullptr;
    if (e != LXW_NO_ERROR) fail(std::string("cannot write the xlsx workbook: ") + lxw_strerror(e));
    std::ifstream in(temp, std::ios::binary);
    if (!in) fail("cannot read back the xlsx workbook");
    out << in.rdbuf();
    out.flush();
  }
};

namespace {

class XlsxSheet final : public RowSink {
 public:
  XlsxSheet(XlsxWorkbook::Book& book, lxw_worksheet* ws, bool closes_book) : b_(book), ws_(ws), closes_(closes_book) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    widths_.assign(columns.size(), 0);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      check(worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(i), columns[i].name.c_str(), b_.bold));
      widths_[i] = static_cast<double>(display_width(columns[i].name)) + 3;  // room for the filter button
    }
    row_ = 1;
  }

  void row(const std::vector<std::string>& cells) override {
    if (row_ >= kMaxRows)
      throw Error(ErrorKind::kInput, "the report has more rows than an xlsx worksheet holds (1,048,575)", {},
                  "write it as --format csv");
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
      const std::string& v = cells[i];
      const auto col = static_cast<lxw_col_t>(i);
      double shown = static_cast<double>(display_width(v));
      if (v.empty() || columns_[i].kind == CellKind::kNull) continue;
      if (columns_[i].kind == CellKind::kNumber) {
        if (auto decimals = decimals_of(v)) {
          double x = 0;
          const char* first = v.data() + (v[0] == '+' ? 1 : 0);
          auto [p, ec] = std::from_chars(first, v.data() + v.size(), x);
          if (ec == std::errc() && p == v.data() + v.size()) {
            check(worksheet_write_number(ws_, row_, col, x, b_.number_format(*decimals)));
            widths_[i] = std::max(widths_[i], std::min(kMaxWidth, shown + shown / 3 + 2));  // separators
            continue;
          }
        }
      } else if (columns_[i].kind == CellKind::kDate) {
        auto d = core::parse_iso_date(v);
        if (d && v.size() == 10) {
          lxw_datetime dt{};
          int y = 0, m = 0, day = 0;
          d->to_ymd(y, m, day);
          dt.year = y;
          dt.month = static_cast<uint8_t>(m);
          dt.day = static_cast<uint8_t>(day);
          check(worksheet_write_datetime(ws_, row_, col, &dt, b_.date));
          widths_[i] = std::max(widths_[i], 12.0);
          continue;
        }
      }
      // A string cell: never a formula, whatever it starts with; ids keep their leading zeros.
      check(worksheet_write_string(ws_, row_, col, v.c_str(), b_.text));
      widths_[i] = std::max(widths_[i], std::min(kMaxWidth, shown + 1));
    }
    ++row_;
  }

  void end() override {
    for (std::size_t i = 0; i < columns_.size(); ++i)
      check(worksheet_set_column(ws_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), widths_[i], nullptr));
    worksheet_freeze_panes(ws_, 1, 0);
    if (!columns_.empty())
      check(worksheet_autofilter(ws_, 0, 0, row_ - 1, static_cast<lxw_col_t>(columns_.size() - 1)));
    if (closes_) b_.close();
  }

 private:
  XlsxWorkbook::Book& b_;
  lxw_worksheet* ws_;
  bool closes_;
  std::vector<Column> columns_;
  std::vector<double> widths_;
  lxw_row_t row_ = 1;
};

// A one-sheet workbook as a sink: owns its book.
class XlsxSink final : public RowSink {
 public:
  XlsxSink(std::ostream& out, const SinkOptions& options) : book_(std::make_unique<XlsxWorkbook::Book>(out)) {
    std::string name = sheet_name(options.sheet);
    lxw_worksheet* ws = workbook_add_worksheet(book_->book, name.c_str());
    if (!ws) fail("cannot add the worksheet '" + name + "'");
    sheet_ = std::make_unique<XlsxSheet>(*book_, ws, true);
  }
  void begin(const std::vector<Column>& columns) override { sheet_->begin(columns); }
  void row(const std::vector<std::string>& cells) override { sheet_->row(cells); }
  void end() override { sheet_->end(); }

 private:
  std::unique_ptr<XlsxWorkbook::Book> book_;
  std::unique_ptr<XlsxSheet> sheet_;
};

}  // namespace

std::unique_ptr<RowSink> make_xlsx_sink(std::ostream& out, const SinkOptions& options) {
  return std::make_unique<XlsxSink>(out, options);
}

XlsxWorkbook::XlsxWorkbook(std::ostream& out) : book_(std::make_unique<Book>(out)) {}
XlsxWorkbook::~XlsxWorkbook() = default;

RowSink& XlsxWorkbook::add_sheet(std::string_view name) {
  std::string n = sheet_name(name);
  for (int k = 2; std::find(book_->names.begin(), book_->names.end(), n) != book_->names.end(); ++k)
    n = sheet_name(std::string(name).substr(0, 27) + " " + std::to_string(k));
  lxw_worksheet* ws = workbook_add_worksheet(book_->book, n.c_str());
  if (!ws) fail("cannot add the worksheet '" + n + "'");
  book_->names.push_back(n);
  sheets_.push_back(std::make_unique<XlsxSheet>(*book_, ws, false));
  return *sheets_.back();
}

void XlsxWorkbook::close() { book_->close(); }

}  // namespace otc::report
