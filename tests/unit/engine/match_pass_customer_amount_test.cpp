// Pass 3 (match_pass_customer_amount.cpp): payer identified, unique open invoice of the amount.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: payer by name variant and a unique amount applies", "[matching]") {
  const auto r = run({rcpt(50000, {}, "PAYMENT THANK YOU", "ACME CORP")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 2);
  CHECK(r.applications[0].rule == MatchRule::kCustomerAmount);
  CHECK(r.applications[0].confidence == 90);
}

TEST_CASE("Matching: payer by bank account and a unique amount applies", "[matching]") {
  const auto r = run({rcpt(75000, {}, "", "", "111222333")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 4);
  CHECK(r.applications[0].confidence == 92);
}

TEST_CASE("Matching: two open invoices of the same amount go to the queue, oldest suggested first", "[matching]") {
  const auto r = match_receipts({rcpt(30000, {}, "", "STARK INDUSTRIES")}, stark_book(), stark(), opts());
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "ambiguous: several open invoices of the payer have this amount");
  REQUIRE(r.unapplied[0].suggestions.size() >= 2);
  CHECK(r.unapplied[0].suggestions[0].id == 21);
  CHECK(r.unapplied[0].suggestions[1].id == 22);
}

TEST_CASE("Matching: a payer name cut by the bank is recognised", "[matching]") {
  const auto r = match_receipts({rcpt(12345, {}, "", "STARK INDUSTRIE")}, stark_book(), stark(), opts());
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 23);
  CHECK(r.applications[0].confidence == 82);
}
