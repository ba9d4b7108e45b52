#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "otc/core/error.hpp"
#include "otc/import/billing_lines.hpp"

using namespace otc;
using engine::BillingLine;
using import::DiscountUnit;

namespace {

/// A CSV file in a fresh temporary directory, removed at the end of the test.
class TempCsv {
 public:
  TempCsv(const std::string& name, const std::string& text) {
    dir_ = std::filesystem::temp_directory_path() / ("otc-billing-lines-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempCsv() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

std::vector<BillingLine> read_all(import::CsvBillingSource& source) {
  std::vector<BillingLine> out;
  BillingLine line;
  while (source.next(line)) out.push_back(line);
  return out;
}

const core::Currency kUsd = *core::find_currency("USD");

}  // namespace

TEST_CASE("Billing lines: periods are normalised to YYYY-MM", "[billing_lines]") {
  auto [text, want] = GENERATE(table<const char*, const char*>({
      {"2026-03", "2026-03"},
      {"2026/03", "2026-03"},
      {"202603", "2026-03"},
      {"03/2026", "2026-03"},
      {"3/2026", "2026-03"},
      {"03-2026", "2026-03"},
      {"Mar 2026", "2026-03"},
      {"march 2026", "2026-03"},
      {"Sept 2026", "2026-09"},
      {"Dec-2026", "2026-12"},
      {"2026-03-15", "2026-03"},
      {"2026-03-31T23:59:59Z", "2026-03"},
      {" 2026-03 ", "2026-03"},
  }));
  CAPTURE(text);
  CHECK(import::normalize_period(text) == std::optional<std::string>(want));
}

TEST_CASE("Billing lines: what is not a month is refused, a declared date format is read", "[billing_lines]") {
  for (const char* bad : {"", "2026-13", "2026-00", "13/2026", "Mac 2026", "2026-02-30", "26-03", "March"}) {
    CAPTURE(bad);
    CHECK_FALSE(import::normalize_period(bad).has_value());
  }
  core::DateFormat us("%m/%d/%Y");
  CHECK(import::normalize_period("03/15/2026", us) == std::optional<std::string>("2026-03"));
  CHECK(import::normalize_period("2026-03-15", us) == std::optional<std::string>("2026-03"));  // ISO still read
  CHECK_FALSE(import::normalize_period("03/15/2026").has_value());
}

TEST_CASE("Billing lines: a percent discount becomes an amount as billing computes it", "[billing_lines]") {
  constexpr std::int64_t M = engine::kMicros;
  // 15% of 3 x 33.33 = 99.99 is 14.9985, half-even at the cent: 15.00.
  CHECK(import::percent_discount_amount(3 * M, 33'330'000, 15 * M, kUsd) == 15 * M);
  // 10% of 2 x 100.00 = 20.00.
  CHECK(import::percent_discount_amount(2 * M, 100 * M, 10 * M, kUsd) == 20 * M);
  // The amount is rounded before the rate: 1 x 0.125 rounds to 0.12 (half-even), 50% is 0.06.
  CHECK(import::percent_discount_amount(1 * M, 125'000, 50 * M, kUsd) == 60'000);
  // JPY has no minor unit: 15% of 999 = 149.85 -> 150.
  CHECK(import::percent_discount_amount(3 * M, 333 * M, 15 * M, *core::find_currency("JPY")) == 150 * M);
  // KWD has three decimals: 12.5% of 1.235 = 0.154375 -> 0.154.
  CHECK(import::percent_discount_amount(1 * M, 1'235'000, 12'500'000, *core::find_currency("KWD")) == 154'000);
}

TEST_CASE("Billing lines: an amount discount as a percent of quantity x price", "[billing_lines]") {
  constexpr std::int64_t M = engine::kMicros;
  CHECK(import::discount_percent_of(3 * M, 33'330'000, 15 * M) == std::optional<std::int64_t>(15'001'500));  // 15.0015%
  CHECK(import::discount_percent_of(2 * M, 100 * M, 20 * M) == std::optional<std::int64_t>(10 * M));
  CHECK_FALSE(import::discount_percent_of(0, 100 * M, 5 * M).has_value());
}

TEST_CASE("Billing lines: key lists", "[billing_lines]") {
  CHECK(import::parse_billing_key("contract_id, period,product") == std::vector<std::string>{"contract_id", "period", "product"});
  CHECK(import::parse_billing_key("contract_line") == std::vector<std::string>{"contract_line"});
  CHECK_THROWS_WITH(import::parse_billing_key("contract_id,month"),
                    "--key: 'month' is not a key field (known: contract_id, contract_line, period, product, customer)");
  CHECK_THROWS_WITH(import::parse_billing_key("period,period"), "--key names 'period' twice");
  CHECK_THROWS_AS(import::parse_billing_key(""), core::Error);
}

TEST_CASE("Billing lines: a CRM export is read through the profile, keyed, filtered and located", "[billing_lines]") {
  TempCsv crm("crm.csv",
              "Contract Number,Line,Service Period,Product Code,Account ID,Qty,Price,Discount Pct,Discount,Amount,Currency\n"
              "K-10,1,2026-04,SEATS,A1,10,20.00,10,,180.00,USD\n"
              "K-11,L-7,Apr 2026,SEATS,A2,3,33.33,,5.00,94.99,\n"
              "K-12,1,2026-05,SEATS,A3,1,10.00,,,10.00,USD\n"
              "K-13,2,2026-04,API,A4,1500,0.0025,,2%,3.68,USD\n");
  import::BillingReadOptions o;
  o.period = "2026-04";
  o.settings.default_currency = "USD";
  import::CsvBillingSource source(crm.path(), o, "crm.csv");
  CHECK(source.has_field("quantity"));
  CHECK(source.has_field("discount"));
  auto lines = read_all(source);
  CHECK(source.issues().empty());
  CHECK(source.rows_read() == 4);
  CHECK(source.rows_other_periods() == 1);
  REQUIRE(lines.size() == 3);

  CHECK(lines[0].key == "K-10|2026-04|SEATS");
  CHECK(lines[0].customer == "A1");
  CHECK(lines[0].quantity == 10'000'000);
  CHECK(lines[0].unit_price == 20'000'000);
  CHECK(lines[0].discount == 20'000'000);  // 10% of 200.00, as an amount
  CHECK(lines[0].amount_minor == 18000);
  CHECK(lines[0].document == "K-10/1");    // a bare line number is prefixed with its contract
  CHECK(lines[0].source_line == 2);

  CHECK(lines[1].key == "K-11|2026-04|SEATS");
  CHECK(lines[1].currency.view() == "USD");  // the default currency
  CHECK(lines[1].discount == 5'000'000);
  CHECK(lines[1].document == "L-7");

  CHECK(lines[2].key == "K-13|2026-04|API");
  CHECK(lines[2].unit_price == 2'500);      // 0.0025 exactly
  CHECK(lines[2].discount == 80'000);       // 2% of 3.75 = 0.075 -> 0.08 (half-even)
  CHECK(lines[2].source_line == 5);
}

TEST_CASE("Billing lines: percents compared as percents", "[billing_lines]") {
  TempCsv erp("erp.csv",
              "invoice_id,invoice_line,contract_id,period,product,customer,quantity,unit_price,discount,amount,currency\n"
              "INV-1,1,K-10,2026-04-01,SEATS,A1,10,20.00,20.00,180.00,USD\n"
              "INV-2,INV-2-1,K-11,2026-04-01,SEATS,A2,3,33.33,15%,84.99,USD\n");
  import::BillingReadOptions o;
  o.kind = "erp_lines";
  o.discount_unit = DiscountUnit::kPercent;
  import::CsvBillingSource source(erp.path(), o);
  auto lines = read_all(source);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].discount == 10'000'000);  // 20.00 of 200.00 = 10%
  CHECK(lines[0].document == "INV-1/1");
  CHECK(lines[1].discount == 15'000'000);
  CHECK(lines[1].document == "INV-2-1");   // already names its invoice
}

TEST_CASE("Billing lines: every bad row is listed with its location and left out", "[billing_lines]") {
  TempCsv crm("bad.csv",
              "contract_id,period,product,customer_id,quantity,unit_price,discount,amount,currency\n"
              "C1,2026-03,SEATS,A,10,50.00,0,500.00,USD\n"
              "C2,2026-13,SEATS,B,5,20.00,0,100.00,USD\n"
              "C3,2026-03,SEATS,C,1x,49.00,0,58x.00,USD\n"
              ",2026-03,SEATS,D,3,30.00,0.001,90.00,USD\n"
              "C5,2026-03,SEATS,E,3,30.00,0,90.00,\n");
  import::BillingReadOptions o;
  import::CsvBillingSource source(crm.path(), o, "bad.csv");
  auto lines = read_all(source);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].key == "C1|2026-03|SEATS");
  const auto& is = source.issues();
  REQUIRE(is.size() == 6);
  auto at = [&](std::size_t i) { return core::format_location(is[i].where) + ": " + is[i].message; };
  CHECK(at(0) == "bad.csv:3:2: period '2026-13' is not a month (YYYY-MM) or a date in one");
  CHECK(at(1) == "bad.csv:4:5: quantity '1x' is not a number with at most 6 decimals");
  CHECK(at(2) == "bad.csv:4:8: amount '58x.00': not an amount");
  CHECK(at(3) == "bad.csv:5:1: contract_id is empty");
  CHECK(at(4) == "bad.csv:5:7: discount '0.001' has more decimals than USD (2)");
  CHECK(at(5) == "bad.csv:6:9: currency is empty and no default currency is set (--currency)");
}

TEST_CASE("Billing lines: header problems fail at line 1", "[billing_lines]") {
  TempCsv noperiod("noperiod.csv", "contract_id,product,amount,currency\nC1,SEATS,1.00,USD\n");
  import::BillingReadOptions o;
  import::CsvBillingSource a(noperiod.path(), o, "noperiod.csv");
  CHECK_THROWS_WITH(a.prepare(), "no column for key field period");

  o.key_fields = {"contract_id", "product"};
  o.period = "2026-03";
  import::CsvBillingSource b(noperiod.path(), o, "noperiod.csv");
  CHECK_THROWS_WITH(b.prepare(), "--period needs a period column, and this export has none");

  TempCsv noamount("noamount.csv", "contract_id,period\nC1,2026-03\n");
  import::CsvBillingSource c(noamount.path(), import::BillingReadOptions{}, "noamount.csv");
  try {
    c.prepare();
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()) == "no column for required field(s): amount");
    CHECK(core::format_location(e.where()) == "noamount.csv:1");
  }

  TempCsv pct("pct.csv", "contract_id,period,product,discount,amount,currency\nC1,2026-03,SEATS,10%,90.00,USD\n");
  import::CsvBillingSource d(pct.path(), import::BillingReadOptions{}, "pct.csv");
  read_all(d);
  REQUIRE(d.issues().size() == 1);
  CHECK(d.issues()[0].message ==
        "a percent discount is compared as an amount of quantity x unit price, and this export lacks those columns "
        "(use --discount-unit percent)");
}

TEST_CASE("Billing lines: a ledger invoice line as a billing line", "[billing_lines]") {
  store::BilledLineRecord r;
  r.invoice = "INV-000003";
  r.line_no = 2;
  r.customer = "C2";
  r.currency = kUsd;
  r.contract_id = "K-2";
  r.contract_line = "1";
  r.product = "SUPPORT";
  r.service_from = core::parse_iso_date("2026-03-01");
  r.charge_date = core::parse_iso_date("2026-02-25");
  r.quantity = "1";
  r.unit_price = "100.00";
  r.amount_minor = 10000;
  r.discount_minor = 1000;
  r.credited_minor = 500;
  BillingLine out;
  import::billing_line_from_ledger(r, {"contract_id", "contract_line", "period", "product", "customer"}, DiscountUnit::kAmount, out);
  CHECK(out.key == "K-2|1|2026-03|SUPPORT|C2");
  CHECK(out.quantity == 1'000'000);
  CHECK(out.unit_price == 100'000'000);
  CHECK(out.discount == 10'000'000);
  CHECK(out.amount_minor == 8500);  // 100.00 - 10.00 discount - 5.00 credited
  CHECK(out.document == "INV-000003/2");

  import::billing_line_from_ledger(r, {"period"}, DiscountUnit::kPercent, out);
  CHECK(out.discount == 10'000'000);  // 10.00 of 100.00 = 10%
  r.service_from.reset();
  import::billing_line_from_ledger(r, {"period"}, DiscountUnit::kAmount, out);
  CHECK(out.key == "2026-02");  // no service dates: the charge date's month

  r.quantity = "many";
  CHECK_THROWS_WITH(import::billing_line_from_ledger(r, {"period"}, DiscountUnit::kAmount, out),
                    "invoice INV-000003 line 2 holds quantity 'many', not a decimal");
}
