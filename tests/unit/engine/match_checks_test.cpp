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
