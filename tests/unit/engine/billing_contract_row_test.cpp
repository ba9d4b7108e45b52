// Contract rows from CSV text to ContractLine, and their errors at FILE:LINE:COLUMN.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/engine/billing.hpp"
#include "otc/import/contract_row.hpp"
#include "otc/import/csv_reader.hpp"

using otc::core::Date;
using otc::domain::ContractLine;
using otc::import::ContractRowFields;
namespace engine = otc::engine;

namespace {

constexpr std::int64_t kUnit = otc::domain::kDecimalScale;

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

/// Reads a CSV (header + rows) the way an importer would and parses every row; with amendments,
/// a row whose line was seen before inherits from the previous version.
std::vector<ContractLine> parse_csv(const std::string& csv) {
  otc::import::CsvReader reader("contracts.csv", csv);
  REQUIRE(reader.next());
  std::map<std::string, int> columns;
  for (std::size_t i = 0; i < reader.size(); ++i) columns[std::string(reader.field(i))] = static_cast<int>(i) + 1;
  auto field = [&](std::string_view name) {
    auto it = columns.find(std::string(name));
    if (it == columns.end()) return otc::import::ContractField{};
    return otc::import::ContractField{reader.field(static_cast<std::size_t>(it->second - 1)), it->second};
  };
  std::vector<ContractLine> out;
  while (reader.next()) {
    ContractRowFields f = otc::import::contract_row_fields(field);
    otc::import::ContractRowContext ctx{"contracts.csv", reader.line(), {}, {}};
    const ContractLine* previous = nullptr;
    for (const auto& c : out)
      if (c.contract_id == f.contract_id.text && c.line_id == (f.line_id.text.empty() ? "1" : f.line_id.text))
        previous = &c;
    out.push_back(otc::import::parse_contract_row(f, ctx, previous));
  }
  return out;
}

const std::string kHeader =
    "contract_id,line_id,customer,product,start_date,end_date,frequency,timing,anchor_day,price_model,"
    "price_per,unit_price,tiers,quantity,discount,discount_until,currency,tax_rate,net_days,effective_date\n";

/// The error text and location of parsing one data row (line 2).
std::string error_of(const std::string& row) {
  try {
    parse_csv(kHeader + row + "\n");
  } catch (const otc::core::Error& e) {
    return otc::core::format_location(e.where()) + ": " + e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("Contract rows: a full row parses into a contract line", "[billing][contract_row]") {
  auto lines = parse_csv(kHeader +
                         "C-100,2,ACME,Seats,2026-01-15,2026-12-31,Monthly,in advance,1,per seat,annual,\"1,200.00\",,10,"
                         "15%,2026-06-30,usd,8.875,Net 45,\n");
  REQUIRE(lines.size() == 1);
  const ContractLine& c = lines[0];
  CHECK(c.contract_id == "C-100");
  CHECK(c.line_id == "2");
  CHECK(c.customer == "ACME");
  CHECK(c.metric == "Seats");
  CHECK(c.start == ymd(2026, 1, 15));
  CHECK(c.end == ymd(2026, 12, 31));
  CHECK_FALSE(c.effective);
  CHECK(c.frequency == otc::domain::BillingFrequency::kMonthly);
  CHECK(c.timing == otc::domain::BillingTiming::kAdvance);
  CHECK(c.anchor_day == 1);
  CHECK(c.model == otc::domain::PriceModel::kPerSeat);
  CHECK(c.price_per == otc::domain::BillingFrequency::kAnnual);
  CHECK(c.unit_price_micros == 1'200'000'000);
  CHECK(c.quantity == 10 * kUnit);
  CHECK(c.discount.kind == otc::domain::DiscountKind::kPercent);
  CHECK(c.discount.value == 150'000);
  CHECK(c.discount.until == ymd(2026, 6, 30));
  CHECK(c.currency.view() == "USD");
  CHECK(c.tax_rate_ppm == 88'750);
  CHECK(c.net_days == 45);
  CHECK(c.source_line == 2);
}

TEST_CASE("Contract rows: defaults for blank optional fields", "[billing][contract_row]") {
  auto lines = parse_csv(kHeader + "C-1,,ACME,Platform,2026-03-20,,annual,,,flat,,5000,,,,,EUR,,,\n");
  REQUIRE(lines.size() == 1);
  const ContractLine& c = lines[0];
  CHECK(c.line_id == "1");
  CHECK_FALSE(c.end);  // evergreen
  CHECK(c.timing == otc::domain::BillingTiming::kAdvance);
  CHECK(c.anchor_day == 20);  // the start day
  CHECK(c.price_per == otc::domain::BillingFrequency::kAnnual);
  CHECK(c.quantity == kUnit);  // a flat line is one unit
  CHECK(c.discount.kind == otc::domain::DiscountKind::kNone);
  CHECK(c.tax_rate_ppm == 0);
  CHECK(c.net_days == 30);
}

TEST_CASE("Contract rows: tier tables and fixed discounts", "[billing][contract_row]") {
  auto lines = parse_csv(kHeader +
                         "U-1,1,ACME,API,2026-01-01,,monthly,arrears,,usage_graduated,,,100:1.00;1000:0.80;inf:0.50,,"
                         "25.00,,USD,,,\n");
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].tiers.size() == 3);
  CHECK(lines[0].tiers[0] == otc::domain::PriceTier{100 * kUnit, 1'000'000});
  CHECK(lines[0].tiers[1] == otc::domain::PriceTier{1000 * kUnit, 800'000});
  CHECK(lines[0].tiers[2] == otc::domain::PriceTier{std::nullopt, 500'000});
  CHECK(lines[0].discount.kind == otc::domain::DiscountKind::kAmount);
  CHECK(lines[0].discount.value == 2500);
}

TEST_CASE("Contract rows: bad rows fail at FILE:LINE:COLUMN naming the field", "[billing][contract_row]") {
  const std::string good_tail = ",USD,,,";
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,weekly,,,per_seat,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:7: frequency 'weekly' is not one of monthly, quarterly, semiannual, annual");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,2025-12-31,monthly,,,per_seat,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:6: end_date 2025-12-31 is before start_date 2026-01-01");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,12.3.4,,5,," + good_tail) ==
        "contracts.csv:2:12: unit_price '12.3.4' is not a price (a non-negative decimal with up to 6 places)");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,tiered,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:10: price_model 'tiered' is not one of flat, per_seat, usage_graduated, usage_volume, "
        "minimum_commitment");
  CHECK(error_of("C-1,1,ACME,Seats,2026-02-30,,monthly,,,per_seat,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:5: start_date '2026-02-30' is not a date (expected YYYY-MM-DD)");
  CHECK(error_of("C-1,1,,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:3: customer is empty");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,,," + good_tail) ==
        "contracts.csv:2:14: quantity is empty: a per_seat line needs a seat count");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,later,,per_seat,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:8: timing 'later' is not advance or arrears");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,32,per_seat,,10.00,,5,," + good_tail) ==
        "contracts.csv:2:9: anchor_day '32' is not a day of the month (1-31) or a date");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,5,,,XYZ,,,") ==
        "contracts.csv:2:17: currency 'XYZ' is not a known ISO 4217 code");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,5,,,USD,8.87501,,") ==
        "contracts.csv:2:18: tax_rate '8.87501' is not a percentage from 0 to 100 with up to 4 decimals (8.875 means "
        "8.875%)");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,5,,,USD,,thirty,") ==
        "contracts.csv:2:19: net_days 'thirty' is not a number of days (30, Net 30, due on receipt)");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,5,abc,,USD,,,") ==
        "contracts.csv:2:15: discount 'abc' is not a percentage (15%) or an amount in USD");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,,5,,2026-05-01,USD,,,") ==
        "contracts.csv:2:16: discount_until is given but the line has no discount");
  CHECK(error_of("C-1,1,ACME,Seats,2026-01-01,,monthly,,,per_seat,,10.00,100:1;inf:0.5,5,," + good_tail) ==
        "contracts.csv:2:13: tiers: a per_seat line takes a unit price, not a tier table (only usage_graduated and "
        "usage_volume have tiers)");
  CHECK(error_of("C-1,1,ACME,API,2026-01-01,,monthly,,,usage_volume,,,,,," + good_tail) ==
        "contracts.csv:2:12: unit_price is empty: a usage_volume line needs a unit price or a tier table");
}

TEST_CASE("Contract rows: bad tier tables say which tier and why", "[billing][contract_row]") {
  auto tier_error = [](const std::string& tiers) {
    return error_of("U-1,1,ACME,API,2026-01-01,,monthly,,,usage_graduated,,," + tiers + ",,,,USD,,,");
  };
  CHECK(tier_error("100:1.00;50:0.80;inf:0.50") ==
        "contracts.csv:2:13: tiers: tier 2 '50:0.80': 50 is not above the previous bound 100");
  CHECK(tier_error("100:1.00;1000:0.80") ==
        "contracts.csv:2:13: tiers: the last tier must be 'inf:PRICE' so that every quantity has a price");
  CHECK(tier_error("100-1.00;inf:0.50") == "contracts.csv:2:13: tiers: tier 1 '100-1.00' is not UP_TO:UNIT_PRICE");
  CHECK(tier_error("100:abc;inf:0.50") ==
        "contracts.csv:2:13: tiers: tier 1 '100:abc': 'abc' is not a unit price (a decimal with up to 6 places)");
  CHECK(tier_error("inf:1.00;100:0.50") ==
        "contracts.csv:2:13: tiers: tier 2 '100:0.50' follows the unbounded 'inf' tier, which must be last");
  CHECK(tier_error("0:1.00;inf:0.50") ==
        "contracts.csv:2:13: tiers: tier 1 '0:1.00': 0 is not above the previous bound 0");
  CHECK(tier_error("100:1.00;;inf:0.50") == "contracts.csv:2:13: tiers: tier 2 is empty");
  // A trailing ';' is harmless.
  CHECK(tier_error("100:1.00;inf:0.50;") == "no error");
}

TEST_CASE("Contract rows: an amendment inherits blank fields and bills the difference", "[billing][contract_row]") {
  auto lines = parse_csv(kHeader +
                         "S-1,1,ACME,Seats,2026-06-01,,monthly,advance,1,per_seat,,25.00,,10,,,USD,,30,\n"
                         "S-1,1,,,,,,,,,,,,15,,,,,,2026-06-10\n");
  REQUIRE(lines.size() == 2);
  const ContractLine& a = lines[1];
  CHECK(a.effective == ymd(2026, 6, 10));
  CHECK(a.customer == "ACME");
  CHECK(a.unit_price_micros == 25'000'000);
  CHECK(a.quantity == 15 * kUnit);
  CHECK(a.source_line == 3);
  CHECK_FALSE(engine::check_amendment(lines[0], a));

  std::vector<engine::DraftLine> out;
  engine::bill_contract_line({lines, {}, {}}, ymd(2026, 6, 30), {}, out);
  REQUIRE(out.size() == 2);
  CHECK(out[1].money.amount == 8750);  // +5 x 25.00 x 21/30

  SECTION("an amendment without an effective date is refused at that column") {
    try {
      parse_csv(kHeader + "S-1,1,ACME,Seats,2026-06-01,,monthly,advance,1,per_seat,,25.00,,10,,,USD,,30,\n"
                          "S-1,1,,,,,,,,,,,,15,,,,,,\n");
      FAIL("expected an error");
    } catch (const otc::core::Error& e) {
      CHECK(otc::core::format_location(e.where()) == "contracts.csv:3:20");
      CHECK(std::string(e.what()) ==
            "effective_date is empty: an amendment of contract S-1 line 1 needs the date its terms take effect");
    }
  }
}
