// What the passes share (match_checks.cpp): the short-pay tolerance, the confidence threshold.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: within_tolerance edges", "[matching]") {
  CHECK(within_tolerance(100000, 98500, Tolerance{1500, 0}));
  CHECK_FALSE(within_tolerance(100000, 98499, Tolerance{1500, 0}));
  CHECK(within_tolerance(100000, 97500, Tolerance{0, 250}));
  CHECK_FALSE(within_tolerance(100000, 97499, Tolerance{0, 250}));
  CHECK_FALSE(within_tolerance(100000, 98500, Tolerance{1000, 250}));  // both set: both must hold
  CHECK(within_tolerance(100000, 99000, Tolerance{1000, 250}));
  CHECK_FALSE(within_tolerance(100000, 100000, Tolerance{1500, 0}));  // not short
  CHECK_FALSE(within_tolerance(100000, 99999, Tolerance{}));          // nothing tolerated
}

TEST_CASE("Matching: below the confidence threshold goes to the queue", "[matching]") {
  MatchOptions o = opts();
  o.min_confidence = 98;
  const auto r = run({rcpt(123456, {}, "inv 123"), rcpt(50000, {"INV-000124"})}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].receipt == 1);  // structured: 99
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].receipt == 0);     // free text: 97
  CHECK(r.unapplied[0].reason == "best match is below the confidence threshold");
}

TEST_CASE("Matching: an absolute tolerance means the same amount in every currency", "[matching]") {
  // Regression: --tolerance 25.00 was read as 2,500 minor units, i.e. 2,500 JPY on a yen receipt.
  const Tolerance t{25'000'000, 0, 6};  // 25.000000
  CHECK(within_tolerance(10000, 9975, t, 0));        // JPY: 25 yen short
  CHECK_FALSE(within_tolerance(10000, 9974, t, 0));  // 26 yen short
  CHECK(within_tolerance(100000, 97500, t, 2));      // USD: 25.00 short
  CHECK_FALSE(within_tolerance(100000, 97499, t, 2));
  CHECK(within_tolerance(1000000, 975000, t, 3));    // KWD: 25.000 short
  CHECK(t.absolute_limit(0) == 25);
}
