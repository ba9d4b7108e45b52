// The hand-worked examples of docs/billing.md, to the cent.
#include "otc/engine/billing.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "otc/core/error.hpp"

using otc::core::Date;
using otc::core::Rounding;
using otc::domain::BillingFrequency;
using otc::domain::BillingTiming;
using otc::domain::ContractLine;
using otc::domain::PriceModel;
using otc::domain::UsageRecord;
namespace engine = otc::engine;
using engine::ChargeKind;

namespace {

constexpr std::int64_t kUnit = otc::domain::kDecimalScale;

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

/// A monthly, in-advance USD line starting on `start` with anchor day 1.
ContractLine line(const char* contract, PriceModel model, std::int64_t unit_price_cents, Date start) {
  ContractLine c;
  c.contract_id = contract;
  c.line_id = "1";
  c.customer = "CUST-1";
  c.product = "Product";
  c.metric = "Product";
  c.start = start;
  c.frequency = BillingFrequency::kMonthly;
  c.price_per = BillingFrequency::kMonthly;
  c.timing = BillingTiming::kAdvance;
  c.anchor_day = 1;
  c.model = model;
  c.unit_price_micros = unit_price_cents * 10'000;
  c.quantity = kUnit;
  c.currency = *otc::core::find_currency("USD");
  c.net_days = 30;
  return c;
}

ContractLine amend(const ContractLine& base, Date effective) {
  ContractLine a = base;
  a.effective = effective;
  return a;
}

UsageRecord usage(const char* event, const char* contract, Date date, std::int64_t units) {
  UsageRecord r;
  r.event_id = event;
  r.contract_id = contract;
  r.customer = "CUST-1";
  r.metric = "Product";
  r.date = date;
  r.quantity = units * kUnit;
  return r;
}

std::vector<engine::DraftLine> bill(const std::vector<ContractLine>& versions, Date through,
                                    const std::vector<UsageRecord>& records = {},
                                    const std::vector<engine::ChargeKey>& billed = {},
                                    engine::BillingOptions options = {}) {
  std::vector<engine::DraftLine> out;
  engine::bill_contract_line({versions, records, billed}, through, options, out);
  return out;
}

std::vector<engine::BilledCharge> billed_from(const engine::BillingPlan& plan) {
  std::vector<engine::BilledCharge> billed;
  for (const auto& inv : plan.invoices)
    for (const auto& l : inv.lines) billed.push_back({l.contract_id, l.line_id, l.key});
  return billed;
}

}  // namespace

TEST_CASE("Billing: an annual price billed monthly in advance from the 15th of a 31-day month", "[billing]") {
  ContractLine c = line("A-1", PriceModel::kFlat, 1'000'000, ymd(2026, 1, 15));  // 10,000.00 a year
  c.price_per = BillingFrequency::kAnnual;
  auto lines = bill({c}, ymd(2026, 3, 1));
  REQUIRE(lines.size() == 3);
  // 10,000.00 / 12 x 17/31 = 456.989.. -> 456.99 for 15..31 January, on 15 January.
  CHECK(lines[0].period_start == ymd(2026, 1, 15));
  CHECK(lines[0].period_end == ymd(2026, 1, 31));
  CHECK(lines[0].days == 17);
  CHECK(lines[0].full_days == 31);
  CHECK(lines[0].money.amount == 45699);
  CHECK(lines[0].invoice_date == ymd(2026, 1, 15));
  CHECK(lines[0].due_date == ymd(2026, 2, 14));
  CHECK(lines[0].key == engine::ChargeKey{ymd(2026, 1, 15), ChargeKind::kRecurring});
  CHECK(lines[0].description == "Product (17/31 days)");
  // Then 833.33 each full month, on its first day.
  CHECK(lines[1].period_start == ymd(2026, 2, 1));
  CHECK(lines[1].period_end == ymd(2026, 2, 28));
  CHECK(lines[1].money.amount == 83333);
  CHECK(lines[1].due_date == ymd(2026, 3, 3));
  CHECK(lines[2].period_start == ymd(2026, 3, 1));
  CHECK(lines[2].money.total == 83333);

  SECTION("with the anchor on the start day there is no partial period") {
    c.anchor_day = 15;
    auto l2 = bill({c}, ymd(2026, 3, 1));
    REQUIRE(l2.size() == 2);
    CHECK(l2[0].period_end == ymd(2026, 2, 14));
    CHECK(l2[0].money.amount == 83333);
    CHECK(l2[1].period_start == ymd(2026, 2, 15));
  }
}

TEST_CASE("Billing: a seat upgrade 10 -> 15 on day 10 of June and a downgrade to 12 on day 20", "[billing]") {
  ContractLine base = line("S-1", PriceModel::kPerSeat, 2500, ymd(2026, 6, 1));  // 25.00 a seat a month
  base.quantity = 10 * kUnit;
  ContractLine up = amend(base, ymd(2026, 6, 10));
  up.quantity = 15 * kUnit;
  ContractLine down = amend(base, ymd(2026, 6, 20));
  down.quantity = 12 * kUnit;

  SECTION("in advance: the period's charge, then the difference for the rest of the month") {
    auto lines = bill({base, up, down}, ymd(2026, 7, 1));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].money.amount == 25000);  // 10 x 25.00, 1 June
    CHECK(lines[0].invoice_date == ymd(2026, 6, 1));
    // +5 seats x 25.00 x 21/30 (10..30 June) = 87.50, billed 10 June.
    CHECK(lines[1].key == engine::ChargeKey{ymd(2026, 6, 10), ChargeKind::kAdjustment});
    CHECK(lines[1].quantity == 5 * kUnit);
    CHECK(lines[1].days == 21);
    CHECK(lines[1].full_days == 30);
    CHECK(lines[1].money.amount == 8750);
    CHECK(lines[1].invoice_date == ymd(2026, 6, 10));
    CHECK(lines[1].description == "Product: upgrade 10 -> 15 from 2026-06-10 (21/30 days)");
    // -3 seats x 25.00 x 11/30 (20..30 June) = -27.50, a credit billed 20 June.
    CHECK(lines[2].quantity == -3 * kUnit);
    CHECK(lines[2].money.amount == -2750);
    CHECK(lines[2].money.total == -2750);
    CHECK(lines[2].invoice_date == ymd(2026, 6, 20));
    // July at 12 seats.
    CHECK(lines[3].money.amount == 30000);
    CHECK(lines[0].money.amount + lines[1].money.amount + lines[2].money.amount == 31000);
  }
  SECTION("in arrears: one line per segment, the same 310.00 for June") {
    for (auto* v : {&base, &up, &down}) v->timing = BillingTiming::kArrears;
    auto lines = bill({base, up, down}, ymd(2026, 7, 1));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].money.amount == 7500);   // 10 x 25.00 x 9/30
    CHECK(lines[1].money.amount == 12500);  // 15 x 25.00 x 10/30
    CHECK(lines[2].money.amount == 11000);  // 12 x 25.00 x 11/30
    for (const auto& l : lines) {
      CHECK(l.invoice_date == ymd(2026, 7, 1));
      CHECK(l.key == engine::ChargeKey{ymd(2026, 6, 1), ChargeKind::kRecurring});
    }
    // The day before, June has not ended: nothing is due.
    CHECK(bill({base, up, down}, ymd(2026, 6, 30)).empty());
  }
  SECTION("a cancellation credits the unused part of a billed period") {
    ContractLine cancel = amend(down, ymd(2026, 7, 16));
    cancel.end = ymd(2026, 7, 15);
    auto lines = bill({base, up, down, cancel}, ymd(2026, 12, 31));
    REQUIRE(lines.size() == 5);
    // -12 x 25.00 x 16/31 (16..31 July) = -154.838.. -> -154.84.
    CHECK(lines[4].key == engine::ChargeKey{ymd(2026, 7, 16), ChargeKind::kAdjustment});
    CHECK(lines[4].period_start == ymd(2026, 7, 16));
    CHECK(lines[4].period_end == ymd(2026, 7, 31));
    CHECK(lines[4].money.amount == -15484);
    CHECK(lines[4].description == "Product: credit for unused service from 2026-07-16 (16/31 days)");
    // Nothing after July.
    CHECK(lines[3].period_start == ymd(2026, 7, 1));
  }
  SECTION("a price change mid-period credits the old terms and charges the new") {
    ContractLine renew = amend(base, ymd(2026, 6, 16));
    renew.unit_price_micros = 30'000'000;  // 30.00
    auto lines = bill({base, renew}, ymd(2026, 6, 30));
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].money.amount == -12500);  // -10 x 25.00 x 15/30
    CHECK(lines[2].money.amount == 15000);   // 10 x 30.00 x 15/30
  }
}

TEST_CASE("Billing: graduated versus volume tiers for the same usage, in arrears", "[billing]") {
  std::vector<otc::domain::PriceTier> tiers = {
      {100 * kUnit, 1'000'000}, {1000 * kUnit, 800'000}, {std::nullopt, 500'000}};
  ContractLine grad = line("U-1", PriceModel::kUsageGraduated, 0, ymd(2026, 6, 1));
  grad.tiers = tiers;
  ContractLine vol = grad;
  vol.contract_id = "U-2";
  vol.model = PriceModel::kUsageVolume;
  std::vector<UsageRecord> recs = {usage("e1", "U-1", ymd(2026, 6, 3), 600), usage("e2", "U-1", ymd(2026, 6, 28), 900),
                                   usage("e2", "U-1", ymd(2026, 6, 28), 900),  // the same event again
                                   usage("e3", "U-1", ymd(2026, 7, 2), 50)};
  std::vector<engine::DraftLine> out;
  auto stats = engine::bill_contract_line({std::span(&grad, 1), recs, {}}, ymd(2026, 7, 1), {}, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].quantity == 1500 * kUnit);
  CHECK(out[0].money.amount == 107000);  // 100 x 1.00 + 900 x 0.80 + 500 x 0.50
  CHECK(!out[0].unit_price_micros);
  CHECK(out[0].invoice_date == ymd(2026, 7, 1));
  CHECK(out[0].key == engine::ChargeKey{ymd(2026, 6, 1), ChargeKind::kUsage});
  CHECK(stats.usage_duplicates == 1);
  CHECK(stats.usage_used == 3);

  for (auto& r : recs) r.contract_id = "U-2";
  out.clear();
  engine::bill_contract_line({std::span(&vol, 1), recs, {}}, ymd(2026, 7, 1), {}, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].money.amount == 75000);  // 1,500 x 0.50
  CHECK(out[0].unit_price_micros == 500'000);
}

TEST_CASE("Billing: percent discount then tax, rounded per line, half-up versus half-even", "[billing]") {
  ContractLine c = line("D-1", PriceModel::kFlat, 1005, ymd(2026, 6, 1));  // 10.05 a month
  c.discount = {otc::domain::DiscountKind::kPercent, 100'000, std::nullopt};  // 10%
  c.tax_rate_ppm = 100'000;                                                    // 10%
  engine::BillingOptions half_up{Rounding::kHalfUp, engine::ArrearsInvoiceDate::kDayAfterPeriod};
  engine::BillingOptions half_even{Rounding::kHalfEven, engine::ArrearsInvoiceDate::kDayAfterPeriod};
  auto up = bill({c}, ymd(2026, 6, 1), {}, {}, half_up);
  auto even = bill({c}, ymd(2026, 6, 1), {}, {}, half_even);
  REQUIRE(up.size() == 1);
  REQUIRE(even.size() == 1);
  // Half-up: discount 1.005 -> 1.01, net 9.04, tax 0.904 -> 0.90, total 9.94.
  CHECK(up[0].money.discount == 101);
  CHECK(up[0].money.net == 904);
  CHECK(up[0].money.tax == 90);
  CHECK(up[0].money.total == 994);
  // Half-even: discount 1.005 -> 1.00, net 9.05, tax 0.905 -> 0.90, total 9.95.
  CHECK(even[0].money.discount == 100);
  CHECK(even[0].money.net == 905);
  CHECK(even[0].money.tax == 90);
  CHECK(even[0].money.total == 995);
}

TEST_CASE("Billing: a discount that ends mid-period splits the line", "[billing]") {
  ContractLine c = line("D-2", PriceModel::kFlat, 10000, ymd(2026, 6, 1));  // 100.00 a month
  c.discount = {otc::domain::DiscountKind::kAmount, 2500, ymd(2026, 6, 15)};  // 25.00 a month off, to 15 June
  auto lines = bill({c}, ymd(2026, 7, 1));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].money.amount == 5000);  // 1..15 June: 100.00 x 15/30
  CHECK(lines[0].money.discount == 1250);  // 25.00 x 15/30
  CHECK(lines[1].money.amount == 5000);  // 16..30 June
  CHECK(lines[1].money.discount == 0);
  CHECK(lines[2].money.discount == 0);
  CHECK(lines[0].key == lines[1].key);
}

TEST_CASE("Billing: quarterly in arrears across the 2028 leap day", "[billing]") {
  ContractLine c = line("Q-1", PriceModel::kFlat, 300000, ymd(2027, 12, 1));  // 3,000.00 a quarter
  c.frequency = c.price_per = BillingFrequency::kQuarterly;
  c.timing = BillingTiming::kArrears;
  SECTION("a full quarter Dec-Feb is 91 days and bills on 1 March") {
    CHECK(bill({c}, ymd(2028, 2, 29)).empty());
    auto lines = bill({c}, ymd(2028, 3, 1));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].period_end == ymd(2028, 2, 29));
    CHECK(lines[0].days == 91);
    CHECK(lines[0].money.amount == 300000);
    CHECK(lines[0].invoice_date == ymd(2028, 3, 1));
  }
  SECTION("ending on 15 February: 77 of 91 days") {
    c.end = ymd(2028, 2, 15);
    auto lines = bill({c}, ymd(2028, 6, 30));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].days == 77);
    CHECK(lines[0].full_days == 91);
    CHECK(lines[0].money.amount == 253846);  // 3000 x 77/91 = 2538.4615..
    CHECK(lines[0].invoice_date == ymd(2028, 2, 16));
  }
  SECTION("the last-day convention invoices on the period's last day") {
    engine::BillingOptions o;
    o.arrears_invoice_date = engine::ArrearsInvoiceDate::kLastDayOfPeriod;
    auto lines = bill({c}, ymd(2028, 2, 29), {}, {}, o);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].invoice_date == ymd(2028, 2, 29));
  }
}

TEST_CASE("Billing: minimum commitment bills the shortfall or the overage", "[billing]") {
  // 1,000 units a month committed at 0.10: a 100.00 minimum.
  ContractLine c = line("M-1", PriceModel::kMinimumCommitment, 10, ymd(2026, 6, 1));
  c.quantity = 1000 * kUnit;
  c.timing = BillingTiming::kArrears;
  SECTION("in arrears, 800 units: usage 80.00 and a 20.00 shortfall") {
    auto lines = bill({c}, ymd(2026, 7, 1), {usage("m1", "M-1", ymd(2026, 6, 9), 800)});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].money.amount == 8000);
    CHECK(lines[1].money.amount == 2000);
    CHECK(lines[1].description == "Product: minimum commitment shortfall");
  }
  SECTION("in arrears, 1,200 units: usage 120.00 only") {
    auto lines = bill({c}, ymd(2026, 7, 1), {usage("m1", "M-1", ymd(2026, 6, 9), 1200)});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].money.amount == 12000);
  }
  SECTION("in advance: the 100.00 commitment on 1 June, 20.00 overage on 1 July") {
    c.timing = BillingTiming::kAdvance;
    auto lines = bill({c}, ymd(2026, 7, 1), {usage("m1", "M-1", ymd(2026, 6, 9), 1200)});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].money.amount == 10000);
    CHECK(lines[0].invoice_date == ymd(2026, 6, 1));
    CHECK(lines[1].key.kind == ChargeKind::kUsage);
    CHECK(lines[1].money.amount == 2000);
    CHECK(lines[1].invoice_date == ymd(2026, 7, 1));
    CHECK(lines[2].period_start == ymd(2026, 7, 1));  // July's commitment
  }
}

TEST_CASE("Billing: a second run bills nothing, a partly billed line bills the rest", "[billing]") {
  ContractLine a = line("A-1", PriceModel::kFlat, 1'000'000, ymd(2026, 1, 15));
  a.price_per = BillingFrequency::kAnnual;
  ContractLine s = line("S-1", PriceModel::kPerSeat, 2500, ymd(2026, 1, 1));
  s.quantity = 10 * kUnit;
  ContractLine s_up = amend(s, ymd(2026, 2, 10));
  s_up.quantity = 15 * kUnit;
  ContractLine u = line("U-1", PriceModel::kUsageGraduated, 100, ymd(2026, 1, 1));
  std::vector<ContractLine> rows = {a, s, s_up, u};
  std::vector<UsageRecord> recs = {usage("e1", "U-1", ymd(2026, 1, 20), 30), usage("e2", "U-1", ymd(2026, 2, 2), 5)};

  auto first = engine::plan_billing(rows, recs, {}, ymd(2026, 3, 1));
  // CUST-1 on 1 Jan (S-1), 15 Jan, 1 Feb (A-1, S-1, U-1 January usage), 10 Feb (upgrade),
  // 1 Mar (A-1, S-1, U-1 February usage).
  REQUIRE(first.invoices.size() == 5);
  CHECK(first.invoices[2].invoice_date == ymd(2026, 2, 1));
  REQUIRE(first.invoices[2].lines.size() == 3);
  // 833.33 + 250.00 + 30 x 1.00 = 1113.33, exactly the sum of the lines.
  CHECK(first.invoices[2].total == 111333);
  CHECK(first.invoices[2].due_date == ymd(2026, 3, 3));
  // The upgrade: +5 x 25.00 x 19/28 (10..28 February) = 84.821.. -> 84.82.
  CHECK(first.invoices[3].total == 8482);

  auto billed = billed_from(first);
  auto second = engine::plan_billing(rows, recs, billed, ymd(2026, 3, 1));
  CHECK(second.invoices.empty());

  // Forget the 1 March invoice: only it is billed again.
  std::vector<engine::BilledCharge> partial;
  for (std::size_t i = 0; i + 1 < first.invoices.size(); ++i)
    for (const auto& l : first.invoices[i].lines) partial.push_back({l.contract_id, l.line_id, l.key});
  auto third = engine::plan_billing(rows, recs, partial, ymd(2026, 3, 1));
  REQUIRE(third.invoices.size() == 1);
  CHECK(third.invoices[0].invoice_date == ymd(2026, 3, 1));
  CHECK(third.invoices[0].total == first.invoices[4].total);
}

TEST_CASE("Billing: invoices group a customer's lines by currency, invoice and due date", "[billing]") {
  ContractLine a = line("C-1", PriceModel::kFlat, 10000, ymd(2026, 6, 1));
  ContractLine b = line("C-2", PriceModel::kFlat, 5000, ymd(2026, 6, 1));
  ContractLine c = line("C-3", PriceModel::kFlat, 7000, ymd(2026, 6, 1));
  c.net_days = 45;
  ContractLine d = line("C-4", PriceModel::kFlat, 7000, ymd(2026, 6, 1));
  d.customer = "CUST-2";
  ContractLine e = line("C-5", PriceModel::kFlat, 7000, ymd(2026, 6, 1));
  e.currency = *otc::core::find_currency("EUR");
  std::vector<ContractLine> rows = {e, d, c, b, a};
  auto plan = engine::plan_billing(rows, {}, {}, ymd(2026, 6, 1));
  REQUIRE(plan.invoices.size() == 4);
  CHECK(plan.invoices[0].customer == "CUST-1");
  CHECK(plan.invoices[0].currency.view() == "EUR");
  CHECK(plan.invoices[1].currency.view() == "USD");
  CHECK(plan.invoices[1].due_date == ymd(2026, 7, 1));
  REQUIRE(plan.invoices[1].lines.size() == 2);
  CHECK(plan.invoices[1].lines[0].contract_id == "C-1");
  CHECK(plan.invoices[1].total == 15000);
  CHECK(plan.invoices[2].due_date == ymd(2026, 7, 16));
  CHECK(plan.invoices[3].customer == "CUST-2");
}

TEST_CASE("Billing: unbilled revenue as of a date, with ages", "[billing]") {
  ContractLine s = line("S-1", PriceModel::kPerSeat, 2500, ymd(2026, 6, 1));
  s.quantity = 10 * kUnit;
  ContractLine s_up = amend(s, ymd(2026, 6, 10));
  s_up.quantity = 15 * kUnit;
  ContractLine q = line("Q-1", PriceModel::kFlat, 300000, ymd(2026, 4, 1));
  q.frequency = q.price_per = BillingFrequency::kQuarterly;
  q.timing = BillingTiming::kArrears;
  ContractLine u = line("U-1", PriceModel::kUsageGraduated, 0, ymd(2026, 5, 1));
  u.tiers = {{100 * kUnit, 1'000'000}, {1000 * kUnit, 800'000}, {std::nullopt, 500'000}};
  std::vector<ContractLine> rows = {s, s_up, q, u};
  std::vector<UsageRecord> recs = {usage("e1", "U-1", ymd(2026, 5, 20), 50), usage("e2", "U-1", ymd(2026, 6, 5), 600),
                                   usage("e3", "U-1", ymd(2026, 6, 16), 10)};
  // May's usage was invoiced; nothing else.
  std::vector<engine::BilledCharge> billed = {{"U-1", "1", {ymd(2026, 5, 1), ChargeKind::kUsage}}};

  auto items = engine::compute_unbilled(rows, recs, billed, ymd(2026, 6, 15));
  REQUIRE(items.size() == 3);
  // April-June in arrears has not ended: nothing. S-1: June's 250.00 since 1 June, the
  // upgrade's 87.50 since 10 June.
  CHECK(items[0].contract_id == "S-1");
  CHECK(items[0].amount == 25000);
  CHECK(items[0].age_days == 14);
  CHECK(items[1].key.kind == ChargeKind::kAdjustment);
  CHECK(items[1].amount == 8750);
  CHECK(items[1].age_days == 5);
  // U-1: 600 units recorded in the open June period (the 16 June record is after the date):
  // 100 x 1.00 + 500 x 0.80 = 500.00, not yet billable, aged from its first record.
  CHECK(items[2].contract_id == "U-1");
  CHECK_FALSE(items[2].billable);
  CHECK(items[2].amount == 50000);
  CHECK(items[2].since == ymd(2026, 6, 5));
  CHECK(items[2].age_days == 10);

  auto later = engine::compute_unbilled(rows, recs, billed, ymd(2026, 7, 3));
  // Q-1's quarter ended 30 June: 3,000.00 billable since 1 July.
  bool found = false;
  for (const auto& it : later) {
    if (it.contract_id != "Q-1") continue;
    found = true;
    CHECK(it.amount == 300000);
    CHECK(it.since == ymd(2026, 7, 1));
    CHECK(it.age_days == 2);
    CHECK(it.billable);
  }
  CHECK(found);
}

TEST_CASE("Billing: usage outside service and of other lines is not billed", "[billing]") {
  ContractLine u = line("U-1", PriceModel::kUsageVolume, 100, ymd(2026, 6, 1));
  u.end = ymd(2026, 6, 30);
  std::vector<UsageRecord> recs = {usage("e1", "U-1", ymd(2026, 5, 31), 10), usage("e2", "U-1", ymd(2026, 6, 30), 7),
                                   usage("e3", "U-1", ymd(2026, 7, 1), 10), usage("e4", "U-9", ymd(2026, 6, 5), 10)};
  UsageRecord by_customer = usage("e5", "", ymd(2026, 6, 6), 3);
  recs.push_back(by_customer);
  std::vector<engine::DraftLine> out;
  auto stats = engine::bill_contract_line({std::span(&u, 1), recs, {}}, ymd(2026, 12, 31), {}, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].quantity == 10 * kUnit);  // 7 + 3
  CHECK(out[0].money.amount == 1000);
  CHECK(stats.usage_out_of_service == 2);
  CHECK(stats.usage_other_line == 1);
}

TEST_CASE("Billing: inconsistent versions are refused with their source", "[billing]") {
  ContractLine base = line("S-1", PriceModel::kPerSeat, 2500, ymd(2026, 6, 1));
  base.source_file = "contracts.csv";
  ContractLine a = amend(base, ymd(2026, 6, 10));
  a.frequency = BillingFrequency::kAnnual;
  a.source_line = 7;
  try {
    bill({base, a}, ymd(2026, 7, 1));
    FAIL("expected an error");
  } catch (const otc::core::Error& e) {
    CHECK(std::string(e.what()) == "contract S-1 line 1: frequency: an amendment cannot change the billing frequency");
    CHECK(e.where().line == 7);
    CHECK(e.where().file == "contracts.csv");
  }
  auto conflict = engine::check_amendment(base, amend(base, ymd(2026, 6, 1)));
  REQUIRE(conflict);
  CHECK(conflict->field == "effective_date");
}
