#include <catch2/catch.hpp>

#include "cli/error_printer.hpp"

using namespace otc;

TEST_CASE("Error printer: location, the line, a caret under the column, context, hint", "[cli][errors]") {
  core::Error e(core::ErrorKind::kInput, "amount '12x': not an amount", {"inv.csv", 3, 2, "INV-1,12x,USD", 6}, "fix the row");
  e.add_context("while importing invoices");
  CHECK(cli::render_error(e) ==
        "otc: error: inv.csv:3:2: amount '12x': not an amount\n"
        "  INV-1,12x,USD\n"
        "        ^\n"
        "  while importing invoices\n"
        "  hint: fix the row\n");
}

TEST_CASE("Error printer: no location, no line", "[cli][errors]") {
  core::Error e(core::ErrorKind::kUsage, "--period '2026-13' is not a month (YYYY-MM)");
  CHECK(cli::render_error(e) == "otc: error: --period '2026-13' is not a month (YYYY-MM)\n");
}

TEST_CASE("Error printer: the caret counts characters, not bytes; tabs keep their column", "[cli][errors]") {
  core::Issue is{{"b.csv", 2, 3, "Müller\tx;bad", 9}, "bad"};
  CHECK(cli::render_issue(is) ==
        "otc: error: b.csv:2:3: bad\n"
        "  Müller x;bad\n"
        "          ^\n");
}

TEST_CASE("Error printer: never echoes more than 200 characters of input", "[cli][errors]") {
  std::string line(1000, 'a');
  SECTION("caret near the start: the first 200 characters") {
    auto text = cli::render_issue({{"f", 1, 1, line, 10}, "m"});
    auto second = text.substr(text.find('\n') + 1);
    second = second.substr(0, second.find('\n'));
    CHECK(second == "  " + std::string(200, 'a') + "...");
  }
  SECTION("caret far right: a window that holds it") {
    line[900] = 'X';
    auto text = cli::render_issue({{"f", 1, 1, line, 900}, "m"});
    auto rest = text.substr(text.find('\n') + 1);
    auto shown = rest.substr(0, rest.find('\n'));
    auto caret = rest.substr(rest.find('\n') + 1);
    CHECK(shown.size() <= 2 + 3 + 200 + 3);
    REQUIRE(shown.find('X') != std::string::npos);
    CHECK(caret.find('^') == shown.find('X'));
  }
}

TEST_CASE("Error printer: bad rows carried by the error come first", "[cli][errors]") {
  core::Error e(core::ErrorKind::kInput, "2 bad row(s); nothing was imported", {"x.csv"});
  e.with_issues({{{"x.csv", 2, 1, "a,b", 0}, "first"}, {{"x.csv", 3, 0}, "second"}});
  CHECK(cli::render_error(e) ==
        "otc: error: x.csv:2:1: first\n  a,b\n  ^\n"
        "otc: error: x.csv:3: second\n"
        "otc: error: x.csv: 2 bad row(s); nothing was imported\n");
}

TEST_CASE("Error printer: input quoted in a message is cut to 200 characters", "[cli][errors]") {
  std::string cell(5000, '9');
  auto text = cli::render_issue({{"big.csv", 2, 5}, "amount '" + cell + "x': not an amount"});
  CHECK(text == "otc: error: big.csv:2:5: amount '" + std::string(200, '9') + "...': not an amount\n");
  auto plain = cli::render_issue({{}, std::string(2000, 'm')});
  CHECK(plain.size() <= std::string("otc: error: ").size() + 600 + 3 + 1);
}
