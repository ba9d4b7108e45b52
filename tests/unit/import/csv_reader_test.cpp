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

namespace {
std::vector<std::vector<std::string>> read_all_records(std::string_view data) {
  otc::import::CsvReader r("t.csv", data);
  std::vector<std::vector<std::string>> out;
  while (r.next()) {
    out.emplace_back();
    for (std::size_t i = 0; i < r.size(); ++i) out.back().emplace_back(r.field(i));
  }
  return out;
}
}  // namespace

TEST_CASE("CsvReader: LF, CRLF and CR-only line ends, in any mix", "[csv][limits]") {
  using V = std::vector<std::vector<std::string>>;
  const V want = {{"a", "b"}, {"1", "2"}, {"3", "4"}};
  CHECK(read_all_records("a,b\n1,2\n3,4\n") == want);
  CHECK(read_all_records("a,b\r\n1,2\r\n3,4\r\n") == want);
  CHECK(read_all_records("a,b\r1,2\r3,4\r") == want);
  CHECK(read_all_records("a,b\r1,2\r\n3,4") == want);
  CHECK(read_all_records("\xEF\xBB\xBF" "a,b\r1,2\r3,4") == want);
  // A quoted field keeps its line break (as \n) whatever the file's line ends are.
  CHECK(read_all_records("a,b\r\"x\ry\",2\r") == V{{"a", "b"}, {"x\ny", "2"}});
  otc::import::CsvReader r("t.csv", std::string_view("h\r\r\rv\rw\r"));
  REQUIRE(r.next());
  REQUIRE(r.next());
  CHECK(r.line() == 4);  // blank CR-only lines count
  REQUIRE(r.next());
  CHECK(r.line() == 5);
}

TEST_CASE("CsvReader: a line or field over the limit is an error at FILE:LINE:COL", "[csv][limits]") {
  std::string data = "a,b,c\n1,2,3\n4,5," + std::string(otc::import::kMaxLineBytes + 10, 'x') + "\n";
  otc::import::CsvReader r("big.csv", data);
  REQUIRE(r.next());
  REQUIRE(r.next());
  try {
    r.next();
    FAIL("no error");
  } catch (const otc::core::Error& e) {
    CHECK(otc::core::format_location(e.where()) == "big.csv:3:3");
    CHECK(std::string(e.what()) == "line is longer than 1048576 bytes, the limit");
    CHECK(e.where().text.size() <= 200);
  }
  // An unclosed quote runs into the field limit long before the end of a big file.
  std::string runaway = "a,b\n\"open," + std::string(100, 'y') + "\n";
  for (int i = 0; i < 12000; ++i) runaway += std::string(100, 'z') + "\n";
  otc::import::CsvReader q("q.csv", runaway);
  REQUIRE(q.next());
  try {
    q.next();
    FAIL("no error");
  } catch (const otc::core::Error& e) {
    CHECK(std::string(e.what()) == "field is longer than 1048576 bytes, the limit");
    CHECK(e.where().column == 1);
  }
}

TEST_CASE("CsvReader: NUL bytes are data, not the end of the line", "[csv]") {
  const std::string data("a,b\n1\0x,2\n", 10);
  otc::import::CsvReader r("t.csv", data);
  REQUIRE(r.next());
  REQUIRE(r.next());
  CHECK(r.field(0) == std::string_view("1\0x", 3));
  CHECK(r.field(1) == "2");
}
