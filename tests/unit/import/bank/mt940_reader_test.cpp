// MT940/MT942 reader: every corpus file, plus hand-made malformed files.
#include <catch2/catch.hpp>

#include "bank_test_support.hpp"
#include "otc/import/bank/bank_reader.hpp"

namespace {

using otc::core::Date;
using otc::domain::Direction;
using otc::import::BankFormat;
using otc::import::BankReadOptions;
using otc::import::BankReadResult;
using otc::import::read_bank_file;

using namespace bank_test;
std::string corpus(const std::string& rel) { return corpus_path("", rel); }
BankReadResult strict(const std::string& path) { return read_strict(path, BankFormat::kAuto); }
BankReadResult lenient(const std::string& path) { return read_lenient(path, BankFormat::kAuto); }
std::string strict_error(const std::string& path) { return strict_error_of(path, BankFormat::kAuto); }

}  // namespace

TEST_CASE("MT940: ABN AMRO with preamble lines, four statements that balance", "[bank]") {
  auto r = strict(corpus("mt940/php_abn_sample"));
  CHECK(r.format == BankFormat::kMt940);
  REQUIRE(r.transactions.size() == 5);
  CHECK(r.checks.size() == 4);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 750);  // "D7,5"
  CHECK(t.direction == Direction::kDebit);
  CHECK(t.type_code == "N192");
  CHECK(t.value_date == ymd(2009, 6, 23));
  CHECK(t.booking_date == ymd(2009, 6, 24));
  CHECK(t.account == "500950253");
  CHECK(t.remittance_text.find("BETREFT FACTUUR D.D. 20-06-2009") != std::string::npos);
  CHECK(r.transactions[4].amount_minor == 2511108);
  CHECK(r.transactions[4].direction == Direction::kCredit);
  CHECK(r.transactions[4].account == "485082713");
}

TEST_CASE("MT940: ING legacy sample does not balance: strict error, lenient read", "[bank]") {
  std::string path = corpus("mt940/php_ing_sample");
  CHECK(strict_error(path) == path + ":31: MT940 opening+movements=closing (statement MPBZ 100): the file says 3.47, "
                                     "the records give 7.15 EUR");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 7);
  CHECK(failed_checks(r) == 1);
  CHECK(r.transactions[0].type_code == "NOV");  // "NOV " with a blank as the fourth character
  CHECK(r.transactions[0].amount_minor == 2503);
  CHECK(r.transactions[2].end_to_end_id == "TMG TANGO");
  CHECK(r.transactions[6].booking_date == ymd(2010, 7, 21));  // entry date 0721 before value date 0722
}

TEST_CASE("MT940: Komercijalna Banka in SWIFT blocks, funds code D, MKD", "[bank]") {
  auto r = strict(corpus("mt940/php_kbs_MK_sample2"));
  REQUIRE(r.transactions.size() == 7);
  CHECK(r.all_checks_ok());
  CHECK(r.checks[0].expected == 20847800);
  CHECK(r.transactions[0].currency.view() == "MKD");
  CHECK(r.transactions[0].amount_minor == 324500);
  CHECK(r.transactions[0].direction == Direction::kDebit);
  CHECK_FALSE(r.transactions[0].reversal);
  CHECK(r.transactions[6].direction == Direction::kCredit);  // "CD73700," = credit, funds code D
  CHECK(r.transactions[6].amount_minor == 7370000);
  CHECK(r.transactions[6].bank_reference == "21051645");
}

TEST_CASE("MT940: Kontist German ?-subfields with invoice number and UTF-8 names", "[bank]") {
  auto r = strict(corpus("mt940/php_kontist_sample"));
  REQUIRE(r.transactions.size() == 6);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[2];
  CHECK(t.amount_minor == 9595);
  CHECK(t.remittance_text == "Rechnung-Nr.: INV-00002 v. 13.02.21");
  CHECK(t.payer_name == "DM PUTZ + STUCK UG HAFTUNGSBESCHRANKT");
  CHECK(t.payer_account == "DE32334400000003909884");
  CHECK(t.type_code == "NTRF/166");
  CHECK(r.transactions[1].payer_name == "Lucien Sch\xC3\xBCnke");
  CHECK(r.transactions[3].direction == Direction::kDebit);
  CHECK(r.transactions[3].type_code == "NDDT/171");
}

TEST_CASE("MT940: old Rabobank with decimal points, glued account+currency, JPY: lenient", "[bank]") {
  std::string path = corpus("mt940/php_rabo_sample");
  CHECK(strict_error(path) == path + ":6: MT940 opening+movements=closing (statement 940A030107 00000/00): the file "
                                     "says 2145.00, the records give 0.00 EUR");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 39);
  CHECK(r.checks.size() == 39);
  CHECK(failed_checks(r) == 29);
  const auto& jpy = r.transactions[32];
  CHECK(jpy.source_line == 221);
  CHECK(jpy.currency.view() == "JPY");
  CHECK(jpy.amount_minor == 1560395);  // "00000001560395." in yen
  CHECK(jpy.payer_name == "YAN SO");
  CHECK(jpy.remittance_text == "SEAFREIGHT DECEMBER 1999");
  CHECK(r.transactions[0].account == "1017.490.554EUR");
  CHECK(r.transactions[0].amount_minor == 30000);
}

TEST_CASE("MT940: Rabobank structured /TAG/ narrative, invoice-like REMI", "[bank]") {
  std::string path = corpus("mt940/php_rabo_sample3");
  CHECK(strict_error(path) == path + ":28: MT940 opening+movements=closing (statement 940S130403 0): the file says "
                                     "1190.35, the records give 1535.51 EUR");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 12);
  CHECK(failed_checks(r) == 2);
  CHECK(r.transactions[0].end_to_end_id == "02-04-2013 22:56 1120000153447185");
  CHECK(r.transactions[0].payer_name == "Nespresso Nederland B.V.");
  CHECK(r.transactions[0].payer_account == "NL96RBOS0523149468");
  CHECK(r.transactions[1].payer_name == "Bedrijf B.V.");
  CHECK(r.transactions[1].remittance_text == "NR.201303-111/11.3.2013 NR.201303-112/11.3.2013");
  CHECK(r.transactions[9].remittance_text == "Ref: 201302-080");
}

TEST_CASE("MT940: Sparkasse intermediate :62M:/:60M: pages balance", "[bank]") {
  auto r = strict(corpus("mt940/php_spk_DE_sample"));
  REQUIRE(r.transactions.size() == 10);
  CHECK(r.checks.size() == 4);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].booking_date == ymd(2010, 2, 4));
  CHECK(r.transactions[0].value_date == ymd(2010, 2, 17));
  CHECK(r.transactions[5].payer_name == "DEUTSCHE TELEKOM AG");
  CHECK(r.transactions[5].amount_minor == 1668);
  CHECK(r.transactions[5].direction == Direction::kDebit);
  CHECK(r.transactions[5].remittance_text == "ZAHLBELEG 231231923123 RECH.NR. 1239812312 052331 VERTRAGSKONTO 1231239712");
}

TEST_CASE("MT940: Triodos >-numbered subfields", "[bank]") {
  auto r = strict(corpus("mt940/php_triodos_sample"));
  REQUIRE(r.transactions.size() == 8);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].remittance_text ==
        "TENAAMSTELLING TEGENREKENING EN ADRES TEGENREKENING EN PLAATS TEGENREKENING EN EEN LANGE OMSCHRIJVING VAN "
        "DE TRANSACTIE");
  CHECK(r.transactions[0].payer_account == "0666666666");
  CHECK(r.transactions[0].type_code == "NIT");
}

TEST_CASE("MT940: betterplace: CR/DR are funds codes, not reversals; non-ASCII reference", "[bank]") {
  auto r = strict(corpus("mt940/wolph_betterplace_with_binary_character.sta"));
  REQUIRE(r.transactions.size() == 4);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 2700);
  CHECK(t.direction == Direction::kCredit);
  CHECK_FALSE(t.reversal);
  CHECK(t.bank_reference == "32-P1-TCS49518");
  CHECK(t.end_to_end_id == "100323-03-100323");
  CHECK(t.payer_name == "PAYPAL");
  CHECK(t.remittance_text == "QQW53T2245ZGY46J ABBUCHUNG VOM PAYPAL-KONTO 100318P3TX1433EV");
  CHECK(r.transactions[2].amount_minor == 19328205);
  CHECK(r.transactions[2].direction == Direction::kDebit);
  CHECK_FALSE(r.transactions[2].reversal);
}

TEST_CASE("MT940: cmxl DEM amounts like 6800, and 620,3, multi-line German subfields", "[bank]") {
  auto r = strict(corpus("mt940/wolph_cmxl_mt940.sta"));
  REQUIRE(r.transactions.size() == 16);
  CHECK(r.checks.size() == 3);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].currency.view() == "DEM");
  CHECK(r.transactions[0].amount_minor == 680000);
  CHECK(r.transactions[0].end_to_end_id == "16703074");
  CHECK(r.transactions[1].amount_minor == 62030);
  CHECK(r.transactions[11].value_date == ymd(2002, 11, 1));
  CHECK(r.transactions[11].booking_date == ymd(2002, 11, 2));
  CHECK(r.transactions[11].bank_reference == "55555");
  CHECK(r.transactions[12].remittance_text == "Gehalt Oktober FirmaMustermannGmbH");
  CHECK(r.transactions[13].payer_account == "PL08106000760000777777777777");
}

TEST_CASE("MT940: value date 30 February: clear error, or lenient read saying what it did", "[bank]") {
  std::string path = corpus("mt940/wolph_february_30.sta");
  CHECK(strict_error(path) == path + ":6: value date '160230' in :61: is not a calendar date");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].value_date == ymd(2016, 2, 29));
  CHECK(r.transactions[0].booking_date == ymd(2016, 3, 1));
  CHECK(r.transactions[0].amount_minor == 600);
  CHECK(r.transactions[0].direction == Direction::kDebit);
  CHECK_FALSE(r.transactions[0].reversal);  // "DR" = debit, funds code R
  REQUIRE(r.tolerated.size() == 1);
  CHECK(r.tolerated[0] == path + ":6: value date '160230' in :61: is not a calendar date; read as 2016-02-29");
  CHECK(r.all_checks_ok());
}

TEST_CASE("MT940: GV code 835 excerpt without closing balance", "[bank]") {
  std::string path = corpus("mt940/wolph_gv_codes_DE.sta");
  CHECK(strict_error(path) ==
        path + ":7: statement STARTUMS 0 has no closing balance (:62F:/:62M:); the file may be truncated");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.checks.empty());
  CHECK(r.transactions[0].end_to_end_id == "1234567890123 PAYPAL");
  CHECK(r.transactions[0].payer_name.rfind("PayPal (Europe) S.a.r.l. et", 0) == 0);
  CHECK(r.transactions[0].remittance_text.find("CRED+ AB12CDE0000000000000000034 SVWZ+") != std::string::npos);
  CHECK(r.transactions[1].value_date == ymd(2019, 10, 25));
}

TEST_CASE("MT940: jejik excerpts that do not balance read leniently", "[bank]") {
  SECTION("ABN AMRO") {
    std::string path = corpus("mt940/wolph_jejik_abnamro.sta");
    CHECK(strict_error(path) == path + ":27: MT940 opening+movements=closing (statement ABN AMRO BANK NV 19321/1): "
                                       "the file says 876.84, the records give 2914.84 EUR");
    auto r = lenient(path);
    CHECK(r.transactions.size() == 10);
    CHECK(failed_checks(r) == 2);
    CHECK(r.transactions[0].amount_minor == 900);  // "D9,"
  }
  SECTION("ING") {
    std::string path = corpus("mt940/wolph_jejik_ing.sta");
    CHECK(strict_error(path) == path + ":26: MT940 opening+movements=closing (statement MPBZ 000): the file says "
                                       "3.47, the records give -45.59 EUR");
    auto r = lenient(path);
    CHECK(r.transactions.size() == 7);
    CHECK(r.transactions[6].remittance_text ==
          "0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: 22-07-2010");
  }
  SECTION("Knab") {
    std::string path = corpus("mt940/wolph_jejik_knab.sta");
    CHECK(strict_error(path) == path + ":20: MT940 opening+movements=closing (statement B4G30MS9D00A003D 999/1): "
                                       "the file says 798.98, the records give -3701.02 EUR");
    auto r = lenient(path);
    REQUIRE(r.transactions.size() == 3);
    CHECK(failed_checks(r) == 1);
    CHECK(r.transactions[0].amount_minor == 50000);  // "C500,"
    CHECK(r.transactions[2].amount_minor == 50000);  // "C500NTRF": no decimal separator at all
    CHECK(r.transactions[2].end_to_end_id == "29-07-2014 10:05");
    CHECK(r.transactions[2].bank_reference == "B4G29PGDCK1QFV3E");
  }
  SECTION("PostFinance") {
    std::string path = corpus("mt940/wolph_jejik_postfinance.sta");
    CHECK(strict_error(path) == path + ":27: MT940 opening+movements=closing (statement 2014040708285928 999/2): "
                                       "the file says 159.60, the records give 159.40 CHF");
    auto r = lenient(path);
    REQUIRE(r.transactions.size() == 4);
    CHECK(r.checks[0].ok);  // the first page (:62M:) balances
    CHECK(r.transactions[0].amount_minor == 7970);  // "C79,7FMSC": F is the type's first letter
    CHECK(r.transactions[0].type_code == "FMSC");
  }
  SECTION("Triodos") {
    std::string path = corpus("mt940/wolph_jejik_triodos.sta");
    CHECK(strict_error(path) == path + ":12: MT940 opening+movements=closing (statement 1308728725026/1 1): the "
                                       "file says 4370.79, the records give 4259.39 EUR");
    auto r = lenient(path);
    REQUIRE(r.transactions.size() == 2);
    CHECK(r.transactions[0].remittance_text == "ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010");
  }
}

TEST_CASE("MT940: Rabobank IBAN statements without '-' separators", "[bank]") {
  auto r = strict(corpus("mt940/wolph_jejik_rabobank-iban.sta"));
  REQUIRE(r.transactions.size() == 4);
  CHECK(r.checks.size() == 2);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.payer_name == "CONTRA ACCOUNT HOLDER");  // /NAME/ value wrapped mid-word at 65 characters
  CHECK(t.payer_account == "NL70ABNA0987654321");
  CHECK(t.end_to_end_id == "01-01-2013 12:00 0030000987654321");
  CHECK(r.transactions[1].remittance_text == "Reference 201301234");
  CHECK(r.transactions[1].payer_account == "P001234567");
}

TEST_CASE("MT940: SNS with :86: lines padded to 65 characters", "[bank]") {
  auto r = strict(corpus("mt940/wolph_jejik_sns.sta"));
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.checks.size() == 2);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].remittance_text == "marechal s 0987654321 marechal s dit is een test");
  CHECK(r.transactions[0].booking_date == ymd(2012, 6, 8));
  CHECK(r.transactions[0].value_date == ymd(2012, 6, 7));
}

TEST_CASE("MT940: mBank framed by SOH/ETX with funds code N", "[bank]") {
  auto r = strict(corpus("mt940/wolph_mBank_mt940.sta"));
  REQUIRE(r.transactions.size() == 3);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].currency.view() == "PLN");
  CHECK(r.transactions[0].amount_minor == 1);
  CHECK(r.transactions[0].bank_reference == "MB170119012058");
  CHECK(r.transactions[0].remittance_text.rfind("911-TRANSAKCJA IPH 911 TRANSAKCJA COLLECT; ID IPH: XX000000000001", 0) == 0);
}

TEST_CASE("MT942: interim report with :34F: floor limits and a :90D: sum that does not add up", "[bank]") {
  std::string path = corpus("mt942/wolph_mt942_self.sta");
  CHECK(strict_error(path) == path + ":11: MT942 :90D: sum of debit entries: the file says 2.30, the records give 0.42 EUR");
  auto r = lenient(path);
  CHECK(r.format == BankFormat::kMt942);
  REQUIRE(r.transactions.size() == 1);
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 42);
  CHECK(t.direction == Direction::kDebit);
  CHECK(t.type_code == "MCI0");
  CHECK(t.value_date == ymd(2016, 10, 30));
  CHECK(t.booking_date == ymd(2016, 10, 31));
  CHECK(t.bank_reference == "055001022000001");
  CHECK(t.remittance_text == "YAY MT942 CHG REMIT:Costs to MT940 Parsing. This is Somuchfun.");
  REQUIRE(r.checks.size() == 2);
  CHECK(r.checks[0].ok);  // one debit entry, as :90D: says
  CHECK_FALSE(r.checks[1].ok);
}

TEST_CASE("MT940: malformed files fail with FILE:LINE", "[bank]") {
  SECTION("bad amount") {
    std::string path = fixture("mt940_bad_amount.sta");
    CHECK(strict_error(path) == path + ":7: :61: bad amount '12,3,4': not an amount");
    auto r = lenient(path);
    CHECK(r.transactions.size() == 1);
    CHECK(r.tolerated[0] == path + ":7: :61: bad amount '12,3,4': not an amount; entry left out");
  }
  SECTION("truncated statement") {
    std::string path = fixture("mt940_truncated.sta");
    CHECK(strict_error(path) ==
          path + ":7: statement STMT0001 1/1 has no closing balance (:62F:/:62M:); the file may be truncated");
  }
  SECTION("closing balance that does not match") {
    std::string path = fixture("mt940_wrong_balance.sta");
    CHECK(strict_error(path) == path + ":8: MT940 opening+movements=closing (statement STMT0001 1/1): the file says "
                                       "1200.00, the records give 1210.00 EUR");
  }
}

TEST_CASE("MT940: reversal marks RC/RD, entry date across the year end, Dutch /TAG/ fields", "[bank]") {
  std::string data =
      ":20:REF1\r\n:25:NL91ABNA0417164300\r\n:28C:1/1\r\n:60F:C231231EUR100,00\r\n"
      ":61:2312310102RCR20,00NTRFNONREF//B1\r\n"
      ":86:/TRTP/SEPA/IBAN/NL02ABNA0123456789/NAME/ACME BV/REMI/STRD/CUR/RF18539007547034/EREF/E2E-9/RTRN/MS03/\r\n"
      ":61:2401020101RD5,00NTRFNONREF\r\n"
      ":62F:C240102EUR85,00\r\n-\r\n";
  auto r = otc::import::read_bank_data("mem.sta", data, BankFormat::kAuto, {});
  CHECK(r.format == BankFormat::kMt940);
  REQUIRE(r.transactions.size() == 2);
  const auto& rc = r.transactions[0];
  CHECK(rc.direction == Direction::kDebit);
  CHECK(rc.reversal);
  CHECK(rc.value_date == ymd(2023, 12, 31));
  CHECK(rc.booking_date == ymd(2024, 1, 2));
  CHECK(rc.payer_name == "ACME BV");
  CHECK(rc.payer_account == "NL02ABNA0123456789");
  REQUIRE(rc.remittance_refs.size() == 1);
  CHECK(rc.remittance_refs[0] == "RF18539007547034");
  CHECK(rc.end_to_end_id == "E2E-9");
  CHECK(rc.return_reason == "MS03");
  const auto& rd = r.transactions[1];
  CHECK(rd.direction == Direction::kCredit);
  CHECK(rd.reversal);
  CHECK(rd.booking_date == ymd(2024, 1, 1));
  CHECK(rd.value_date == ymd(2024, 1, 2));
  CHECK(r.all_checks_ok());  // 100 - 20 + 5 = 85
}

TEST_CASE("MT940: ISO-8859-1 bytes in names are read as Latin-1 and noted", "[bank]") {
  std::string data =
      ":20:STARTUMS\n:25:20090500/0006853030\n:28C:1/1\n:60F:C240115EUR0,00\n"
      ":61:2401150115C80,00N051NONREF\n"
      ":86:051?00Gutschrift?20RECHNUNG 4711?31DE89370400440532013000?32M\xDCLLER, J\xFCRGEN\n"
      ":62F:C240115EUR80,00\n-\n";
  auto r = otc::import::read_bank_data("latin1.sta", data, BankFormat::kMt940, {});
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].payer_name == "M\xC3\x9CLLER, J\xC3\xBCRGEN");
  CHECK(r.transactions[0].remittance_text == "RECHNUNG 4711");
  CHECK(r.transactions[0].payer_account == "DE89370400440532013000");
  CHECK(r.tolerated == std::vector<std::string>{"latin1.sta:5: text that is not UTF-8 was read as Latin-1"});
}
