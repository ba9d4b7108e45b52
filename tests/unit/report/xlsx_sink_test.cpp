#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "otc/report/row_sink.hpp"
#include "otc/report/xlsx_workbook.hpp"

using namespace otc::report;

namespace {

std::string unzip(const std::string& file, const std::string& member) {
  std::string cmd = "unzip -p '" + file + "' '" + member + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string temp_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("otc-xlsx-test-") + name)).string();
}

}  // namespace

TEST_CASE("xlsx writer: typed cells, bold frozen header, autofilter, fitted widths", "[report][xlsx]") {
  const std::string path = temp_path("typed.xlsx");
  {
    std::ofstream out(path, std::ios::binary);
    SinkOptions o;
    o.sheet = "aging";
    auto sink = make_sink(Format::kXlsx, out, o);
    sink->begin({{"customer_id", CellKind::kText}, {"due_date", CellKind::kDate}, {"currency", CellKind::kText},
                 {"open", CellKind::kNumber}, {"note", CellKind::kText}});
    sink->row({"00123", "2026-10-31", "USD", "1234.50", "=SUM(A1:A2)"});
    sink->row({"C-9", "", "JPY", "-150000", "@cmd"});
    sink->row({"C-10", "2026-01-01", "KWD", "", ""});
    sink->end();
  }
  const std::string sheet = unzip(path, "xl/worksheets/sheet1.xml");
  const std::string strings = unzip(path, "xl/sharedStrings.xml");
  const std::string styles = unzip(path, "xl/styles.xml");
  const std::string book = unzip(path, "xl/workbook.xml");
  REQUIRE(!sheet.empty());
  CHECK(book.find("name=\"aging\"") != std::string::npos);
  // the header is frozen and filtered
  CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
  CHECK(sheet.find("<autoFilter ref=\"A1:E4\"/>") != std::string::npos);
  // widths are set per column
  CHECK(sheet.find("<cols>") != std::string::npos);
  // ids, currencies and formula-like text are shared strings, never formulas
  CHECK(sheet.find("<c r=\"A2\" s=\"") != std::string::npos);
  CHECK(sheet.find("<f>") == std::string::npos);
  CHECK(strings.find("<t>00123</t>") != std::string::npos);
  CHECK(strings.find("<t>=SUM(A1:A2)</t>") != std::string::npos);
  CHECK(strings.find("<t>@cmd</t>") != std::string::npos);
  // amounts are numbers (no t="s"), with the currency's decimals as the number format
  CHECK(sheet.find("<v>1234.5</v>") != std::string::npos);
  CHECK(sheet.find("<v>-150000</v>") != std::string::npos);
  CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"#,##0\"") != std::string::npos);
  // dates are Excel serial numbers with a date format: 2026-10-31 is day 46326
  CHECK(sheet.find("<v>46326</v>") != std::string::npos);
  CHECK(styles.find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);
  // the header is bold
  CHECK(styles.find("<b/>") != std::string::npos);
  // a typed cell: D2 is a number cell (no type attribute), A2 and E2 are strings
  auto cell = [&](const std::string& ref) {
    auto at = sheet.find("<c r=\"" + ref + "\"");
    REQUIRE(at != std::string::npos);
    return sheet.substr(at, sheet.find("</c>", at) - at);
  };
  CHECK(cell("A2").find("t=\"s\"") != std::string::npos);
  CHECK(cell("E2").find("t=\"s\"") != std::string::npos);
  CHECK(cell("D2").find("t=\"") == std::string::npos);
  CHECK(cell("B2").find("t=\"") == std::string::npos);
  // empty cells are left blank
  CHECK(sheet.find("<c r=\"D4\"") == std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("xlsx workbook: one sheet per table, names made unique", "[report][xlsx]") {
  const std::string path = temp_path("book.xlsx");
  {
    std::ofstream out(path, std::ios::binary);
    XlsxWorkbook book(out);
    for (const char* name : {"headline", "headline", "a name far longer than Excel's thirty-one characters"}) {
      RowSink& s = book.add_sheet(name);
      s.begin({{"x", CellKind::kNumber}});
      s.row({"1"});
      s.end();
    }
    book.close();
  }
  const std::string wb = unzip(path, "xl/workbook.xml");
  CHECK(wb.find("name=\"headline\"") != std::string::npos);
  CHECK(wb.find("name=\"headline 2\"") != std::string::npos);
  CHECK(wb.find("name=\"a name far longer than Excel's \"") != std::string::npos);
  CHECK(!unzip(path, "xl/worksheets/sheet3.xml").empty());
  std::remove(path.c_str());
}

TEST_CASE("format_from_extension: -o names the format", "[report]") {
  CHECK(format_from_extension("out.json") == Format::kJson);
  CHECK(format_from_extension("dir.x/OUT.XLSX") == Format::kXlsx);
  CHECK(format_from_extension("a.csv") == Format::kCsv);
  CHECK(format_from_extension("a.txt") == Format::kTable);
  CHECK(!format_from_extension("dir.json/out"));
  CHECK(!format_from_extension("out"));
  CHECK(!format_from_extension("-"));
}
