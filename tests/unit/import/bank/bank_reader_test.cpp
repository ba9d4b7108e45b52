// Format detection, format names, the CSV bank-export reader and shared amount parsing.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "otc/import/bank/bank_detail.hpp"
#include "otc/import/bank/bank_reader.hpp"

namespace {

using otc::core::Date;
using otc::domain::Direction;
using otc::import::BankFormat;
using otc::import::BankReadOptions;
using otc::import::read_bank_data;

std::string corpus(const std::string& rel) { return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/corpus/" + rel; }
Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

std::string head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string s(4096, '\0');
  in.read(s.data(), static_cast<std::streamsize>(s.size()));
  s.resize(static_cast<std::size_t>(in.gcount()));
  return s;
}

std::string error_of(const std::string& data, const BankReadOptions& opts = {}) {
  try {
    read_bank_data("bank.csv", data, BankFormat::kAuto, opts);
  } catch (const otc::core::Error& e) {
    return otc::core::format_location(e.where()) + ": " + e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("Bank formats: detection from content for every corpus folder", "[bank]") {
  struct Case {
    const char* file;
    BankFormat format;
  };
  const Case cases[] = {
      {"bai2/moj_citi_example.bai2", BankFormat::kBai2},
      {"bai2/moov_sample1_cad_80col.txt", BankFormat::kBai2},
      {"mt940/php_kbs_MK_sample2", BankFormat::kMt940},           // SWIFT blocks
      {"mt940/wolph_mBank_mt940.sta", BankFormat::kMt940},        // SOH framing
      {"mt940/wolph_jejik_ing.sta", BankFormat::kMt940},          // preamble lines
      {"mt940/wolph_february_30.sta", BankFormat::kMt940},        // CRLF, leading blank line
      {"mt942/wolph_mt942_self.sta", BankFormat::kMt942},
      {"camt053/genkgo_053_v2_multi_statement.xml", BankFormat::kCamt053},
      {"camt054/genkgo_054_v8_with_UETR.xml", BankFormat::kCamt054},
      {"nacha/moovach_ccd-debit.ach", BankFormat::kNacha},
      {"lockbox/fundersclub_test_lockbox.bai", BankFormat::kLockbox},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    CHECK(otc::import::detect_bank_format(head(corpus(c.file))) == c.format);
  }
  CHECK(otc::import::detect_bank_format("Date,Amount,Reference\n2024-01-02,10.00,X\n") == BankFormat::kCsv);
  CHECK(otc::import::detect_bank_format("hello world\n") == BankFormat::kAuto);
  CHECK(otc::import::detect_bank_format("") == BankFormat::kAuto);
}

TEST_CASE("Bank formats: names round-trip and aliases", "[bank]") {
  for (BankFormat f : {BankFormat::kCsv, BankFormat::kBai2, BankFormat::kMt940, BankFormat::kMt942,
                       BankFormat::kCamt053, BankFormat::kCamt054, BankFormat::kNacha, BankFormat::kLockbox}) {
    CHECK(otc::import::parse_bank_format(otc::import::bank_format_name(f)) == f);
  }
  CHECK(otc::import::bank_format_name(BankFormat::kCamt053) == "camt053");
  CHECK(otc::import::parse_bank_format("ACH") == BankFormat::kNacha);
  CHECK(otc::import::parse_bank_format("camt.054") == BankFormat::kCamt054);
  CHECK_FALSE(otc::import::parse_bank_format("ofx").has_value());
}

TEST_CASE("Bank formats: content that is no known format is a clear error", "[bank]") {
  CHECK(error_of("hello world\n") == "bank.csv:1: cannot tell the bank file format from its content");
}

TEST_CASE("Bank CSV: header synonyms, signed amounts, currency column", "[bank]") {
  std::string data =
      "Booking Date,Value Date,Amount,Currency,Bank Reference,Payer Name,IBAN,Description,Invoice Number\n"
      "2024-01-15,2024-01-16,\"1,250.00\",EUR,BR-1,Acme GmbH,DE89370400440532013000,Payment INV-1001,INV-1001\n"
      "2024-01-16,,-75.5,USD,BR-2,,,Bank fee,\n"
      "\n"
      "2024-01-17,,1000,JPY,BR-3,Yamada,,,\n";
  auto r = read_bank_data("bank.csv", data, BankFormat::kAuto, {});
  CHECK(r.format == BankFormat::kCsv);
  REQUIRE(r.transactions.size() == 3);
  const auto& a = r.transactions[0];
  CHECK(a.booking_date == ymd(2024, 1, 15));
  CHECK(a.value_date == ymd(2024, 1, 16));
  CHECK(a.amount_minor == 125000);
  CHECK(a.currency.view() == "EUR");
  CHECK(a.direction == Direction::kCredit);
  CHECK(a.bank_reference == "BR-1");
  CHECK(a.payer_name == "Acme GmbH");
  CHECK(a.payer_account == "DE89370400440532013000");
  CHECK(a.remittance_text == "Payment INV-1001");
  CHECK(a.remittance_refs == std::vector<std::string>{"INV-1001"});
  CHECK(a.source_line == 2);
  CHECK(r.transactions[1].direction == Direction::kDebit);
  CHECK(r.transactions[1].amount_minor == 7550);
  CHECK(r.transactions[1].value_date == ymd(2024, 1, 16));  // no value date: the booking date
  CHECK(r.transactions[2].amount_minor == 1000);
  CHECK(r.transactions[2].source_line == 5);
  CHECK(r.checks.empty());
}

TEST_CASE("Bank CSV: debit/credit columns, semicolons, decimal comma, declared date format", "[bank]") {
  std::string data =
      "Posting Date;Debit;Credit;Payee;Memo\n"
      "15.01.2024;;1.234,56;Acme;INV 77\n"
      "16.01.2024;12,00;;Bank;Fee\n";
  BankReadOptions o;
  o.csv_decimal_comma = true;
  o.csv_date_format = otc::core::DateFormat("%d.%m.%Y");
  o.default_currency = "EUR";
  auto r = read_bank_data("bank.csv", data, BankFormat::kCsv, o);
  REQUIRE(r.transactions.size() == 2);
  CHECK(r.transactions[0].amount_minor == 123456);
  CHECK(r.transactions[0].direction == Direction::kCredit);
  CHECK(r.transactions[0].currency.view() == "EUR");
  CHECK(r.transactions[0].payer_name == "Acme");
  CHECK(r.transactions[0].booking_date == ymd(2024, 1, 15));
  CHECK(r.transactions[1].amount_minor == 1200);
  CHECK(r.transactions[1].direction == Direction::kDebit);
}

TEST_CASE("Bank CSV: bad rows fail strict with FILE:LINE and are listed when lenient", "[bank]") {
  std::string data =
      "Date,Amount,Reference\n"
      "2024-01-15,12.50,A\n"
      "2024-01-16,12.5x,B\n"
      "2024-13-01,3.00,C\n";
  CHECK(error_of(data) == "bank.csv:3: bad amount '12.5x': not an amount");
  BankReadOptions o;
  o.lenient = true;
  auto r = read_bank_data("bank.csv", data, BankFormat::kCsv, o);
  REQUIRE(r.transactions.size() == 1);
  CHECK(r.tolerated == std::vector<std::string>{"bank.csv:3: bad amount '12.5x': not an amount; row left out",
                                                "bank.csv:4: bad date '2024-13-01' (expected YYYY-MM-DD); row left out"});
  CHECK(error_of("Reference,Amount\nA,1.00\n", {}) == "bank.csv:1: cannot tell the bank file format from its content");
  CHECK_THROWS_WITH(read_bank_data("bank.csv", "Reference,Amount\nA,1.00\n", BankFormat::kCsv, {}),
                    "CSV header has no date column (e.g. 'date', 'booking date', 'posting date'); name it with --map (date = Header) or use --profile");
}

TEST_CASE("Bank amounts: integer parsing respects the currency exponent", "[bank]") {
  using otc::import::bank_detail::parse_decimal;
  CHECK(parse_decimal("18.150", 2, ".") == 1815);
  CHECK_FALSE(parse_decimal("18.155", 2, ".").has_value());
  CHECK(parse_decimal("500,", 2, ",.") == 50000);
  CHECK(parse_decimal("0,", 2, ",.") == 0);
  CHECK(parse_decimal("000000001147,95", 2, ",.") == 114795);
  CHECK(parse_decimal("620,3", 2, ",.") == 62030);
  CHECK(parse_decimal("1560395.", 0, ",.") == 1560395);
  CHECK(parse_decimal("2.250", 3, ".") == 2250);
  CHECK_FALSE(parse_decimal(",5", 2, ",.").has_value());
  CHECK_FALSE(parse_decimal("1,2,3", 2, ",.").has_value());
  CHECK_FALSE(parse_decimal("99999999999999999999", 2, ".").has_value());
  CHECK(otc::import::bank_detail::parse_signed_digits("+000000000000") == 0);
  CHECK(otc::import::bank_detail::parse_signed_digits("-1500000") == -1500000);
}

TEST_CASE("Bank amounts: the readers' forms are adapters on core::parse_amount", "[bank]") {
  using otc::import::bank_detail::parse_decimal;
  using otc::import::bank_detail::parse_implied_amount;
  // Implied decimals (BAI2, NACHA, lockbox): the digits are the minor units.
  CHECK(parse_implied_amount("0000123456") == 123456);
  CHECK(parse_implied_amount("+000000000000", true) == 0);
  CHECK(parse_implied_amount("-1500000", true) == -1500000);
  CHECK_FALSE(parse_implied_amount("-1500000").has_value());  // no sign where the format has none
  CHECK_FALSE(parse_implied_amount("12.34").has_value());
  CHECK_FALSE(parse_implied_amount("$12").has_value());
  CHECK_FALSE(parse_implied_amount(" 12").has_value());
  CHECK_FALSE(parse_implied_amount("").has_value());
  CHECK_FALSE(parse_implied_amount("99999999999999999999").has_value());
  // What core::parse_amount alone would accept is still refused where a bank format has no such form.
  std::string why;
  CHECK_FALSE(parse_decimal("1,234.56", 2, ".", &why).has_value());
  CHECK(why == "not an amount");
  CHECK_FALSE(parse_decimal("-5.00", 2, ".", &why).has_value());
  CHECK_FALSE(parse_decimal("", 2, ".", &why).has_value());
  CHECK(why == "amount is empty");
  CHECK_FALSE(parse_decimal("1.005", 2, ".", &why).has_value());
  CHECK(why == "more decimal places than the currency allows");
  CHECK_FALSE(parse_decimal("99999999999999999999", 2, ".", &why).has_value());
  CHECK(why == "amount is too large");
}
