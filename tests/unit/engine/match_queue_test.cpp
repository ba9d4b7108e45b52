// Pass 5 (match_queue.cpp): the unapplied queue and its reasons.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: an unknown payer without references is queued", "[matching]") {
  const auto r = run({rcpt(777, {}, "", "Hooli XYZ")});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "no invoice reference and payer not identified");
  CHECK_FALSE(r.unapplied[0].customer_id.has_value());
}

TEST_CASE("Matching: a second payment of a paid invoice is queued", "[matching]") {
  const auto r = run({rcpt(20000, {"INV-000300"}), rcpt(20000, {"INV-000300"})});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].receipt == 0);
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "referenced invoice is already fully applied (duplicate payment?)");
}

TEST_CASE("Matching: another currency is never applied", "[matching]") {
  auto t = rcpt(123456, {"INV-000123"});
  t.currency = *core::find_currency("EUR");
  const auto r = run({t});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "referenced invoice is in another currency");
}

TEST_CASE("Matching: a zero credit is queued", "[matching]") {
  const auto r = run({rcpt(0, {"INV-000123"})});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "zero amount");
}
