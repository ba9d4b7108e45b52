#include <catch2/catch.hpp>

#include "otc/core/period.hpp"

using namespace otc;

TEST_CASE("Period: YYYY-MM gives the month's first and last day", "[period]") {
  auto p = core::parse_period("2028-02");
  REQUIRE(p);
  CHECK(p->name == "2028-02");
  CHECK(p->first.iso() == "2028-02-01");
  CHECK(p->last.iso() == "2028-02-29");
  CHECK(core::period_of(*core::parse_iso_date("2026-12-31")).name == "2026-12");
}

TEST_CASE("Period: anything but YYYY-MM is refused", "[period]") {
  auto bad = GENERATE(as<std::string>{}, "2026-13", "2026-1", "202610", "2026-10-01", "", "abcd-ef", "2026/10");
  CHECK_FALSE(core::parse_period(bad));
}
