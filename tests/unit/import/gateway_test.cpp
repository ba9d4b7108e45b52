#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "otc/core/error.hpp"
#include "otc/import/gateway.hpp"

using namespace otc;
using engine::GatewayKind;
using import::GatewayFormat;

namespace {
std::string source(const std::string& rel) { return std::string(OTC_SOURCE_DIR) + "/" + rel; }
}  // namespace

TEST_CASE("Gateway: the PayPal activity download from the corpus is read by header name", "[reconcile]") {
  auto r = import::read_gateway_file(source("tests/fixtures/corpus/gateway/paypal_activity_en_US.csv"));
  CHECK(r.format == GatewayFormat::kPayPal);
  CHECK(r.issues.empty());
  CHECK(r.skipped == 0);
  REQUIRE(r.rows.size() == 5);

  const auto& first = r.rows[0];
  CHECK(first.gateway == "paypal");
  CHECK(first.id == "3C456789DE012345F");
  CHECK(first.type == "Mobile Payment");
  CHECK(first.kind == GatewayKind::kCharge);
  CHECK(first.created.iso() == "2025-09-15");
  CHECK(first.time_of_day == 2 * 3600 + 32 * 60 + 15);
  CHECK(first.currency.view() == "USD");
  CHECK(first.gross_minor == 10000);
  CHECK(first.fee_minor == 290);  // written positive, net = gross - fee
  CHECK(first.net_minor == 9710);
  CHECK(first.customer_email == "farha@example.com");
  CHECK(first.source_line == 2);

  CHECK(r.rows[1].kind == GatewayKind::kAdjustment);  // a payment sent (negative gross) is not a charge
  CHECK(r.rows[1].gross_minor == -7500);
  CHECK(r.rows[2].type == "Bank Deposit to PP Account");  // trailing blank of the export trimmed
  CHECK(r.rows[2].kind == GatewayKind::kAdjustment);
  CHECK(r.rows[3].kind == GatewayKind::kCharge);
  CHECK(r.rows[3].net_minor == 2425);
  CHECK(r.rows[4].fee_minor == 250);
  CHECK(r.rows[4].net_minor == -5250);
}

TEST_CASE("Gateway: a German PayPal export with negative fees, decimal commas and a pending row", "[reconcile]") {
  const std::string data =
      "\xEF\xBB\xBF\"Datum\",\"Uhrzeit\",\"Zeitzone\",\"Name\",\"Typ\",\"Status\",\"W\xC3\xA4hrung\",\"Brutto\","
      "\"Geb\xC3\xBChr\",\"Netto\",\"Absender E-Mail-Adresse\",\"Transaktionscode\",\"Rechnungsnummer\"\n"
      "\"07.09.2026\",\"10:12:00\",\"Europe/Berlin\",\"Kunde A\",\"Express-Checkout-Zahlung\",\"Abgeschlossen\",\"EUR\","
      "\"1.234,56\",\"-35,10\",\"1.199,46\",\"a@example.com\",\"1AB\",\"RE-2026-17\"\n"
      "\"08.09.2026\",\"09:00:00\",\"Europe/Berlin\",\"Kunde B\",\"Express-Checkout-Zahlung\",\"Ausstehend\",\"EUR\","
      "\"50,00\",\"-1,80\",\"48,20\",\"b@example.com\",\"2AB\",\"\"\n"
      "\"21.09.2026\",\"19:00:00\",\"Europe/Berlin\",\"\",\"Allgemeine Abbuchung auf Bankkonto\",\"Abgeschlossen\",\"EUR\","
      "\"-1.199,46\",\"0,00\",\"-1.199,46\",\"\",\"3AB\",\"\"\n";
  auto r = import::read_gateway_data("paypal_de.csv", data);
  CHECK(r.format == GatewayFormat::kPayPal);
  CHECK(r.issues.empty());
  CHECK(r.skipped == 1);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].kind == GatewayKind::kCharge);
  CHECK(r.rows[0].created.iso() == "2026-09-07");
  CHECK(r.rows[0].gross_minor == 123456);
  CHECK(r.rows[0].fee_minor == 3510);  // written negative, net = gross + fee
  CHECK(r.rows[0].net_minor == 119946);
  CHECK(r.rows[0].invoices == std::vector<std::string>{"RE-2026-17"});
  CHECK(r.rows[1].kind == GatewayKind::kPayout);
  CHECK(r.rows[1].payout_id == "3AB");
  CHECK(r.rows[1].gross_minor == -119946);
}

TEST_CASE("Gateway: the Stripe balance export, with invoice metadata and a dispute adjustment", "[reconcile]") {
  auto r = import::read_gateway_file(source("tests/fixtures/gateway/stripe_balance.csv"));
  CHECK(r.format == GatewayFormat::kStripe);
  CHECK(r.issues.empty());
  REQUIRE(r.rows.size() == 10);
  const auto& c = r.rows[0];
  CHECK(c.kind == GatewayKind::kCharge);
  CHECK(c.id == "txn_1A");
  CHECK(c.source_id == "ch_1A");
  CHECK(c.payout_id == "po_A");
  CHECK(c.currency.view() == "USD");
  CHECK(c.created.iso() == "2026-03-02");
  CHECK(c.available_on.iso() == "2026-03-04");
  CHECK(c.time_of_day == 10 * 3600 + 15 * 60);
  CHECK(c.fee_minor == 2930);
  CHECK(c.invoices == std::vector<std::string>{"INV-1001"});
  CHECK(r.rows[1].invoices == std::vector<std::string>{"INV-1002", "INV-1003"});
  CHECK(r.rows[2].kind == GatewayKind::kRefund);
  CHECK(r.rows[3].kind == GatewayKind::kFee);
  CHECK(r.rows[4].kind == GatewayKind::kPayout);
  CHECK(r.rows[4].payout_id == "po_A");
  CHECK(r.rows[6].kind == GatewayKind::kDispute);
  CHECK(r.rows[6].fee_minor == 1500);
  CHECK(r.rows[9].payout_id.empty());
}

TEST_CASE("Gateway: bad rows are all listed with their line and column, good rows kept", "[reconcile]") {
  const std::string data =
      "id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description\n"
      "txn_1,charge,ch_1,10.00,0.59,9.41,usd,2026-03-02 10:00,2026-03-04 00:00,ok\n"
      "txn_2,charge,ch_2,10.00,0.59,9.00,usd,2026-03-02 10:00,2026-03-04 00:00,does not add up\n"
      "txn_3,charge,ch_3,ten,0.59,9.41,usd,2026-03-02 10:00,2026-03-04 00:00,bad amount\n"
      "txn_4,charge,ch_4,10.00,0.59,9.41,usd,03/02/2026,2026-03-04 00:00,bad date\n";
  auto r = import::read_gateway_data("stripe.csv", data);
  REQUIRE(r.rows.size() == 1);
  REQUIRE(r.issues.size() == 3);
  CHECK(core::format_location(r.issues[0].where) == "stripe.csv:3:5");
  CHECK(r.issues[0].message == "gross 10.00, fee 0.59 and net 9.00 do not add up");
  CHECK(core::format_location(r.issues[1].where) == "stripe.csv:4:4");
  CHECK(r.issues[1].message == "amount 'ten': not an amount");
  CHECK(core::format_location(r.issues[2].where) == "stripe.csv:5:8");
  CHECK(r.issues[2].message == "created date '03/02/2026' is not a date (YYYY-MM-DD)");
}

TEST_CASE("Gateway: format detection and unknown files", "[reconcile]") {
  CHECK(import::detect_gateway_format({"balance_transaction_id", "created_utc", "gross", "fee", "net",
                                       "reporting_category", "automatic_payout_id"}) == GatewayFormat::kStripe);
  CHECK(import::detect_gateway_format({"Date", "Name", "Gross", "Transaction ID"}) == GatewayFormat::kPayPal);
  CHECK(import::detect_gateway_format({"date", "amount", "reference"}) == GatewayFormat::kAuto);
  CHECK_THROWS_WITH(import::read_gateway_data("x.csv", "date,amount\n2026-01-01,1.00\n"),
                    "not a Stripe balance export or a PayPal activity export");
  CHECK(import::classify_stripe_type("payout_failure") == GatewayKind::kAdjustment);
  CHECK(import::classify_paypal_type("Chargeback Fee", -2000) == GatewayKind::kFee);
  CHECK(import::classify_paypal_type("Payment Reversal", -5000) == GatewayKind::kDispute);
  CHECK(import::classify_paypal_type("Reversal of General Account Hold", 5000) == GatewayKind::kAdjustment);
  CHECK(import::classify_paypal_type("General Withdrawal - Bank Account", -5000) == GatewayKind::kPayout);
  CHECK(import::classify_paypal_type("Payment Refund", -5000) == GatewayKind::kRefund);
}

// Regression (found by fuzz_gateway under UBSan): a long digit run in the time of day of a Stripe
// "Created" cell multiplied past the int range. A time part of more than two digits is no time:
// the row is read with its date and no time of day. Under the sanitizer build (CI) the old code
// aborts here.
TEST_CASE("Gateway: a Stripe created time with a 20-digit hour is no time of day, not an overflow", "[reconcile][regress]") {
  auto dir = std::filesystem::temp_directory_path() / ("otc-gateway-test-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  auto file = dir / "stripe_long_time.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description\n"
           "txn_1,charge,ch_1,10.00,0.59,9.41,usd,2026-03-02 99999999999999999999:15,2026-03-04 00:00,Invoice INV-1\n"
           "txn_2,charge,ch_2,20.00,0.88,19.12,usd,2026-03-02 10:15,2026-03-04 00:00,Invoice INV-2\n";
  }
  auto r = import::read_gateway_file(file.string());
  std::filesystem::remove_all(dir);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].created.iso() == "2026-03-02");
  CHECK(r.rows[0].time_of_day == -1);
  CHECK(r.rows[1].time_of_day == 10 * 3600 + 15 * 60);
}
