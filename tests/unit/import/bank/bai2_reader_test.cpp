// BAI2 reader: every corpus file, plus hand-made malformed files.
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
std::string corpus(const std::string& rel) { return corpus_path("bai2/", rel); }
BankReadResult strict(const std::string& path) { return read_strict(path, BankFormat::kBai2); }
BankReadResult lenient(const std::string& path) { return read_lenient(path, BankFormat::kBai2); }
std::string strict_error(const std::string& path) { return strict_error_of(path, BankFormat::kBai2); }
const otc::import::ControlCheck* find_check(const BankReadResult& r, const std::string& what) {
  for (const auto& c : r.checks) {
    if (c.what == what) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("BAI2: accounts with only an account number and a blank 49 total", "[bank]") {
  auto r = strict(corpus("moj_account_trailer_amount_blank_example.bai2"));
  CHECK(r.format == BankFormat::kBai2);
  CHECK(r.transactions.empty());
  CHECK(r.checks.size() == 10);
  CHECK(r.all_checks_ok());
  const auto* count = find_check(r, "BAI2 file trailer 99 record count");
  REQUIRE(count != nullptr);
  CHECK(count->expected == 8);
  CHECK(count->actual == 8);
}

TEST_CASE("BAI2: Citi GBP faster payment with 88 continuations without trailing slash", "[bank]") {
  auto r = strict(corpus("moj_citi_example.bai2"));
  REQUIRE(r.transactions.size() == 1);
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 1);
  CHECK(t.currency.view() == "GBP");
  CHECK(t.direction == Direction::kCredit);
  CHECK(t.type_code == "191");
  CHECK(t.value_date == ymd(2015, 7, 15));
  CHECK(t.booking_date == ymd(2015, 7, 15));
  CHECK(t.bank_reference == "1234567890");
  CHECK(t.end_to_end_id == "RP12312312312312");
  CHECK(t.account == "77777777");
  CHECK(t.source_line == 4);
  CHECK(t.remittance_text.rfind("FR:FP SIP INCOMING ENDT:20150715 TRID:RP12312312312312", 0) == 0);
  CHECK(t.remittance_text.find("BO:11111111 BO1:DOE JO") != std::string::npos);
  CHECK(r.all_checks_ok());
  const auto* total = find_check(r, "BAI2 account trailer 49 total (account 77777777)");
  REQUIRE(total != nullptr);
  CHECK(total->expected == 20001);  // 010 + 015 balances (10000 each) + the 16 amount 1
  CHECK(total->actual == 20001);
}

TEST_CASE("BAI2: Canadian 80-column file with signed zero-padded summaries and V funds", "[bank]") {
  auto r = strict(corpus("moov_sample1_cad_80col.txt"));
  REQUIRE(r.transactions.size() == 17);
  CHECK(r.all_checks_ok());
  CHECK(r.checks.size() == 10);
  const auto& first = r.transactions[0];
  CHECK(first.amount_minor == 2500);
  CHECK(first.currency.view() == "CAD");
  CHECK(first.direction == Direction::kDebit);
  CHECK(first.reversal);  // RETURNED CHEQUE
  CHECK(first.value_date == ymd(2006, 3, 16));
  CHECK(first.booking_date == ymd(2006, 3, 17));
  CHECK(first.remittance_text == "RETURNED CHEQUE");
  CHECK_FALSE(r.transactions[2].reversal);  // RTD CHQ SERVICE CHRG is a fee
  std::int64_t credits = 0, debits = 0;
  for (const auto& t : r.transactions) (t.direction == Direction::kCredit ? credits : debits) += t.amount_minor;
  CHECK(credits == 320000);
  CHECK(debits == 320000);
  const auto* total = find_check(r, "BAI2 account trailer 49 total (account 10200123456)");
  REQUIRE(total != nullptr);
  CHECK(total->expected == 834000);
}

TEST_CASE("BAI2: spec example with S, D and V funds types and 03 summaries split over 88s", "[bank]") {
  auto r = strict(corpus("moov_sample2_spec_example.txt"));
  REQUIRE(r.transactions.size() == 4);
  CHECK(r.checks.size() == 25);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].amount_minor == 450000);  // funds type S: the three availability amounts are not the amount
  CHECK(r.transactions[0].type_code == "115");
  CHECK(r.transactions[1].remittance_text == "LOCK BOX NO.68751");
  const auto& loc = r.transactions[2];
  CHECK(loc.amount_minor == 20000000);
  CHECK(loc.value_date == ymd(2004, 6, 22));
  CHECK(loc.booking_date == ymd(2004, 6, 20));
  CHECK(loc.bank_reference == "SP4738");
  CHECK(loc.end_to_end_id == "YRC065321");
  CHECK(loc.remittance_text == "PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO");
  const auto* file_total = find_check(r, "BAI2 file trailer 99 total");
  REQUIRE(file_total != nullptr);
  CHECK(file_total->expected == 345450000);
  const auto* d_funds = find_check(r, "BAI2 account trailer 49 total (account 0975312468)");
  REQUIRE(d_funds != nullptr);
  CHECK(d_funds->actual == 140500000);  // the D distribution amounts are not added again
}

TEST_CASE("BAI2: Goldman continuations fail strict and read leniently with the mismatches listed", "[bank]") {
  CHECK(strict_error(corpus("moov_sample4_goldman_continuations.txt")) ==
        corpus("moov_sample4_goldman_continuations.txt") +
            ":22: BAI2 account trailer 49 total (account 107049932): the file says -12601613417.62, the records "
            "give 79999.60 USD");
  auto r = lenient(corpus("moov_sample4_goldman_continuations.txt"));
  REQUIRE(r.transactions.size() == 17);
  CHECK(failed_checks(r) == 8);
  CHECK(r.tolerated.size() == 8);
  const auto& ret = r.transactions[3];
  CHECK(ret.source_line == 24);
  CHECK(ret.type_code == "557");
  CHECK(ret.direction == Direction::kDebit);
  CHECK(ret.reversal);
  CHECK(ret.return_reason == "R02");
  CHECK(ret.amount_minor == 200000);
  CHECK(ret.end_to_end_id == "021000080000030");
  const auto& wire = r.transactions[7];
  CHECK(wire.type_code == "195");
  CHECK(wire.payer_account == "8348572423");
  CHECK(wire.amount_minor == 1125);
  CHECK(r.transactions[8].return_reason == "R02");
  CHECK(r.transactions[8].direction == Direction::kCredit);
  CHECK(r.transactions[8].payer_name == "Company1");
}

TEST_CASE("BAI2: SVB daily summary continued over three 88 records, no newline at end", "[bank]") {
  auto r = strict(corpus("zepto_daily_with_summary.bai2"));
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 25001);
  CHECK(t.type_code == "174");
  CHECK(t.end_to_end_id == "50848");
  CHECK(t.remittance_text == "SAMPLE CONTINUATION TEXT");
  CHECK(t.booking_date == ymd(2005, 6, 7));
  CHECK(find_check(r, "BAI2 account trailer 49 total (account 1234567890)")->expected == 50002);
}

TEST_CASE("BAI2: SVB Fedwire with OBI invoice and commas inside 88 text", "[bank]") {
  auto r = strict(corpus("zepto_eod_wire_obi_invoice.bai2"));
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 8325982);
  CHECK(t.direction == Direction::kCredit);
  CHECK(t.payer_name == "OPTIONS LINK WIRE CLEARING");
  CHECK(t.remittance_text.find("OBI:=INVOICE 123456") != std::string::npos);
  CHECK(t.remittance_text.find("ORG ADDRESS:=1995 SE. 57TH ST. NY, NY 10022") != std::string::npos);
  CHECK(t.booking_date == ymd(2010, 8, 31));
}

TEST_CASE("BAI2: 98 group trailer without number of accounts fails strict, reads leniently", "[bank]") {
  std::string path = corpus("zepto_group_trailer_without_number_of_accounts.bai2");
  CHECK(strict_error(path) == path + ":7: 98 group trailer has 2 fields (expected control total, number of "
                                     "accounts, record count); read the second as the record count");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].amount_minor == 25001);
  CHECK(r.all_checks_ok());
  REQUIRE(r.tolerated.size() == 1);
  CHECK(r.tolerated[0].rfind(path + ":7: 98 group trailer has 2 fields", 0) == 0);
}

TEST_CASE("BAI2: control totals off by one cent fail strict at the 49 record", "[bank]") {
  std::string path = corpus("zepto_invalid_checksum_eod.bai2");
  CHECK(strict_error(path) == path + ":15: BAI2 account trailer 49 total (account 3333333333): the file says "
                                     "83259.83, the records give 83259.82 USD");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(failed_checks(r) == 1);
  const auto* c = find_check(r, "BAI2 account trailer 49 total (account 3333333333)");
  REQUIRE(c != nullptr);
  CHECK_FALSE(c->ok);
  CHECK(c->expected == 8325983);
  CHECK(c->actual == 8325982);
  CHECK(c->location.line == 15);
}

TEST_CASE("BAI2: malformed files fail with FILE:LINE", "[bank]") {
  SECTION("bad amount") {
    std::string path = fixture("bai2_bad_amount.bai2");
    CHECK(strict_error(path) ==
          path + ":4: bad amount '12A00' in 16 transaction detail: expected digits with implied decimals");
  }
  SECTION("wrong trailer record count") {
    std::string path = fixture("bai2_wrong_count.bai2");
    CHECK(strict_error(path) ==
          path + ":5: BAI2 account trailer 49 record count (account 1234): the file says 5, the records give 3");
  }
  SECTION("truncated file") {
    std::string path = fixture("bai2_truncated.bai2");
    CHECK(strict_error(path) == path + ":5: the file ends inside account 1234 (no 49 account trailer)");
    auto r = lenient(path);
    CHECK(r.transactions.size() == 2);
    CHECK(r.tolerated.size() == 3);  // no 49, no 98, no 99
  }
}

TEST_CASE("BAI2: text field keeps commas and slashes; type code ranges give the direction", "[bank]") {
  std::string data =
      "01,B,O,240115,0800,1,,,2/\n"
      "02,O,B,1,240115,,JPY,2/\n"
      "03,ACC1,,015,250000,,/\n"
      "16,475,1000,0,CHK1,,CHECK PAID, NO. 1/2/3\n"
      "16,301,2500,Z,DEP1,,DEPOSIT/\n"
      "49,253500,4/\n"
      "98,253500,1,6/\n"
      "99,253500,1,8/\n";
  auto r = otc::import::read_bank_data("mem.bai2", data, BankFormat::kAuto, {});
  CHECK(r.format == BankFormat::kBai2);
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.transactions[0].currency.view() == "JPY");
  CHECK(r.transactions[0].amount_minor == 1000);  // JPY has no minor unit: 1000 yen
  CHECK(r.transactions[0].direction == Direction::kDebit);
  CHECK(r.transactions[0].remittance_text == "CHECK PAID, NO. 1/2/3");
  CHECK(r.transactions[1].direction == Direction::kCredit);
  CHECK(r.all_checks_ok());
}
