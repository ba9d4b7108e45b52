// engine::name_spans / customers_named_in_text (payer_text.cpp) and their use by the matcher: a
// known customer's name inside free text identifies the payer; a company name that is none of ours
// counts as a stranger; a short or partial payment on a reference alone waits in the queue.
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"
#include "otc/engine/payer_text.hpp"

using namespace otc::engine::test;
using otc::engine::customers_named_in_text;
using otc::engine::name_spans;
using otc::engine::NameIndex;

TEST_CASE("Payer in text: name spans stop at digits, labels and payment words", "[matching][payer_text]") {
  CHECK(name_spans("ACME CORP INV 123 THANK YOU") == std::vector<std::string>{"ACME CORP"});
  CHECK(name_spans("PAYMENT FROM Globex LLC REF: 4711") == std::vector<std::string>{"Globex LLC"});
  CHECK(name_spans("/ORDP/INITECH LTD/REMI/INV 9") == std::vector<std::string>{"INITECH LTD"});
  CHECK(name_spans("INV-000123 Payment inv 123").empty());
}

TEST_CASE("Payer in text: whole runs, or their start or end, equal to a customer's name", "[matching][payer_text]") {
  NameIndex idx;
  idx.add(0, "Acme Corporation Inc.");
  idx.add(1, "Summit Logistics");
  idx.add(2, "Summit");
  idx.add(3, "Mueller GmbH");
  idx.build();
  CHECK(customers_named_in_text(idx, "ACME CORP INV 123") == std::vector<std::uint32_t>{0});
  CHECK(customers_named_in_text(idx, "SUMMIT LOGISTICS PAYMENT") == std::vector<std::uint32_t>{1});
  CHECK(customers_named_in_text(idx, "SEPA GUTSCHRIFT MUELLER GMBH RE 4711") == std::vector<std::uint32_t>{3});
  // A cut name is not a shorter customer's: "SUMMIT LOGISTI" is not "Summit".
  CHECK(customers_named_in_text(idx, "SUMMIT LOGISTI INV 55").empty());
}

TEST_CASE("Matching: the payer named in free text identifies the customer", "[matching][payer_text]") {
  // No payer field; 500.00 is Acme's INV-000124; the text names Acme and no invoice.
  const auto r = run({rcpt(50000, {}, "ACME CORPORATION PAYMENT THANK YOU")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 2);
  CHECK(r.applications[0].rule == otc::engine::MatchRule::kCustomerAmount);
}

TEST_CASE("Matching: a partial payment on a reference alone waits in the queue", "[matching][payer_text]") {
  // 600.00 of INV-000123 (1,234.56), payer unknown: no partial application, a suggestion instead.
  const auto r = run({rcpt(60000, {"INV-000123"})});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  REQUIRE_FALSE(r.unapplied[0].suggestions.empty());
  CHECK(r.unapplied[0].suggestions[0].id == 1);
  // The same from Acme itself is applied as a partial payment.
  const auto s = run({rcpt(60000, {"INV-000123"}, "", "ACME CORP")});
  REQUIRE(s.applications.size() == 1);
  CHECK(s.applications[0].rule == otc::engine::MatchRule::kPartial);
  // And from another customer: queued.
  const auto t = run({rcpt(60000, {"INV-000123"}, "", "GLOBEX LLC")});
  CHECK(t.applications.empty());
}

TEST_CASE("Matching: a short-pay within tolerance on a reference alone waits in the queue", "[matching][payer_text]") {
  auto o = opts();
  o.tolerance.basis_points = 250;
  // 1,220.00 of 1,234.56 (short 14.56, within 2.5%): applied with a deduction only for Acme.
  CHECK(run({rcpt(122000, {"INV-000123"})}, o).applications.empty());
  const auto r = run({rcpt(122000, {"INV-000123"}, "", "Acme Corporation")}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].deduction_minor == 1456);
}

TEST_CASE("Matching: a stranger's company name in free text is a payer who is not ours", "[matching][payer_text]") {
  // A typo variant (INV-000214 → INV-000124) with the amount of INV-000124: with no name it would be
  // applied as reference-fuzzy; a company named in the text that is none of ours stops it.
  CHECK(run({rcpt(50000, {}, "INV 000214")}).applications.size() == 1);
  CHECK(run({rcpt(50000, {}, "INV 000214 VENNUDAIT PLASTICS PLC")}).applications.empty());
}

TEST_CASE("Matching: SWIFT-style tags separate the fields of free text", "[matching][payer_text]") {
  // The account after /ACCT/ is not glued to the invoice after /REMI/; the name after /ORDP/ is the payer.
  const auto r = run({rcpt(20000, {}, "/ORDP/INITECH LTD/ACCT/123456789012/REMI/INV-000300")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 5);
  CHECK(r.applications[0].confidence == 98);
}

TEST_CASE("Matching: a wire payer followed by its address (city, state) is the customer named first", "[matching][payer_text]") {
  // "B/O: INITECH LTD AUSTIN TX 78701" gives the payer name "INITECH LTD AUSTIN TX".
  const auto r = run({rcpt(20000, {}, "", "INITECH LTD AUSTIN TX")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 5);
  CHECK(r.applications[0].rule == otc::engine::MatchRule::kCustomerAmount);
}
