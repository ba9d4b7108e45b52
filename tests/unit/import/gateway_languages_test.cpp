// PayPal activity exports in German, French, Spanish and Italian (gateway.cpp): headers by name in
// each language, decimal comma, day-first dates; types classified in each language.
#include <catch2/catch.hpp>

#include <string>

#include "otc/import/gateway.hpp"

using namespace otc;
using engine::GatewayKind;
using import::GatewayFormat;

namespace {
void check_sale_and_fee(const import::GatewayReadResult& r) {
  CHECK(r.format == GatewayFormat::kPayPal);
  CHECK(r.issues.empty());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].kind == GatewayKind::kCharge);
  CHECK(r.rows[0].created.iso() == "2026-11-02");
  CHECK(r.rows[0].gross_minor == 123456);
  CHECK(r.rows[0].fee_minor == 3580);
  CHECK(r.rows[0].net_minor == 119876);
  CHECK(r.rows[0].time_of_day == 10 * 3600 + 15 * 60);
  CHECK(r.rows[1].kind == GatewayKind::kPayout);
  CHECK(r.rows[1].gross_minor == -100000);
  CHECK(r.rows[1].created.iso() == "2026-11-13");
}
}  // namespace

TEST_CASE("Gateway: PayPal in German", "[reconcile][gateway]") {
  check_sale_and_fee(import::read_gateway_data(
      "de.csv",
      "\"Datum\",\"Uhrzeit\",\"Zeitzone\",\"Name\",\"Typ\",\"Status\",\"W\xC3\xA4hrung\",\"Brutto\",\"Geb\xC3\xBChr\",\"Netto\","
      "\"Transaktionscode\"\n"
      "\"02.11.2026\",\"10:15:00\",\"MEZ\",\"Acme GmbH\",\"Zahlung erhalten\",\"Abgeschlossen\",\"EUR\",\"1.234,56\",\"-35,80\","
      "\"1.198,76\",\"1A\"\n"
      "\"13.11.2026\",\"08:00:00\",\"MEZ\",\"\",\"Abbuchung auf Bankkonto\",\"Abgeschlossen\",\"EUR\",\"-1.000,00\",\"0,00\","
      "\"-1.000,00\",\"1B\"\n"));
}

TEST_CASE("Gateway: PayPal in French", "[reconcile][gateway]") {
  check_sale_and_fee(import::read_gateway_data(
      "fr.csv",
      "\"Date\",\"Heure\",\"Fuseau horaire\",\"Nom\",\"Type\",\"\xC3\x89tat\",\"Devise\",\"Brut\",\"Frais\",\"Net\","
      "\"Num\xC3\xA9ro de transaction\"\n"
      "\"02/11/2026\",\"10:15:00\",\"CET\",\"Acme SARL\",\"Paiement express\",\"Termin\xC3\xA9\",\"EUR\",\"1234,56\",\"-35,80\","
      "\"1198,76\",\"2A\"\n"
      "\"13/11/2026\",\"08:00:00\",\"CET\",\"\",\"Virement vers compte bancaire\",\"Termin\xC3\xA9\",\"EUR\",\"-1000,00\",\"0,00\","
      "\"-1000,00\",\"2B\"\n"));
}

TEST_CASE("Gateway: PayPal in Spanish", "[reconcile][gateway]") {
  check_sale_and_fee(import::read_gateway_data(
      "es.csv",
      "\"Fecha\",\"Hora\",\"Zona horaria\",\"Nombre\",\"Tipo\",\"Estado\",\"Divisa\",\"Bruto\",\"Tarifa\",\"Neto\","
      "\"Id. de transacci\xC3\xB3n\"\n"
      "\"02/11/2026\",\"10:15:00\",\"CET\",\"Acme SL\",\"Pago recibido\",\"Completado\",\"EUR\",\"1.234,56\",\"-35,80\","
      "\"1.198,76\",\"3A\"\n"
      "\"13/11/2026\",\"08:00:00\",\"CET\",\"\",\"Retiro a cuenta bancaria\",\"Completado\",\"EUR\",\"-1.000,00\",\"0,00\","
      "\"-1.000,00\",\"3B\"\n"));
}

TEST_CASE("Gateway: PayPal in Italian", "[reconcile][gateway]") {
  check_sale_and_fee(import::read_gateway_data(
      "it.csv",
      "\"Data\",\"Ora\",\"Fuso orario\",\"Nome\",\"Tipo\",\"Stato\",\"Valuta\",\"Lordo\",\"Tariffa\",\"Netto\","
      "\"Codice transazione\"\n"
      "\"02/11/2026\",\"10:15:00\",\"CET\",\"Acme Srl\",\"Pagamento ricevuto\",\"Completata\",\"EUR\",\"1.234,56\",\"-35,80\","
      "\"1.198,76\",\"4A\"\n"
      "\"13/11/2026\",\"08:00:00\",\"CET\",\"\",\"Prelievo sul conto bancario\",\"Completata\",\"EUR\",\"-1.000,00\",\"0,00\","
      "\"-1.000,00\",\"4B\"\n"));
}

TEST_CASE("Gateway: Stripe reports state dates in the account's time zone next to UTC; the local one is used", "[reconcile][gateway]") {
  // 2026-11-03 02:30 UTC is still 2026-11-02 in New York: the report's local column says so.
  auto r = import::read_gateway_data(
      "stripe.csv",
      "balance_transaction_id,created_utc,created,available_on_utc,available_on,currency,gross,fee,net,reporting_category,"
      "automatic_payout_id,automatic_payout_effective_at_utc,automatic_payout_effective_at\n"
      "txn_1,2026-11-03 02:30:00,2026-11-02 21:30:00,2026-11-05 00:00:00,2026-11-04 19:00:00,usd,100.00,3.20,96.80,charge,"
      "po_1,2026-11-06 00:00:00,2026-11-05 19:00:00\n");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.issues.empty());
  CHECK(r.rows[0].created.iso() == "2026-11-02");
  CHECK(r.rows[0].available_on.iso() == "2026-11-04");
  CHECK(r.rows[0].time_of_day == 21 * 3600 + 30 * 60);
  REQUIRE(r.rows[0].payout_date);
  CHECK(r.rows[0].payout_date->iso() == "2026-11-05");
  CHECK(r.rows[0].kind == GatewayKind::kCharge);
}

TEST_CASE("Gateway: the Stripe payouts export has no type column: every row is a payout", "[reconcile][gateway]") {
  auto r = import::read_gateway_data("payouts.csv",
                                     "id,Amount,Currency,Arrival Date (UTC),Status,Created (UTC)\n"
                                     "po_1,96.80,usd,2026-11-06 00:00:00,paid,2026-11-04 10:00:00\n");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.issues.empty());
  CHECK(r.rows[0].kind == GatewayKind::kPayout);
  CHECK(r.rows[0].gross_minor == -9680);
  CHECK(r.rows[0].payout_id == "po_1");
}

TEST_CASE("Gateway: PayPal in French with dotted dates", "[reconcile][gateway]") {
  auto r = import::read_gateway_data(
      "fr.csv",
      "\"Date\",\"Heure\",\"Nom\",\"Type\",\"Devise\",\"Brut\",\"Frais\",\"Net\",\"Num\xC3\xA9ro de transaction\"\n"
      "\"02.11.2026\",\"10:15:00\",\"Acme SARL\",\"Paiement\",\"EUR\",\"1 010,00\",\"-0,50\",\"1 009,50\",\"5A\"\n");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.issues.empty());
  CHECK(r.rows[0].created.iso() == "2026-11-02");
  CHECK(r.rows[0].net_minor == 100950);  // thousands grouped with a space and a non-breaking space
}
