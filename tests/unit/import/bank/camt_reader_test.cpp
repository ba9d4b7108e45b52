// camt.053 / camt.054 reader: every corpus file, plus hand-made files.
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

TEST_CASE("camt.053: ISO business example v04 with DtTm booking dates and a batch without TxDtls", "[bank]") {
  auto r = strict(corpus("camt053/dvbern_053_Business_Sample_camt.053.001.04.xml"));
  CHECK(r.format == BankFormat::kCamt053);
  REQUIRE(r.transactions.size() == 3);
  REQUIRE(r.checks.size() == 1);
  CHECK(r.checks[0].ok);
  CHECK(r.checks[0].expected == 43567850);  // 500000 + 105678.50 - 200000 + 30000
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 10567850);  // the entry amount, not its TxDtls Amt of 0
  CHECK(t.currency.view() == "SEK");
  CHECK(t.direction == Direction::kCredit);
  CHECK(t.booking_date == ymd(2010, 10, 18));
  CHECK(t.end_to_end_id == "MUELL/FINP/RA12345");
  CHECK(t.payer_name == "MUELLER");
  CHECK(t.bank_reference == "AAAASESS-FP-CN_98765/01");
  CHECK(t.type_code == "PAYM/0001/0005");
  CHECK(t.account == "50000000054910000003");
  CHECK(r.transactions[1].amount_minor == 20000000);
  CHECK(r.transactions[1].direction == Direction::kDebit);
  CHECK(r.tolerated.size() == 2);
}

TEST_CASE("camt.053: EUR amounts with three decimals; the statement itself does not balance", "[bank]") {
  std::string path = corpus("camt053/genkgo_053_v2_five_decimals.xml");
  CHECK(strict_error(path) == path + ":49: camt balance OPBD+entries=CLBD (statement 253EURNL26VAYB8060476890): "
                                     "the file says 27.05, the records give 27.00 EUR");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].amount_minor == 885);  // "8.850"
  CHECK(r.transactions[0].value_date == ymd(2015, 1, 2));
  CHECK(r.transactions[0].booking_date == ymd(2014, 12, 31));
  CHECK(r.transactions[0].end_to_end_id == "000000001");
  CHECK(r.transactions[0].remittance_text == "Transaction Description");
  CHECK(failed_checks(r) == 1);
}

TEST_CASE("camt.053: balances in different currencies cannot be checked", "[bank]") {
  std::string path = corpus("camt053/genkgo_053_v2_minimal_mixed_ccy_balances.xml");
  CHECK(strict_error(path) == path + ":54: statement 253EURNL26VAYB8060476890: closing balance CLBD is in SEK, "
                                     "opening balance OPBD in EUR; the balance cannot be checked");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].amount_minor == 885);
  CHECK(r.transactions[0].payer_name == "NAME NAME");
  REQUIRE(r.transactions[0].remittance_refs.size() == 1);
  CHECK(r.transactions[0].remittance_refs[0] == "4654654654654654");  // Strd CdtrRefInf Ref (SCOR)
}

TEST_CASE("camt.053: two statements in one document both balance", "[bank]") {
  auto r = strict(corpus("camt053/genkgo_053_v2_multi_statement.xml"));
  REQUIRE(r.transactions.size() == 2);
  REQUIRE(r.checks.size() == 2);
  CHECK(r.all_checks_ok());
  CHECK(r.checks[1].location.line == 133);
  const auto& debit = r.transactions[1];
  CHECK(debit.direction == Direction::kDebit);
  CHECK(debit.amount_minor == 700);
  CHECK(debit.payer_name == "Company Name 2");  // for a debit, the creditor
  CHECK(debit.payer_account == "NL56AGDH9619008421");
  CHECK(debit.type_code == "544");
}

TEST_CASE("camt.053: Swiss InstdAmt example does not balance: lenient read", "[bank]") {
  std::string path = corpus("camt053/via_053_CH_instdamt.xml");
  CHECK(strict_error(path) == path + ":51: camt balance OPBD+entries=CLBD (statement STM-C053-190720325942-06): the "
                                     "file says 4500.00, the records give 4600.00 CHF");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].amount_minor == 450000);
  CHECK(r.transactions[0].bank_reference == "1340044232");
  CHECK(r.checks.size() == 3);
  CHECK(failed_checks(r) == 1);  // the TxsSummry count and sum agree
}

TEST_CASE("camt.053: ING batch excerpt: balance and TxsSummry disagree", "[bank]") {
  std::string path = corpus("camt053/via_053_NL_ing_batch.xml");
  CHECK(strict_error(path) == path + ":53: camt balance OPBD+entries=CLBD (statement 2019062434566666666666666): "
                                     "the file says 23038.20, the records give 10264.06 EUR");
  auto r = lenient(path);
  REQUIRE(r.transactions.size() == 3);
  CHECK(failed_checks(r) == 5);
  CHECK(r.transactions[0].amount_minor == 475374);  // batch of 3 with no TxDtls: one entry
  CHECK(r.transactions[0].type_code == "PMNT/ICDT/ESCT 00200");
  const auto& t = r.transactions[1];
  CHECK(t.end_to_end_id == "GBSXX21170607391766562");
  CHECK(t.payer_name == "TEST");
  CHECK(t.payer_account == "NL86INGB00066666666");
  CHECK(t.remittance_text == "TERUGGAAF");
}

TEST_CASE("camt.054: PostFinance ESR/ASR collective debit with ISR reference", "[bank]") {
  auto r = strict(corpus("camt054/dvbern_054_CH_esr_asr_2019.xml"));
  CHECK(r.format == BankFormat::kCamt054);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.checks.empty());
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 14700);
  CHECK(t.direction == Direction::kDebit);
  CHECK(t.payer_name == "Maria Bernasconi");
  REQUIRE(t.remittance_refs.size() == 1);
  CHECK(t.remittance_refs[0] == "100041698214115449371805278");
  CHECK(t.value_date == ymd(2019, 4, 25));
}

TEST_CASE("camt.054: reversal indicator; pending entries are left out", "[bank]") {
  std::string path = corpus("camt054/dvbern_054_CH_not_booked_reversed.xml");
  auto r = strict(path);
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.transactions[0].reversal);
  CHECK(r.transactions[0].direction == Direction::kCredit);
  CHECK(r.transactions[0].amount_minor == 11100);
  CHECK_FALSE(r.transactions[1].reversal);
  CHECK(r.transactions[1].direction == Direction::kDebit);  // the entry says DBIT, its TxDtls CRDT
  REQUIRE(r.tolerated.size() == 2);
  CHECK(r.tolerated[0] == path + ":56: entry with status PDNG is not booked; left out");
}

TEST_CASE("camt.054: collective booking split into its transactions", "[bank]") {
  auto r = strict(corpus("camt054/dvbern_054_CH_sammelbuchung_es.xml"));
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.transactions[0].amount_minor == 11100);
  CHECK(r.transactions[0].payer_name == "Ada Lovelace");
  CHECK(r.transactions[0].bank_reference == "170727CH00A1ABCD");
  CHECK(r.transactions[1].amount_minor == 200);
  CHECK(r.transactions[1].payer_name == "Lord Bayron");
  CHECK(r.transactions[1].bank_reference == "170727CH00A2ABCD");
  CHECK(r.transactions[0].booking_date == ymd(2017, 7, 27));
}

TEST_CASE("camt.054: v04 UBS notification with several TxDtls that do not add up", "[bank]") {
  auto r = strict(corpus("camt054/genkgo_054_v4.xml"));
  REQUIRE(r.transactions.size() == 1);
  const auto& t = r.transactions[0];
  CHECK(t.amount_minor == 20000000);
  CHECK(t.currency.view() == "SEK");
  CHECK(t.end_to_end_id == "UXC06170000006PI00001EE00001");
  CHECK(t.remittance_refs.size() == 4);
  CHECK(r.tolerated.size() == 1);
}

TEST_CASE("camt.054: v08 entry without booking date uses the message date", "[bank]") {
  std::string path = corpus("camt054/genkgo_054_v8_with_UETR.xml");
  auto r = strict(path);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.transactions[0].booking_date == ymd(2007, 10, 18));
  CHECK(r.transactions[0].amount_minor == 20000000);
  CHECK(r.tolerated == std::vector<std::string>{
                           path + ":16: entry has neither BookgDt nor ValDt; the message creation date 2007-10-18 is used"});
}

TEST_CASE("camt: hand-made files: batch split, KWD three decimals, v08 party names, errors", "[bank]") {
  SECTION("balance off: strict error at CLBD, lenient split batch") {
    std::string path = fixture("camt_wrong_balance.xml");
    CHECK(strict_error(path) == path + ":9: camt balance OPBD+entries=CLBD (statement S2): the file says 12.500, "
                                       "the records give 12.250 KWD");
    auto r = lenient(path);
    REQUIRE(r.transactions.size() == 2);
    CHECK(r.transactions[0].amount_minor == 1000);
    CHECK(r.transactions[0].currency.exponent == 3);
    CHECK(r.transactions[0].payer_name == "Acme Trading");
    CHECK(r.transactions[0].remittance_refs == std::vector<std::string>{"INV-7"});
    CHECK(r.transactions[1].amount_minor == 1250);
    CHECK(r.transactions[1].end_to_end_id.empty());  // NOTPROVIDED
    CHECK(r.transactions[1].remittance_refs == std::vector<std::string>{"RF18539007547034"});
    CHECK(r.transactions[1].remittance_text == "INVOICE 8");
    CHECK(r.transactions[1].source_line == 23);
  }
  SECTION("bad amount") {
    std::string path = fixture("camt_bad_amount.xml");
    CHECK(strict_error(path) == path + ":9: bad entry amount '12,50': not an amount");
  }
  SECTION("truncated XML") {
    std::string path = fixture("camt_truncated.xml");
    CHECK(strict_error(path) == path + ":12: XML is not well-formed: Start-end tags mismatch");
  }
}
