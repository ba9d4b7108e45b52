#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/import/csv_reader.hpp"

using otc::import::CsvReader;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view data, std::vector<long>* lines = nullptr) {
  CsvReader r("mem.csv", data);
  std::vector<std::vector<std::string>> out;
  while (r.next()) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < r.size(); ++i) row.emplace_back(r.field(i));
    out.push_back(row);
    if (lines) lines->push_back(r.line());
  }
  return out;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST_CASE("CSV: any number of columns per file", "[csv]") {
  CHECK(read_all("a,b,c\n1,2,3\n") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(read_all("a\n1\n") == Rows{{"a"}, {"1"}});
  CHECK(read_all("a,b,,\n") == Rows{{"a", "b", "", ""}});
}

TEST_CASE("CSV: quoted fields with delimiters, doubled quotes, CRLF and a BOM", "[csv]") {
  CHECK(read_all("\xEF\xBB\xBFid,name\r\n1,\"Beta, Inc.\"\r\n2,\"say \"\"hi\"\"\"\r\n") ==
        Rows{{"id", "name"}, {"1", "Beta, Inc."}, {"2", "say \"hi\""}});
  CHECK(read_all("\"\",x\n") == Rows{{"", "x"}});
}

TEST_CASE("CSV: a quoted field spanning lines keeps its line breaks and the record's start line", "[csv]") {
  std::vector<long> lines;
  auto rows = read_all("id,address,amount\nC1,\"1 Main St\nSuite 5\nSpringfield\",10\nC2,x,20\n", &lines);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"C1", "1 Main St\nSuite 5\nSpringfield", "10"});
  CHECK(rows[2] == std::vector<std::string>{"C2", "x", "20"});
  CHECK(lines == std::vector<long>{1, 2, 5});
}

TEST_CASE("CSV: blank lines between records are skipped; other delimiters", "[csv]") {
  CHECK(read_all("a;b\n\n1;2\n").size() == 2);
  CsvReader r("mem.csv", "a;b\n1;\"x;y\"\n", ';');
  REQUIRE(r.next());
  REQUIRE(r.next());
  CHECK(r.field(1) == "x;y");
  CHECK(r.line() == 2);
}

TEST_CASE("CSV: an unterminated quote is an error with file, line and column", "[csv]") {
  CsvReader r("bad.csv", "a,b\n1,\"open\n2,3\n");
  REQUIRE(r.next());
  try {
    r.next();
    FAIL("expected an error");
  } catch (const otc::core::Error& e) {
    CHECK(otc::core::format_location(e.where()) == "bad.csv:2:2");
    CHECK(std::string(e.what()) == "quoted field is not closed before the end of the file");
  }
}
