#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/engine/reconcile_payout.hpp"
#include "otc/import/gateway.hpp"

using namespace otc;
using engine::BreakType;
using engine::GatewayKind;
using engine::GatewayTransaction;

namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

domain::BankTransaction deposit(const char* date, std::int64_t minor, std::string payer, std::string text,
                                const char* currency = "USD") {
  domain::BankTransaction t;
  t.booking_date = t.value_date = day(date);
  t.amount_minor = minor;
  t.currency = *core::find_currency(currency);
  t.payer_name = std::move(payer);
  t.remittance_text = std::move(text);
  return t;
}

GatewayTransaction row(GatewayKind kind, const char* date, std::int64_t gross, std::int64_t fee, std::string payout_id,
                       std::string id) {
  GatewayTransaction t;
  t.gateway = "stripe";
  t.id = std::move(id);
  t.kind = kind;
  t.created = t.available_on = day(date);
  t.currency = *core::find_currency("USD");
  t.gross_minor = gross;
  t.fee_minor = fee;
  t.net_minor = gross - fee;
  t.payout_id = std::move(payout_id);
  return t;
}

}  // namespace

TEST_CASE("Payouts: a payout with fees and a refund ties to one bank deposit", "[reconcile]") {
  auto file = import::read_gateway_file(std::string(OTC_SOURCE_DIR) + "/tests/fixtures/gateway/stripe_balance.csv");
  REQUIRE(file.issues.empty());
  std::vector<domain::BankTransaction> bank = {
      deposit("2026-03-06", 111115, "STRIPE", "STRIPE TRANSFER"),
      deposit("2026-03-09", 26120, "STRIPE", "STRIPE PAYOUT po_B"),
      deposit("2026-03-06", 500000, "ACME CORP", "INV-0999"),  // a customer's wire: not a gateway deposit
  };
  engine::PayoutOptions o;
  o.deposit_markers = {"stripe"};
  auto r = engine::tie_out_payouts(file.rows, bank, o);

  CHECK(r.breaks.empty());
  REQUIRE(r.payouts.size() == 2);
  const auto& a = r.payouts[0];
  CHECK(a.payout_id == "po_A");
  CHECK(a.date.iso() == "2026-03-06");
  CHECK(a.charges_minor == 125000);
  CHECK(a.refunds_minor == 10000);
  CHECK(a.fees_minor == 3885);  // 29.30 + 7.55 on the charges + 2.00 Radar fee row
  CHECK(a.disputes_minor == 0);
  CHECK(a.components_net_minor == 111115);
  CHECK(a.payout_minor == 111115);
  CHECK(a.rows == 4);
  CHECK(a.deposit == std::optional<std::size_t>(0));
  CHECK(a.rule == engine::PayoutMatchRule::kAmountDate);
  CHECK(a.invoices == std::vector<std::string>{"INV-1001", "INV-1002", "INV-1003"});
  CHECK(a.ties());

  const auto& b = r.payouts[1];
  CHECK(b.payout_id == "po_B");
  CHECK(b.charges_minor == 80000);
  CHECK(b.disputes_minor == 50000);
  CHECK(b.fees_minor == 3880);  // 14.80 + 15.00 dispute fee + 9.00
  CHECK(b.payout_minor == 26120);
  CHECK(b.deposit == std::optional<std::size_t>(1));
  CHECK(b.rule == engine::PayoutMatchRule::kReference);
  CHECK(b.invoices == std::vector<std::string>{"INV-1004", "INV-1005"});
  CHECK(b.ties());

  REQUIRE(r.fees.size() == 2);
  CHECK(r.fees[0].payout_id == "po_A");
  CHECK(r.fees[0].fee_minor == 3885);
  auto fee = engine::fee_break(r.fees[0]);
  CHECK(engine::break_type_name(fee.type) == "fee");
  CHECK_FALSE(engine::is_exception(fee.type));
  CHECK(fee.keys == "gateway=stripe|payout=po_A");
  CHECK(fee.difference == "38.85");

  REQUIRE(r.pending.size() == 1);  // ch_1C has no payout yet
  CHECK(r.pending[0].net_minor == 7738);
  CHECK(r.pending[0].rows == 1);
}

TEST_CASE("Payouts: components that do not sum, a payout with no deposit, a deposit with no payout", "[reconcile]") {
  std::vector<GatewayTransaction> rows = {
      row(GatewayKind::kCharge, "2026-04-01", 6000, 0, "po_C", "txn_1"),
      row(GatewayKind::kCharge, "2026-04-01", 3000, 0, "po_C", "txn_2"),
      row(GatewayKind::kPayout, "2026-04-03", -10000, 0, "po_C", "txn_3"),
  };
  std::vector<domain::BankTransaction> bank = {deposit("2026-04-02", 7700, "STRIPE", "")};
  auto r = engine::tie_out_payouts(rows, bank);
  REQUIRE(r.breaks.size() == 3);
  CHECK(r.breaks[0].type == BreakType::kDepositWithoutPayout);
  CHECK(r.breaks[0].keys == "date=2026-04-02|payer=STRIPE");
  CHECK(r.breaks[0].right == "77.00");
  CHECK(r.breaks[0].difference_minor == -7700);
  CHECK(r.breaks[1].type == BreakType::kPayoutWithoutDeposit);
  CHECK(r.breaks[1].keys == "gateway=stripe|payout=po_C");
  CHECK(r.breaks[1].left == "100.00");
  CHECK(r.breaks[2].type == BreakType::kPayoutMismatch);
  CHECK(r.breaks[2].left == "90.00");
  CHECK(r.breaks[2].right == "100.00");
  CHECK(r.breaks[2].difference == "-10.00");
  CHECK(r.breaks[2].difference_minor == -1000);
  CHECK(r.breaks[2].suggestion ==
        "charges 90.00 - refunds 0.00 - fees 0.00 - disputes 0.00 + adjustments 0.00 = 90.00 but the payout is 100.00; "
        "the export may miss rows of this payout (check its date range)");
}

TEST_CASE("Payouts: without payout ids, rows go to the next payout in time order", "[reconcile]") {
  std::vector<GatewayTransaction> rows = {
      row(GatewayKind::kCharge, "2026-05-04", 2000, 100, "", "late"),  // after the withdrawal: pending
      row(GatewayKind::kCharge, "2026-05-01", 10000, 320, "", "a"),
      row(GatewayKind::kRefund, "2026-05-02", -1000, 0, "", "b"),
      row(GatewayKind::kPayout, "2026-05-03", -8680, 0, "", "W1"),
  };
  for (auto& t : rows) t.gateway = "paypal";
  std::vector<domain::BankTransaction> bank = {deposit("2026-05-05", 8680, "PAYPAL", "")};
  auto r = engine::tie_out_payouts(rows, bank);
  CHECK(r.breaks.empty());
  REQUIRE(r.payouts.size() == 1);
  CHECK(r.payouts[0].payout_id == "W1");
  CHECK(r.payouts[0].rows == 2);
  CHECK(r.payouts[0].components_net_minor == 8680);
  CHECK(r.payouts[0].deposit == std::optional<std::size_t>(0));
  REQUIRE(r.pending.size() == 1);
  CHECK(r.pending[0].net_minor == 1900);
}

TEST_CASE("Payouts: a deposit outside the date window does not tie", "[reconcile]") {
  std::vector<GatewayTransaction> rows = {
      row(GatewayKind::kCharge, "2026-04-01", 5000, 0, "po_D", "txn_1"),
      row(GatewayKind::kPayout, "2026-04-03", -5000, 0, "po_D", "txn_2"),
  };
  std::vector<domain::BankTransaction> bank = {deposit("2026-04-07", 5000, "STRIPE", "")};
  engine::PayoutOptions o;
  o.date_window_days = 3;
  auto r = engine::tie_out_payouts(rows, bank, o);
  // The deposit is also outside the range the export covers (payout dates ± window), so it is
  // left to the bank-vs-ledger reconciliation rather than reported here.
  REQUIRE(r.breaks.size() == 1);
  CHECK(r.breaks[0].type == BreakType::kPayoutWithoutDeposit);
  o.to = day("2026-04-30");
  r = engine::tie_out_payouts(rows, bank, o);
  REQUIRE(r.breaks.size() == 2);
  CHECK(r.breaks[0].type == BreakType::kDepositWithoutPayout);
  o.to.reset();
  o.date_window_days = 4;
  CHECK(engine::tie_out_payouts(rows, bank, o).breaks.empty());
}

TEST_CASE("Payouts: Stripe's itemized payout report has no payout rows; its rows make the payout", "[reconcile]") {
  const std::string data =
      "balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,"
      "description,customer_email,invoice_id,automatic_payout_id,automatic_payout_effective_at_utc\n"
      "txn_1,2026-06-01 10:00:00,2026-06-03 00:00:00,eur,200.00,3.15,196.85,charge,ch_1,,a@example.com,F-2026-001,"
      "po_X,2026-06-04 00:00:00\n"
      "txn_2,2026-06-02 10:00:00,2026-06-02 10:00:00,eur,-50.00,0.00,-50.00,refund,re_1,,,,po_X,2026-06-04 00:00:00\n";
  auto file = import::read_gateway_data("payout_reconciliation.csv", data);
  REQUIRE(file.issues.empty());
  REQUIRE(file.rows.size() == 2);
  CHECK(file.rows[0].payout_date == day("2026-06-04"));
  std::vector<domain::BankTransaction> bank = {deposit("2026-06-04", 14685, "STRIPE PAYMENTS", "", "EUR")};
  auto r = engine::tie_out_payouts(file.rows, bank);
  CHECK(r.breaks.empty());
  REQUIRE(r.payouts.size() == 1);
  const auto& p = r.payouts[0];
  CHECK(p.payout_id == "po_X");
  CHECK(p.amount_from_components);
  CHECK(p.date.iso() == "2026-06-04");
  CHECK(p.payout_minor == 14685);
  CHECK(p.fees_minor == 315);
  CHECK(p.invoices == std::vector<std::string>{"F-2026-001"});
  CHECK(p.ties());
}
