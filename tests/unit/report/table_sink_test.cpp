#include <catch2/catch.hpp>

#include <sstream>

#include "otc/report/row_sink.hpp"

using namespace otc::report;

namespace {
std::string table(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows, std::size_t width) {
  std::ostringstream out;
  SinkOptions o;
  o.width = width;
  auto sink = make_sink(Format::kTable, out, o);
  sink->begin(cols);
  for (const auto& r : rows) sink->row(r);
  sink->end();
  return out.str();
}
}  // namespace

TEST_CASE("group_thousands: plain decimals get separators, other text is unchanged", "[report][table]") {
  CHECK(group_thousands("1234567.89") == "1,234,567.89");
  CHECK(group_thousands("-1234") == "-1,234");
  CHECK(group_thousands("999.5") == "999.5");
  CHECK(group_thousands("100000") == "100,000");
  CHECK(group_thousands("-0.05") == "-0.05");
  CHECK(group_thousands("12.3.4") == "12.3.4");
  CHECK(group_thousands("") == "");
  CHECK(group_thousands("n/a") == "n/a");
}

TEST_CASE("Table writer: a table that fits is shown whole", "[report][table]") {
  CHECK(table({{"id", CellKind::kText}, {"open", CellKind::kNumber}}, {{"C1", "1234567.00"}}, 120) ==
        "id  open\n--  ------------\nC1  1,234,567.00\n");
}

TEST_CASE("Table writer: too wide, low-value columns go first, in their order", "[report][table]") {
  std::vector<Column> cols{{"as_of", CellKind::kDate, 1}, {"customer", CellKind::kText}, {"terms", CellKind::kText, 2},
                           {"open", CellKind::kNumber}};
  std::vector<std::vector<std::string>> rows{{"2026-10-31", "Acme Corporation", "NET30", "100.00"}};
  // natural: 10 + 2 + 16 + 2 + 5 + 2 + 6 = 43
  CHECK(table(cols, rows, 43) ==
        "as_of       customer          terms  open\n"
        "----------  ----------------  -----  ------\n"
        "2026-10-31  Acme Corporation  NET30  100.00\n");
  CHECK(table(cols, rows, 42) ==
        "customer          terms  open\n"
        "----------------  -----  ------\n"
        "Acme Corporation  NET30  100.00\n");
  CHECK(table(cols, rows, 31) ==
        "customer          terms  open\n"
        "----------------  -----  ------\n"
        "Acme Corporation  NET30  100.00\n");
  CHECK(table(cols, rows, 30) ==
        "customer          open\n"
        "----------------  ------\n"
        "Acme Corporation  100.00\n");
  CHECK(table(cols, rows, 24) ==
        "customer          open\n"
        "----------------  ------\n"
        "Acme Corporation  100.00\n");
  // then the text is narrowed with an ellipsis; amounts are never cut
  CHECK(table(cols, rows, 20) ==
        "customer      open\n"
        "------------  ------\n"
        "Acme Corpor\xE2\x80\xA6  100.00\n");
}

TEST_CASE("Table writer: long text is cut to 32 characters before columns are dropped", "[report][table]") {
  std::string name(40, 'x');
  std::string want = std::string(31, 'x') + "\xE2\x80\xA6";
  auto out = table({{"as_of", CellKind::kDate, 1}, {"name", CellKind::kText}}, {{"2026-10-31", name}}, 44);
  CHECK(out == "as_of       name\n----------  " + std::string(32, '-') + "\n2026-10-31  " + want + "\n");
}

TEST_CASE("Table writer: when nothing makes it fit, text is shown whole and the table is wider", "[report][table]") {
  auto out = table({{"name", CellKind::kText}, {"open", CellKind::kNumber}}, {{"Very long customer name", "5.00"}}, 5);
  CHECK(out == "name                     open\n-----------------------  ----\nVery long customer name  5.00\n");
}

TEST_CASE("Table writer: narrowing stops at 8 characters and at the column's name", "[report][table]") {
  auto out = table({{"name", CellKind::kText}, {"description", CellKind::kText}, {"open", CellKind::kNumber}},
                   {{"Very long customer name", "Something long to say", "5.00"}}, 27);
  CHECK(out == "name      description  open\n--------  -----------  ----\nVery lo\xE2\x80\xA6  Something\xE2\x80\xA6   5.00\n");
}

TEST_CASE("Table writer: multi-byte text is measured in characters", "[report][table]") {
  auto out = table({{"name", CellKind::kText}, {"n", CellKind::kNumber}}, {{"Zürich AG", "1"}, {"Ab", "22"}}, 120);
  CHECK(out == "name       n\n---------  --\nZürich AG   1\nAb         22\n");
}
