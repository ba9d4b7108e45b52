// import::parse_payer_text / enrich_from_text (payer_text.cpp): the payer and references banks
// print inside free text, by ACH, wire, SWIFT and X12 conventions.
#include <catch2/catch.hpp>

#include "otc/import/bank/payer_text.hpp"

using otc::import::enrich_from_text;
using otc::import::parse_payer_text;

TEST_CASE("Payer text: ACH conventions", "[bank][payer_text]") {
  const auto p = parse_payer_text(
      "ORIG CO NAME:ACME PRINTING CO ORIG ID:1234567890 DESC DATE:261102 CO ENTRY DESCR:PAYMENT SEC:CCD "
      "TRACE#:021000020000001 EED:261102 IND ID:INV1013 IND NAME:NORTHWIND SOFTWARE");
  CHECK(p.payer_name == "ACME PRINTING CO");
  CHECK(p.payer_account == "1234567890");
  CHECK(p.individual_name == "NORTHWIND SOFTWARE");
  CHECK(p.references == std::vector<std::string>{"INV1013"});
  CHECK(p.name_label_seen);
}

TEST_CASE("Payer text: wire conventions", "[bank][payer_text]") {
  auto p = parse_payer_text("WIRE TYPE:WIRE IN DATE:261103 TIME:1022 ET TRN:2026110300123 ORG=/021000089 GLOBEX LLC OBI=INV 123 BNF=OUR CO");
  CHECK(p.payer_name == "GLOBEX LLC");
  CHECK(p.payer_account == "021000089");
  p = parse_payer_text("INCOMING WIRE B/O INITECH LTD ACCT 998877 REF: INV-000300");
  CHECK(p.payer_name == "INITECH LTD");  // cut where the account starts
  p = parse_payer_text("/ORDP/STARK INDUSTRIES/REMI/INV 77");
  CHECK(p.payer_name == "STARK INDUSTRIES");
  p = parse_payer_text("ORG:=1/WAYNE ENTERPRISES");
  CHECK(p.payer_name == "WAYNE ENTERPRISES");
}

TEST_CASE("Payer text: X12 RMR references; purchase orders are not invoices", "[bank][payer_text]") {
  const auto p = parse_payer_text("ADDENDA:RMR*IV*INV-000123**1234.56\\RMR*PO*PO-555\\RMR*IV*INV-000124\\");
  CHECK(p.references == std::vector<std::string>{"INV-000123", "INV-000124"});
  CHECK(p.payer_name.empty());
}

TEST_CASE("Payer text: enrich fills only what is missing", "[bank][payer_text]") {
  otc::domain::BankTransaction t;
  t.remittance_text = "ORIG CO NAME:ACME CORP IND ID:INV-9 IND NAME:OUR COMPANY";
  enrich_from_text(t);
  CHECK(t.payer_name == "ACME CORP");
  CHECK(t.remittance_refs == std::vector<std::string>{"INV-9"});
  enrich_from_text(t);  // idempotent
  CHECK(t.remittance_refs.size() == 1);
  // A structured payer wins; IND NAME is used only when no payer label at all is present.
  otc::domain::BankTransaction u;
  u.payer_name = "Globex";
  u.remittance_text = "ORIG CO NAME:SOMEONE ELSE";
  enrich_from_text(u);
  CHECK(u.payer_name == "Globex");
  otc::domain::BankTransaction v;
  v.remittance_text = "IND NAME:J SMITH IND ID:4711";
  enrich_from_text(v);
  CHECK(v.payer_name == "J SMITH");
  // An empty ORIG CO NAME: means the bank printed none; IND NAME (usually ourselves) is not used.
  otc::domain::BankTransaction w;
  w.remittance_text = "ORIG CO NAME: ORIG ID:12 IND NAME:OTC DEMO INC";
  enrich_from_text(w);
  CHECK(w.payer_name.empty());
}

TEST_CASE("Payer text: a Fedwire credit as a US bank prints it", "[bank][payer_text]") {
  const auto p = parse_payer_text(
      "FEDWIRE CREDIT VIA: BANK OF AMERICA/026009593 B/O: ACME CORP NEW YORK NY 10001 REF: CHASE NYC/CTR/BNF=OTC DEMO INC/AC-1234 "
      "RFB=INV-1013 OBI=INV 1013 IMAD: 0302MMQFMP2L000123 TRN: 1234567890FF");
  CHECK(p.payer_name == "ACME CORP NEW YORK NY");  // the engine drops the city and state
}

TEST_CASE("Payer text: Bank of America's ACH text (name first, DES:, ID:, INDN:)", "[bank][payer_text]") {
  const auto p = parse_payer_text("ACME CORP DES:PAYMENT ID:INV1013 INDN:OTC DEMO CO ID:1234567890 CCD");
  CHECK(p.payer_name == "ACME CORP");
  CHECK(p.references == std::vector<std::string>{"INV1013"});
  CHECK(p.payer_account == "1234567890");
  CHECK(p.individual_name == "OTC DEMO");
}
