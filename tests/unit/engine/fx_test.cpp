#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/engine/fx.hpp"

using namespace otc;
using engine::FxRate;

namespace {
core::Date day(int y, int m, int d) { return *core::Date::from_ymd(y, m, d); }
FxRate rate(const char* ccy, core::Date d, const char* text) {
  auto r = engine::parse_rate(text);
  REQUIRE(r);
  r->currency = ccy;
  r->date = d;
  return *r;
}
core::Currency ccy(const char* code) { return *core::find_currency(code); }
}  // namespace

TEST_CASE("fx: rates are exact decimals", "[engine][fx]") {
  auto r = engine::parse_rate("1.0825");
  REQUIRE(r);
  CHECK(r->units == 10825);
  CHECK(r->scale == 4);
  CHECK(engine::parse_rate("1.50")->text() == "1.5");
  CHECK(engine::parse_rate("151")->text() == "151");
  CHECK(engine::parse_rate("0.0065")->text() == "0.0065");
  CHECK(!engine::parse_rate("0"));
  CHECK(!engine::parse_rate("-1.2"));
  CHECK(!engine::parse_rate("1,2"));
  CHECK(!engine::parse_rate("1.12345678901"));  // 11 decimals
  CHECK(!engine::parse_rate(""));
}

TEST_CASE("fx: the rate on a date is the latest on or before it", "[engine][fx]") {
  std::vector<FxRate> rates{rate("EUR", day(2026, 10, 31), "1.0825"), rate("EUR", day(2026, 9, 30), "1.075"),
                            rate("GBP", day(2026, 10, 15), "1.265")};
  CHECK(engine::rate_on_or_before(rates, "EUR", day(2026, 10, 31))->text() == "1.0825");
  CHECK(engine::rate_on_or_before(rates, "EUR", day(2026, 10, 30))->text() == "1.075");
  CHECK(engine::rate_on_or_before(rates, "EUR", day(2026, 9, 30))->text() == "1.075");
  CHECK(engine::rate_on_or_before(rates, "EUR", day(2026, 9, 29)) == nullptr);
  CHECK(engine::rate_on_or_before(rates, "JPY", day(2026, 12, 31)) == nullptr);
}

TEST_CASE("fx: conversion rounds once, by the named rule", "[engine][fx]") {
  const auto eur = ccy("EUR"), usd = ccy("USD"), jpy = ccy("JPY"), kwd = ccy("KWD");
  // 3,476.26 EUR x 1.0825 = 3,763.05145 USD -> 3,763.05
  CHECK(engine::convert(347626, eur, usd, rate("EUR", day(2026, 10, 31), "1.0825")) == 376305);
  // a tie: 0.10 EUR x 1.05 = 0.105 -> half-up 0.11, half-even 0.10
  CHECK(engine::convert(10, eur, usd, rate("EUR", day(2026, 1, 1), "1.05"), core::Rounding::kHalfUp) == 11);
  CHECK(engine::convert(10, eur, usd, rate("EUR", day(2026, 1, 1), "1.05"), core::Rounding::kHalfEven) == 10);
  // negative amounts round away from zero on a tie (half-up is symmetric)
  CHECK(engine::convert(-10, eur, usd, rate("EUR", day(2026, 1, 1), "1.05")) == -11);
  // exponents differ: 150,000 JPY x 0.0065 = 975.00 USD; 1.000 KWD x 3.25 = 3.25 USD
  CHECK(engine::convert(150000, jpy, usd, rate("JPY", day(2026, 1, 1), "0.0065")) == 97500);
  CHECK(engine::convert(1000, kwd, usd, rate("KWD", day(2026, 1, 1), "3.25")) == 325);
  // same currency: unchanged
  CHECK(engine::convert(12345, usd, usd, rate("EUR", day(2026, 1, 1), "2")) == 12345);
}

TEST_CASE("fx: cross rates go through the functional currency as one fraction", "[engine][fx]") {
  std::vector<FxRate> rates{rate("EUR", day(2026, 10, 31), "1.0825"), rate("GBP", day(2026, 10, 30), "1.265")};
  std::string missing;
  auto gbp_eur = engine::cross_rate(rates, "USD", "GBP", "EUR", day(2026, 10, 31), missing);
  REQUIRE(gbp_eur);
  CHECK(gbp_eur->text() == "1.168591");  // 1.265 / 1.0825
  CHECK(gbp_eur->date == day(2026, 10, 31));
  // 100.00 GBP = 116.86 EUR (116.859...)
  CHECK(engine::convert(10000, ccy("GBP"), ccy("EUR"), *gbp_eur) == 11686);
  auto usd_eur = engine::cross_rate(rates, "USD", "USD", "EUR", day(2026, 10, 31), missing);
  REQUIRE(usd_eur);
  CHECK(engine::convert(10825, ccy("USD"), ccy("EUR"), *usd_eur) == 10000);
  auto eur_usd = engine::cross_rate(rates, "USD", "EUR", "USD", day(2026, 10, 31), missing);
  CHECK(eur_usd->text() == "1.082500");
  CHECK(!engine::cross_rate(rates, "USD", "EUR", "USD", day(2026, 10, 1), missing));
  CHECK(missing == "EUR");
  CHECK(!engine::cross_rate(rates, "USD", "JPY", "EUR", day(2026, 10, 31), missing));
  CHECK(missing == "JPY");
}

TEST_CASE("fx: revaluation of open foreign AR between two month-ends", "[engine][fx]") {
  const auto eur = ccy("EUR"), usd = ccy("USD");
  auto start = rate("EUR", day(2026, 9, 30), "1.075"), end = rate("EUR", day(2026, 10, 31), "1.0825");
  CHECK(engine::revaluation(1000000, eur, usd, start, end) == 7500);     // 10,000.00 EUR: +75.00 USD
  CHECK(engine::revaluation(1000000, eur, usd, end, start) == -7500);    // the rate fell
  // each side is rounded on its own: 3,476.26 EUR -> 3,763.05 - 3,736.98 (3,736.9795) = 26.07
  CHECK(engine::revaluation(347626, eur, usd, start, end) == 376305 - 373698);
  CHECK(engine::revaluation(0, eur, usd, start, end) == 0);
}
