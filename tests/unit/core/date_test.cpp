#include <catch2/catch.hpp>

#include "otc/core/date.hpp"

using namespace otc::core;

namespace {
Date d(int y, int m, int dd) { return *Date::from_ymd(y, m, dd); }
}

TEST_CASE("Date: leap years", "[date]") {
  CHECK(is_leap_year(2024));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2026));
  CHECK(days_in_month(2028, 2) == 29);
  CHECK(days_in_month(2026, 2) == 28);
  CHECK(Date::from_ymd(2024, 2, 29).has_value());
  CHECK_FALSE(Date::from_ymd(2026, 2, 29).has_value());
  CHECK_FALSE(Date::from_ymd(2026, 4, 31).has_value());
  CHECK_FALSE(Date::from_ymd(2026, 13, 1).has_value());
}

TEST_CASE("Date: day arithmetic across months and years", "[date]") {
  CHECK(d(1970, 1, 1).days() == 0);
  CHECK(d(2026, 1, 31).add_days(1) == d(2026, 2, 1));
  CHECK(d(2024, 2, 28).add_days(1) == d(2024, 2, 29));
  CHECK(d(2026, 2, 28).add_days(1) == d(2026, 3, 1));
  CHECK(d(2026, 12, 31).add_days(1) == d(2027, 1, 1));
  CHECK(d(2026, 10, 31).days_since(d(2026, 8, 2)) == 90);
  CHECK(d(2025, 3, 1).days_since(d(2024, 3, 1)) == 365);
  CHECK(d(2024, 3, 1).days_since(d(2023, 3, 1)) == 366);
  CHECK(d(2026, 10, 31).add_days(-89) == d(2026, 8, 3));
}

TEST_CASE("Date: month arithmetic clamps to the month's end", "[date]") {
  CHECK(d(2026, 1, 31).add_months(1) == d(2026, 2, 28));
  CHECK(d(2028, 1, 31).add_months(1) == d(2028, 2, 29));
  CHECK(d(2026, 3, 31).add_months(-1) == d(2026, 2, 28));
  CHECK(d(2026, 11, 15).add_months(2) == d(2027, 1, 15));
  CHECK(d(2026, 1, 15).add_months(-13) == d(2024, 12, 15));
}

TEST_CASE("Date: ISO parsing and formatting", "[date]") {
  CHECK(parse_iso_date("2026-10-31") == d(2026, 10, 31));
  CHECK(parse_iso_date("2026-10-31T12:00:00Z") == d(2026, 10, 31));
  CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
  CHECK_FALSE(parse_iso_date("2026/10/31").has_value());
  CHECK_FALSE(parse_iso_date("26-10-31").has_value());
  CHECK_FALSE(parse_iso_date("2026-10-31x").has_value());
  CHECK(d(2026, 1, 5).iso() == "2026-01-05");
  CHECK(d(1999, 12, 31).iso() == "1999-12-31");
}

TEST_CASE("Date: declared formats", "[date]") {
  CHECK(DateFormat("%m/%d/%Y").parse("10/31/2026") == d(2026, 10, 31));
  CHECK(DateFormat("%m/%d/%Y").parse("1/5/2026") == d(2026, 1, 5));
  CHECK(DateFormat("%m/%d/%Y").parse("10/31/2026 00:00:00") == d(2026, 10, 31));
  CHECK(DateFormat("%d.%m.%Y").parse("29.02.2024") == d(2024, 2, 29));
  CHECK_FALSE(DateFormat("%d.%m.%Y").parse("29.02.2026").has_value());
  CHECK(DateFormat("%Y%m%d").parse("20261031") == d(2026, 10, 31));
  CHECK(DateFormat("%y%m%d").parse("261031") == d(2026, 10, 31));
  CHECK(DateFormat("%d-%b-%Y").parse("05-Oct-2026") == d(2026, 10, 5));
  CHECK_FALSE(DateFormat("%m/%d/%Y").parse("2026-10-31").has_value());
  CHECK(DateFormat("%Y-%m-%d").is_iso());
}

TEST_CASE("Date: one two-digit-year pivot for declared formats and bank dates", "[date]") {
  // Regression: %y read 70-79 as 1970s while bank YYMMDD read them as 2070s.
  CHECK(expand_two_digit_year(0) == 2000);
  CHECK(expand_two_digit_year(69) == 2069);
  CHECK(expand_two_digit_year(70) == 1970);
  CHECK(expand_two_digit_year(99) == 1999);
  CHECK(DateFormat("%y%m%d").parse("751231")->iso() == "1975-12-31");
  CHECK(month_from_name("Sept") == 9);
  CHECK(month_from_name("MARCH") == 3);
  CHECK(month_from_name("ma") == 0);
}

TEST_CASE("Date: the supported range is 1900-01-01 to 2199-12-31, on input and after arithmetic", "[date][limits]") {
  CHECK(Date::min() == d(1900, 1, 1));
  CHECK(Date::max() == d(2199, 12, 31));
  CHECK(Date::min().iso() == "1900-01-01");
  CHECK(Date::max().iso() == "2199-12-31");
  CHECK_FALSE(Date::from_ymd(1899, 12, 31).has_value());
  CHECK_FALSE(Date::from_ymd(2200, 1, 1).has_value());
  CHECK_FALSE(parse_iso_date("9999-12-31").has_value());
  CHECK_FALSE(parse_iso_date("0000-01-30").has_value());
  CHECK_FALSE(DateFormat("%m/%d/%Y").parse("12/31/9999").has_value());
  // Arithmetic may leave the range (a window's start); in_range() tells, and iso() stays honest.
  Date late = d(2199, 12, 15).add_days(30);
  CHECK_FALSE(late.in_range());
  CHECK(late.iso() == "2200-01-14");
  CHECK(d(1900, 1, 31).add_months(-1).iso() == "1899-12-31");
  CHECK_FALSE(d(1900, 1, 31).add_months(-1).in_range());
  CHECK(d(2199, 12, 31).in_range());
}
