#include <catch2/catch.hpp>

#include "otc/report/svg_chart.hpp"

using namespace otc::report::svg;

namespace {
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}
}  // namespace

TEST_CASE("nice_ticks: steps of 1, 2 or 5 times a power of ten, covering zero", "[report][svg]") {
  SECTION("0 .. 351,876.26 USD in cents: steps of 100,000.00") {
    Ticks t = nice_ticks(0, 35187626, 5);
    CHECK(t.lo == 0);
    CHECK(t.step == 10000000);
    CHECK(t.hi == 40000000);
    CHECK(t.values() == std::vector<std::int64_t>{0, 10000000, 20000000, 30000000, 40000000});
  }
  SECTION("an axis always includes zero") {
    Ticks t = nice_ticks(800, 1000, 5);
    CHECK(t.lo == 0);
    CHECK(t.hi == 1000);
    CHECK(t.step == 200);
  }
  SECTION("negative values: the axis goes below zero on a tick") {
    Ticks t = nice_ticks(-1250, 4800, 5);
    CHECK(t.step == 2000);
    CHECK(t.lo == -2000);
    CHECK(t.hi == 6000);
  }
  SECTION("only negative values") {
    Ticks t = nice_ticks(-70, -10, 5);
    CHECK(t.lo == -80);
    CHECK(t.hi == 0);
    CHECK(t.step == 20);
  }
  SECTION("no data: 0 .. one step") {
    Ticks t = nice_ticks(0, 0, 5, 100);
    CHECK(t.lo == 0);
    CHECK(t.hi == 100);
    CHECK(t.step == 100);
  }
  SECTION("a tiny range never steps below the smallest unit") {
    Ticks t = nice_ticks(0, 3, 5, 1);
    CHECK(t.step == 1);
    CHECK(t.hi == 3);
  }
}

TEST_CASE("format_value: thousands separators, exact decimals, rounding half away from zero", "[report][svg]") {
  CHECK(format_value(123456789, 2) == "1,234,567.89");
  CHECK(format_value(-123456789, 2) == "-1,234,567.89");
  CHECK(format_value(150000, 0) == "150,000");  // JPY: no decimals
  CHECK(format_value(1234567, 3) == "1,234.567");  // KWD
  CHECK(format_value(123456789, 2, 0) == "1,234,568");
  CHECK(format_value(-250, 2, 0) == "-3");
  CHECK(format_value(8037, 2, 1) == "80.4");
  CHECK(format_value(0, 2, 0) == "0");
}

TEST_CASE("tick_decimals: whole-unit steps need no decimals", "[report][svg]") {
  CHECK(tick_decimals(10000000, 2) == 0);
  CHECK(tick_decimals(50, 2) == 1);
  CHECK(tick_decimals(5, 2) == 2);
  CHECK(tick_decimals(5, 0) == 0);
}

TEST_CASE("stacked bars: one rect per non-zero value, labelled axis, legend", "[report][svg]") {
  ChartData d;
  d.title = "Aging by month";
  d.unit = "USD";
  d.categories = {"2026-09", "2026-10"};
  d.series = {{"current", "#16a34a", {100000, 150000}}, {"1-30", "#f59e0b", {50000, 0}}};
  std::string svg = stacked_bars(d);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("Aging by month (USD)") != std::string::npos);
  CHECK(count(svg, "<rect x=") == 3 + 2);  // 3 bars (a zero is not drawn) + 2 legend swatches
  CHECK(svg.find(">current</text>") != std::string::npos);
  CHECK(svg.find(">1-30</text>") != std::string::npos);
  // ticks 0, 500, 1,000, 1,500 (whole dollars: no decimals on the axis)
  CHECK(svg.find(">500</text>") != std::string::npos);
  CHECK(svg.find(">1,500</text>") != std::string::npos);
  CHECK(svg.find(">2,000</text>") == std::string::npos);
  CHECK(svg.find(">1,500.00</text>") == std::string::npos);
  // a bar's tooltip carries its exact amount
  CHECK(svg.find("<title>2026-09 current: 1,000.00 USD</title>") != std::string::npos);
  CHECK(svg.find(">2026-10</text>") != std::string::npos);
}

TEST_CASE("stacked bars: negative values stack below the zero line", "[report][svg]") {
  ChartData d;
  d.title = "t";
  d.exponent = 0;
  d.categories = {"a"};
  d.series = {{"up", "#000", {100}}, {"down", "#111", {-40}}};
  std::string svg = stacked_bars(d, {400, 200});
  // the axis runs from -50 (a tick below -40) to 100
  CHECK(svg.find(">-50</text>") != std::string::npos);
  CHECK(svg.find(">100</text>") != std::string::npos);
  CHECK(svg.find("<title>a down: -40</title>") != std::string::npos);
  CHECK(svg.find("class=\"zero\"") != std::string::npos);
}

TEST_CASE("charts: an empty state that says so", "[report][svg]") {
  ChartData d;
  d.title = "Top 10 past-due customers";
  d.empty_text = "No customer is past due at 2026-10-31";
  for (auto* f : {&stacked_bars, &grouped_bars, &lines, &horizontal_bars}) {
    std::string svg = (*f)(d, {400, 200});
    CHECK(svg.find("No customer is past due at 2026-10-31") != std::string::npos);
    CHECK(svg.find("class=\"empty\"") != std::string::npos);
  }
  d.categories = {"2026-10"};
  d.series = {{"x", "#000", {0}}};
  CHECK(stacked_bars(d).find("class=\"empty\"") != std::string::npos);  // all zero: nothing to draw
  CHECK(is_empty(d));
}

TEST_CASE("lines: one month is a dot; a gap breaks the line", "[report][svg]") {
  ChartData d;
  d.title = "DSO";
  d.unit = "days";
  d.categories = {"2026-10"};
  d.series = {{"DSO", "#2563eb", {8037}}, {"best possible DSO", "#16a34a", {4295}}};
  std::string svg = lines(d);
  CHECK(count(svg, "<circle") == 2);
  CHECK(svg.find("<title>2026-10 DSO: 80.37 days</title>") != std::string::npos);
  d.categories = {"a", "b", "c"};
  d.series = {{"DSO", "#2563eb", {100, std::nullopt, 300}}};
  svg = lines(d);
  CHECK(count(svg, " M") == 1);  // two pieces: M … M
  CHECK(count(svg, "<circle") == 2);
}

TEST_CASE("horizontal bars: names, exact values, a currency with no decimals", "[report][svg]") {
  ChartData d;
  d.title = "Top past-due customers";
  d.unit = "JPY";
  d.exponent = 0;
  d.categories = {"Sakura Trading K.K.", "A very long customer name that goes on and on"};
  d.series = {{"past due", "#dc2626", {1500000, 250000}}};
  std::string svg = horizontal_bars(d);
  CHECK(svg.find(">1,500,000</text>") != std::string::npos);
  CHECK(svg.find(">250,000</text>") != std::string::npos);
  CHECK(svg.find(">Sakura Trading K.K.</text>") != std::string::npos);
  CHECK(svg.find("A very long customer name\xE2\x80\xA6") != std::string::npos);
  CHECK(svg.find(">0.5</text>") == std::string::npos);  // no fractional yen ticks
}

TEST_CASE("grouped bars: billed and collected side by side", "[report][svg]") {
  ChartData d;
  d.title = "Billed vs collected";
  d.unit = "EUR";
  d.categories = {"2026-09", "2026-10"};
  d.series = {{"billed", "#2563eb", {100000, 200000}}, {"collected", "#16a34a", {90000, std::nullopt}}};
  std::string svg = grouped_bars(d);
  CHECK(count(svg, "<rect x=") == 3 + 2);
  CHECK(svg.find("<title>2026-10 billed: 2,000.00 EUR</title>") != std::string::npos);
}

TEST_CASE("charts escape text", "[report][svg]") {
  ChartData d;
  d.title = "<script>";
  d.categories = {"A & B"};
  d.series = {{"x<y", "#000", {5}}};
  std::string svg = horizontal_bars(d);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("A &amp; B") != std::string::npos);
}
