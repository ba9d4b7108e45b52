// Pass 2b (match_pass_combination.cpp): an exact-sum combination of the payer's invoices.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: an exact-sum combination of the payer's invoices applies", "[matching]") {
  const std::vector<OpenInvoice> book = {inv(11, "INV-000411", 40, 10000, 1), inv(12, "INV-000412", 40, 25000, 2),
                                         inv(13, "INV-000413", 40, 40000, 3), inv(14, "INV-000414", 40, 100000, 4)};
  const auto r = match_receipts({rcpt(35000, {}, "", "", "ACCT-40")}, book, vandelay(), opts());
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 11);
  CHECK(r.applications[0].amount_minor == 10000);
  CHECK(r.applications[1].invoice_id == 12);
  CHECK(r.applications[1].amount_minor == 25000);
  CHECK(r.applications[0].rule == MatchRule::kCombination);
  CHECK(r.applications[0].confidence == 85);
}

TEST_CASE("Matching: two combinations that add up go to the queue", "[matching]") {
  const std::vector<OpenInvoice> book = {inv(11, "INV-000411", 40, 10000, 1), inv(12, "INV-000412", 40, 25000, 2),
                                         inv(13, "INV-000413", 40, 15000, 3), inv(14, "INV-000414", 40, 20000, 4)};
  const auto r = match_receipts({rcpt(35000, {}, "", "", "ACCT-40")}, book, vandelay(), opts());
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "ambiguous: several combinations of the payer's invoices add up to the amount");
  CHECK(r.unapplied[0].customer_id == 40);
}

TEST_CASE("Matching: the combination search respects its candidate bound", "[matching]") {
  std::vector<OpenInvoice> book;
  for (int i = 0; i < 41; ++i) book.push_back(inv(100 + i, "INV-00" + std::to_string(1000 + i), 40, 1000 + i, i));
  MatchOptions o = opts();
  auto r = match_receipts({rcpt(2001, {}, "", "", "ACCT-40")}, book, vandelay(), o);
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "combination search not finished within its bounds");

  o.max_combination_candidates = 41;
  r = match_receipts({rcpt(2001, {}, "", "", "ACCT-40")}, book, vandelay(), o);
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 100);
  CHECK(r.applications[1].invoice_id == 101);
}
