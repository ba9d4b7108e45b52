#include <catch2/catch.hpp>

#include <sstream>

#include "otc/report/row_sink.hpp"

using namespace otc::report;

TEST_CASE("CSV writer: quotes when needed and neutralises formula-like text", "[report]") {
  std::ostringstream out;
  auto sink = make_sink(Format::kCsv, out);
  sink->begin({{"name", CellKind::kText}, {"amount", CellKind::kNumber}});
  sink->row({"=HYPERLINK(\"x\")", "-12.50"});
  sink->row({"Beta, Inc.", "1.00"});
  sink->row({"@SUM(A1)", "0.00"});
  sink->row({"+SUM(1)", "2.00"});
  sink->row({"line\nbreak", "3.00"});
  sink->row({"-12.34", "4.00"});  // a plain negative number in a text column is not a formula
  sink->row({"-1+2", "5.00"});
  sink->row({"\"\"x\"", "6.00"});  // quotes first, twice in a row and last
  sink->end();
  CHECK(out.str() ==
        "name,amount\n"
        "\"'=HYPERLINK(\"\"x\"\")\",-12.50\n"
        "\"Beta, Inc.\",1.00\n"
        "'@SUM(A1),0.00\n"
        "'+SUM(1),2.00\n"
        "\"line\nbreak\",3.00\n"
        "-12.34,4.00\n"
        "'-1+2,5.00\n"
        "\"\"\"\"\"x\"\"\",6.00\n");
}

TEST_CASE("JSON writer: numbers stay numbers, empty numbers are null", "[report]") {
  std::ostringstream out;
  auto sink = make_sink(Format::kJson, out);
  sink->begin({{"id", CellKind::kText}, {"dso", CellKind::kNumber}});
  sink->row({"A \"q\"", "12.30"});
  sink->row({"B", ""});
  sink->end();
  CHECK(out.str() == "[\n  {\"id\": \"A \\\"q\\\"\", \"dso\": 12.30},\n  {\"id\": \"B\", \"dso\": null}\n]\n");
}

TEST_CASE("Table writer: aligned, numbers right-aligned", "[report]") {
  std::ostringstream out;
  auto sink = make_sink(Format::kTable, out);
  sink->begin({{"customer", CellKind::kText}, {"open", CellKind::kNumber}});
  sink->row({"Acme", "5.00"});
  sink->row({"Bo", "1200.00"});
  sink->end();
  CHECK(out.str() == "customer  open\n--------  --------\nAcme          5.00\nBo        1,200.00\n");
}
