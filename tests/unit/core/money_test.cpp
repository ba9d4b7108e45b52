#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/core/money.hpp"

using namespace otc::core;

namespace {
std::int64_t ok(std::string_view s, int exp = 2, bool comma = false) {
  auto r = parse_amount(s, exp, AmountStyle{comma});
  INFO("input: " << s);
  REQUIRE(r.ok());
  return r.minor;
}
AmountError bad(std::string_view s, int exp = 2, bool comma = false) {
  auto r = parse_amount(s, exp, AmountStyle{comma});
  INFO("input: " << s);
  REQUIRE_FALSE(r.ok());
  return *r.error;
}
}  // namespace

TEST_CASE("Money: parses the export formats the brief names", "[money]") {
  CHECK(ok("1234.56") == 123456);
  CHECK(ok("1,234.56") == 123456);
  CHECK(ok("$1,234.56") == 123456);
  CHECK(ok("(1,234.56)") == -123456);
  CHECK(ok("-1234.56") == -123456);
  CHECK(ok("1234.56-") == -123456);
  CHECK(ok("-$1,234.56") == -123456);
  CHECK(ok("USD 12.5") == 1250);
  CHECK(ok("  7 ") == 700);
  CHECK(ok("0.05") == 5);
  CHECK(ok(".5") == 50);
  CHECK(ok("1,234,567.89") == 123456789);
  CHECK(ok("\xE2\x82\xAC" "9.99") == 999);  // €9.99
}

TEST_CASE("Money: decimal comma", "[money]") {
  CHECK(ok("1.234,56", 2, true) == 123456);
  CHECK(ok("1234,5", 2, true) == 123450);
  CHECK(ok("(1.234,56)", 2, true) == -123456);
  CHECK_FALSE(parse_amount("1,234.56", 2, AmountStyle{true}).ok());
}

TEST_CASE("Money: parse rejects more decimals than the currency allows", "[money]") {
  CHECK(bad("1.234") == AmountError::kTooManyDecimals);
  CHECK(bad("5.5", 0) == AmountError::kTooManyDecimals);  // JPY
  CHECK(ok("1.2345", 4) == 12345);
  CHECK(ok("1.234", 3) == 1234);  // KWD
  CHECK(ok("18.150") == 1815);    // trailing zero beyond the exponent carries no value
  CHECK(ok("500", 0) == 500);
}

TEST_CASE("Money: rejects what is not an amount", "[money]") {
  CHECK(bad("") == AmountError::kEmpty);
  CHECK(bad("abc") == AmountError::kSyntax);
  CHECK(bad("1,23.00") == AmountError::kSyntax);
  CHECK(bad("12,34") == AmountError::kSyntax);
  CHECK(bad("1.2.3") == AmountError::kSyntax);
  CHECK(bad("--5") == AmountError::kSyntax);
  CHECK(bad("(5") == AmountError::kSyntax);
  CHECK(bad("99999999999999999999") == AmountError::kOverflow);
}

TEST_CASE("Money: currency table", "[money]") {
  CHECK(find_currency("jpy")->exponent == 0);
  CHECK(find_currency("USD")->exponent == 2);
  CHECK(find_currency("KWD")->exponent == 3);
  CHECK_FALSE(find_currency("XYZ").has_value());
  CHECK(find_currency("XYZ", true)->exponent == 2);
  CHECK_FALSE(find_currency("US").has_value());
}

TEST_CASE("Money: formats without floats or locale", "[money]") {
  CHECK(format_amount(123456, 2) == "1234.56");
  CHECK(format_amount(-5, 2) == "-0.05");
  CHECK(format_amount(0, 2) == "0.00");
  CHECK(format_amount(1234, 3) == "1.234");
  CHECK(format_amount(500, 0) == "500");
  CHECK(format_amount(INT64_MIN, 2) == "-92233720368547758.08");
  CHECK(format_amount(INT64_MAX, 0) == "9223372036854775807");
  CHECK(format_amount(INT64_MIN, 0) == "-9223372036854775808");
  // every digit count of the integer part (written two digits at a time)
  CHECK(format_amount(9, 0) == "9");
  CHECK(format_amount(10, 0) == "10");
  CHECK(format_amount(99, 0) == "99");
  CHECK(format_amount(100, 0) == "100");
  CHECK(format_amount(1000, 0) == "1000");
  CHECK(format_amount(-10001, 0) == "-10001");
  CHECK(format_amount(1234567890123, 2) == "12345678901.23");
  CHECK(format_amount(-100, 2) == "-1.00");
  CHECK(format_amount(7, 4) == "0.0007");
  CHECK(format_amount(120000, 4) == "12.0000");
  std::string appended = "x=";
  append_amount(appended, -2050, 2);
  CHECK(appended == "x=-20.50");
}

TEST_CASE("Money: arithmetic that cannot overflow silently", "[money]") {
  CHECK(checked_add(1, 2) == 3);
  CHECK_THROWS_AS(checked_add(INT64_MAX, 1), Error);
  CHECK_THROWS_AS(checked_sub(INT64_MIN, 1), Error);
  CHECK_THROWS_AS(checked_mul(INT64_MAX / 2, 3), Error);
}

TEST_CASE("Money: rounding is named", "[money]") {
  CHECK(divide_rounded(5, 2, Rounding::kHalfEven) == 2);
  CHECK(divide_rounded(7, 2, Rounding::kHalfEven) == 4);
  CHECK(divide_rounded(5, 2, Rounding::kHalfUp) == 3);
  CHECK(divide_rounded(-5, 2, Rounding::kHalfUp) == -3);
  CHECK(divide_rounded(-5, 2, Rounding::kHalfEven) == -2);
  CHECK(divide_rounded(10, 3, Rounding::kHalfUp) == 3);
  CHECK(divide_rounded(20, 3, Rounding::kHalfUp) == 7);
}

TEST_CASE("Money: allocation parts sum exactly to the whole", "[money]") {
  CHECK(allocate(100, {1, 1, 1}) == std::vector<std::int64_t>{34, 33, 33});
  CHECK(allocate(-100, {1, 1, 1}) == std::vector<std::int64_t>{-34, -33, -33});
  CHECK(allocate(1000, {50, 30, 20}) == std::vector<std::int64_t>{500, 300, 200});
  CHECK(allocate(5, {3, 3, 3, 1}) == std::vector<std::int64_t>{2, 2, 1, 0});  // equal remainders: earlier parts first
  CHECK(allocate(10, {1, 2, 3}) == std::vector<std::int64_t>{2, 3, 5});
  CHECK(allocate(0, {1, 2}) == std::vector<std::int64_t>{0, 0});
  auto parts = allocate(999999, {7, 13, 29, 31});
  std::int64_t sum = 0;
  for (auto p : parts) sum += p;
  CHECK(sum == 999999);
  CHECK_THROWS_AS(allocate(10, {0, 0}), Error);
  CHECK_THROWS_AS(allocate(10, {1, -1}), Error);
}

TEST_CASE("Money: one amount is at most 10^14 - 1 minor units; totals name what overflowed", "[money][limits]") {
  CHECK(parse_amount("999999999999.99", 2).minor == 99999999999999);
  CHECK(parse_amount("-999,999,999,999.99", 2).minor == -99999999999999);
  CHECK(parse_amount("1000000000000.00", 2).error == AmountError::kOverflow);
  CHECK(parse_amount("89,999,999,999,999.99", 2).error == AmountError::kOverflow);
  CHECK(parse_amount("99999999999999", 0).minor == 99999999999999);
  CHECK(parse_amount("100000000000000", 0).error == AmountError::kOverflow);
  CHECK(checked_total(1, 2, [] { return std::string("x"); }) == 3);
  try {
    checked_total(INT64_MAX, 1, [] { return std::string("customer C-1 in USD"); });
    FAIL("no overflow");
  } catch (const otc::core::Error& e) {
    CHECK(e.kind() == otc::core::ErrorKind::kOverflow);
    CHECK(std::string(e.what()) ==
          "amount overflow: the total of customer C-1 in USD is beyond 9223372036854775807 minor units, the most otc can hold");
  }
}
