// Pass 2a (match_pass_reference_list.cpp): several referenced invoices that add up.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: a list of references that adds up applies to each", "[matching]") {
  const auto r = run({rcpt(173456, {"INV-000123, INV-000124"})});
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].amount_minor == 123456);
  CHECK(r.applications[1].invoice_id == 2);
  CHECK(r.applications[1].amount_minor == 50000);
  CHECK(r.applications[0].rule == MatchRule::kReferenceList);
  CHECK(r.applications[0].confidence == 97);
}
