// NACHA ACH and BAI lockbox readers: every corpus file, plus hand-made files.
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
std::string strict_error(const std::string& path) { return strict_error_of(path, BankFormat::kAuto); }

}  // namespace

TEST_CASE("NACHA: CCD debit batch with 9999 block fill", "[bank]") {
  auto r = strict(corpus("nacha/moovach_ccd-debit.ach"));
  CHECK(r.format == BankFormat::kNacha);
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.checks.size() == 10);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 500000);
  CHECK(t.currency.view() == "USD");
  CHECK(t.direction == Direction::kDebit);
  CHECK(t.bank_reference == "031300010000001");
  CHECK(t.end_to_end_id == "location1234567");
  CHECK(t.payer_name == "Best Co. #123456789012");
  CHECK(t.type_code == "CCD 27");
  CHECK(t.booking_date == ymd(2019, 8, 16));
  CHECK(r.transactions[1].amount_minor == 125);
  CHECK(r.checks[3].what == "NACHA batch 0000001 control total credit");
  CHECK(r.checks[2].expected == 500125);  // total debit
}

TEST_CASE("NACHA: CTX debit with two free-text 705 addenda", "[bank]") {
  auto r = strict(corpus("nacha/moovach_ctx-debit.ach"));
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 100000000);
  CHECK(t.payer_name == "Receiver Company");  // CTX: receiving company name after the addenda count
  CHECK(t.remittance_text == "Debit First Account Debit Second Account");
  CHECK(t.type_code == "CTX 27");
}

TEST_CASE("NACHA: CCD+ with TXP addenda and a right-trimmed file control record", "[bank]") {
  std::string path = corpus("nacha/moovach_txp-credit_CCD_plus.ach");
  auto r = strict(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.direction == Direction::kCredit);
  CHECK(t.amount_minor == 12345);
  CHECK(t.payer_name == "ACME CORP");  // a credit: the originating company paid
  CHECK(t.remittance_text == "TXP*123456789*941*250901*941*12345*1*1000*2*500***VER\\");
  CHECK(t.booking_date == ymd(2025, 10, 16));  // effective date field is misaligned: file date used
  CHECK(r.tolerated.size() == 2);
  CHECK(r.tolerated[1] == path + ":6: 1 record(s) shorter than 94 characters were padded with spaces");
}

TEST_CASE("NACHA: TEL REVERSAL batch marks its entries as reversals", "[bank]") {
  auto r = strict(corpus("nacha/moovach_NACHA_SAMPLE_TEL_REVERSAL.ach"));
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.all_checks_ok());
  CHECK(r.transactions[0].reversal);
  CHECK(r.transactions[0].direction == Direction::kCredit);
  CHECK(r.transactions[0].amount_minor == 685100);
  CHECK(r.transactions[1].reversal);
  CHECK(r.transactions[1].direction == Direction::kDebit);
  CHECK(r.transactions[1].payer_name == "Best Builders");
}

TEST_CASE("NACHA: returns carry the R-code and the original trace", "[bank]") {
  SECTION("dishonored return R68") {
    auto r = strict(corpus("nacha/moovach_dishonored-return.ach"));
    REQUIRE(r.transactions.size() == 2);
    CHECK(r.all_checks_ok());
    CHECK(r.transactions[0].reversal);
    CHECK(r.transactions[0].return_reason == "R68");
    CHECK(r.transactions[0].amount_minor == 25000);
    CHECK(r.transactions[0].remittance_refs == std::vector<std::string>{"059999990000301"});
    CHECK(r.transactions[1].amount_minor == 23000);
  }
  SECTION("WEB returns R01 and R03 in two batches") {
    auto r = strict(corpus("nacha/moovach_return-WEB.ach"));
    REQUIRE(r.transactions.size() == 2);
    CHECK(r.checks.size() == 14);
    CHECK(r.all_checks_ok());
    CHECK(r.transactions[0].return_reason == "R01");
    CHECK(r.transactions[0].direction == Direction::kDebit);  // code 26
    CHECK(r.transactions[0].amount_minor == 12354);
    CHECK(r.transactions[0].payer_name == "Paul Jones");
    CHECK(r.transactions[1].return_reason == "R03");
    CHECK(r.transactions[1].direction == Direction::kCredit);  // code 21
    CHECK(r.transactions[1].amount_minor == 4565);
  }
  SECTION("notification of change C01 is not a reversal") {
    auto r = strict(corpus("nacha/moovach_cor-example.ach"));
    REQUIRE(r.transactions.size() == 1);
    CHECK(r.all_checks_ok());
    CHECK_FALSE(r.transactions[0].reversal);
    CHECK(r.transactions[0].amount_minor == 0);
    CHECK(r.transactions[0].return_reason == "C01");
    CHECK(r.transactions[0].remittance_text == "notification of change C01: corrected data 1918171614");
  }
}

TEST_CASE("NACHA: X12 820 RMR invoice references across 80-character addenda", "[bank]") {
  auto r = strict(fixture("nacha_ctx_x12_rmr.ach"));
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 125000);
  CHECK(t.remittance_refs == std::vector<std::string>{"INV-1001", "INV-1002"});
  CHECK(t.payer_name == "ACME CORP");
  CHECK(t.end_to_end_id == "CUST-77");
  CHECK(t.booking_date == ymd(2024, 1, 16));
}

TEST_CASE("NACHA: malformed files fail with FILE:LINE", "[bank]") {
  CHECK(strict_error(fixture("nacha_wrong_count.ach")) ==
        fixture("nacha_wrong_count.ach") +
            ":5: NACHA batch 0000001 control entry/addenda count: the file says 3, the records give 2");
  CHECK(strict_error(fixture("nacha_bad_amount.ach")) ==
        fixture("nacha_bad_amount.ach") + ":3: bad amount '00000A5000': expected digits");
}

TEST_CASE("Lockbox: one check with an overflow memo", "[bank]") {
  auto r = strict(corpus("lockbox/fundersclub_test_lockbox.bai"));
  CHECK(r.format == BankFormat::kLockbox);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.checks.size() == 5);
  CHECK(r.all_checks_ok());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 700000);
  CHECK(t.direction == Direction::kCredit);
  CHECK(t.payer_name == "BOB E SMITH");
  CHECK(t.payer_account == "055002707/0012345555");
  CHECK(t.end_to_end_id == "180");  // check number
  CHECK(t.remittance_refs == std::vector<std::string>{"CE554"});
  CHECK(t.remittance_text == "check 180 dated 2016-05-16 CE554");  // check date is MMDDYY
  CHECK(t.booking_date == ymd(2016, 5, 23));
  CHECK(t.bank_reference == "0022222-160523-001-001");
}

TEST_CASE("Lockbox: empty lockbox has totals only", "[bank]") {
  auto r = strict(corpus("lockbox/fundersclub_test_empty_lockbox.bai"));
  CHECK(r.transactions.empty());
  CHECK(r.checks.size() == 5);
  CHECK(r.all_checks_ok());
}

TEST_CASE("Lockbox: wrong batch total fails with FILE:LINE", "[bank]") {
  std::string path = fixture("lockbox_wrong_total.bai");
  CHECK(strict_error(path) == path + ":6: lockbox batch 001 total 7 dollar total: the file says 2100.00, the records give 2000.00 USD");
  BankReadOptions o;
  o.lenient = true;
  auto r = read_bank_file(path, BankFormat::kLockbox, o);
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.transactions[1].payer_name == "GLOBEX LLC");
  CHECK(r.transactions[1].amount_minor == 75000);
  int failed = 0;
  for (const auto& c : r.checks) failed += c.ok ? 0 : 1;
  CHECK(failed == 2);  // batch total and service total
}
