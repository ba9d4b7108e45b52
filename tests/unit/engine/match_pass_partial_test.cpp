// Pass 4 (match_pass_partial.cpp): partial payments, short-pays, overpayments.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: an overpayment pays the invoice and leaves the rest on account", "[matching]") {
  const auto r = run({rcpt(52000, {"INV-000124"}, "", "Acme Corp")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 2);
  CHECK(r.applications[0].amount_minor == 50000);
  CHECK(r.applications[0].rule == MatchRule::kOverpayment);
  REQUIRE(r.on_account.size() == 1);
  CHECK(r.on_account[0].customer_id == 10);
  CHECK(r.on_account[0].amount_minor == 2000);
}

TEST_CASE("Matching: a short-pay without reference of a payer with few invoices", "[matching]") {
  MatchOptions o = opts();
  o.tolerance.basis_points = 250;
  const auto r = run({rcpt(98000, {}, "", "", "111222333")}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 3);
  CHECK(r.applications[0].amount_minor == 98000);
  CHECK(r.applications[0].deduction_minor == 1900);
  CHECK(r.applications[0].rule == MatchRule::kShortPay);
  CHECK(r.applications[0].confidence == 75);
}
