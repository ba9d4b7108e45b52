// Pass 1 (match_pass_reference.cpp): one referenced invoice, a tolerated short-pay, a typo.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"

using namespace otc::engine::test;

TEST_CASE("Matching: structured reference with the exact amount applies", "[matching]") {
  const auto r = run({rcpt(123456, {"INV-000123"})});
  REQUIRE(r.applications.size() == 1);
  const Application& a = r.applications[0];
  CHECK(a.receipt == 0);
  CHECK(a.invoice_id == 1);
  CHECK(a.amount_minor == 123456);
  CHECK(a.rule == MatchRule::kReference);
  CHECK(rule_name(a.rule) == "reference");
  CHECK(a.confidence == 99);
  CHECK(a.deduction_minor == 0);
  CHECK(a.deduction_reason.empty());
  CHECK(r.unapplied.empty());
  CHECK(r.stats.applied_receipts == 1);
}

TEST_CASE("Matching: references in free text in customer formats apply", "[matching]") {
  auto [text, confidence] = GENERATE(table<std::string, int>({{"inv 123", 97},
                                                               {"#123", 97},
                                                               {"Invoice no. 000123", 97},
                                                               {"payment INV000123 thanks", 98},
                                                               {"INV-000123", 98}}));
  const auto r = run({rcpt(123456, {}, text)});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].confidence == confidence);
}

TEST_CASE("Matching: a reference whose amount disagrees is not applied for a stranger", "[matching]") {
  const auto r = run({rcpt(100000, {"INV-000123"}, "", "Hooli Inc")});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "referenced invoice does not agree with the amount and the payer does not confirm it");
  REQUIRE_FALSE(r.unapplied[0].suggestions.empty());
  CHECK(r.unapplied[0].suggestions[0].id == 1);
  CHECK(r.unapplied[0].suggestions[0].why ==
        "remittance references INV-000123 (Acme Corporation Inc., open USD 1234.56); paid USD 1000.00");
}

TEST_CASE("Matching: a typo in the reference is corrected when the amount and payer agree", "[matching]") {
  const auto r = run({rcpt(123456, {"INV-000132"}, "", "", "DE89370400440532013000")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].rule == MatchRule::kReferenceFuzzy);
  CHECK(r.applications[0].confidence == 90);
}

TEST_CASE("Matching: two referenced invoices that both fit go to the queue", "[matching]") {
  auto book = invoices();
  book.push_back(inv(6, "INV-000125", 10, 123456, 30));
  const auto r = match_receipts({rcpt(123456, {}, "inv 123 and 125")}, book, customers(), opts());
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "ambiguous: several referenced invoices fit equally");
  REQUIRE(r.unapplied[0].suggestions.size() >= 2);
  CHECK(r.unapplied[0].suggestions[0].id == 1);
  CHECK(r.unapplied[0].suggestions[1].id == 6);
}

TEST_CASE("Matching: a short-pay at the tolerance edge is a deduction, one cent more a partial", "[matching]") {
  MatchOptions o = opts();
  o.tolerance.absolute_minor = 1500;
  const auto r = run({rcpt(121956, {"INV-000123"}, "", "ACME CORP"), rcpt(48499, {"INV-000124"}, "", "ACME CORP")}, o);
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].amount_minor == 121956);
  CHECK(r.applications[0].deduction_minor == 1500);
  CHECK(r.applications[0].deduction_reason == "SHORT-PAY");
  CHECK(r.applications[0].rule == MatchRule::kReference);
  CHECK(r.applications[0].confidence == 94);
  CHECK(r.applications[1].invoice_id == 2);
  CHECK(r.applications[1].amount_minor == 48499);  // short by 15.01
  CHECK(r.applications[1].deduction_minor == 0);
  CHECK(r.applications[1].rule == MatchRule::kPartial);
  CHECK(r.applications[1].confidence == 85);
}

TEST_CASE("Matching: percentage tolerance edge", "[matching]") {
  MatchOptions o = opts();
  o.tolerance.basis_points = 250;  // 2.5% of 750.00 = 18.75
  auto paid = GENERATE(73125, 73124);
  const auto r = run({rcpt(paid, {"INV-000201"}, "", "Globex")}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 4);
  CHECK(r.applications[0].amount_minor == paid);
  if (paid == 73125) {
    CHECK(r.applications[0].deduction_minor == 1875);
  } else {
    CHECK(r.applications[0].deduction_minor == 0);
    CHECK(r.applications[0].rule == MatchRule::kPartial);
  }
}

TEST_CASE("Matching: multi-part and plain numeric invoice numbers", "[matching]") {
  const std::vector<OpenInvoice> book = {inv(7, "INV-2024-00123", 30, 45000, 3), inv(8, "10023", 30, 9900, 4)};
  const std::vector<MatchCustomer> people = {cust(30, "Initech Ltd")};
  auto [text, id, confidence] = GENERATE(table<std::string, std::int64_t, int>({{"Invoice 2024-123", 7, 97},
                                                                                 {"inv #123", 7, 93},
                                                                                 {"payment 10023", 8, 95}}));
  const std::int64_t amount = id == 7 ? 45000 : 9900;
  const auto r = match_receipts({rcpt(amount, {}, text)}, book, people, opts());
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == id);
  CHECK(r.applications[0].confidence == confidence);
}

TEST_CASE("Matching: the payer's end-to-end id is read as a reference", "[matching]") {
  auto t = rcpt(20000);
  t.end_to_end_id = "INV-000300";
  const auto r = run({t});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 5);
  CHECK(r.applications[0].confidence == 98);
}
