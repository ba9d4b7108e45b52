#include "otc/engine/pricing.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "otc/engine/proration.hpp"

using otc::core::Date;
using otc::core::Rounding;
using otc::domain::PriceTier;
namespace engine = otc::engine;

namespace {

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

constexpr std::int64_t kUnit = otc::domain::kDecimalScale;

// 100:1.00;1000:0.80;inf:0.50
std::vector<PriceTier> sample_tiers() {
  return {{100 * kUnit, 1'000'000}, {1000 * kUnit, 800'000}, {std::nullopt, 500'000}};
}

}  // namespace

TEST_CASE("Pricing: graduated and volume tiers price the same usage differently", "[billing][pricing]") {
  auto tiers = sample_tiers();
  // 1,500 units. Graduated: 100 x 1.00 + 900 x 0.80 + 500 x 0.50 = 100 + 720 + 250 = 1070.00.
  CHECK(engine::round_exact(engine::tiered_charge(tiers, 0, true, 1500 * kUnit, 2), Rounding::kHalfUp) == 107000);
  // Volume: the whole 1,500 at the tier it falls in (0.50) = 750.00.
  CHECK(engine::round_exact(engine::tiered_charge(tiers, 0, false, 1500 * kUnit, 2), Rounding::kHalfUp) == 75000);
  // 250 units: graduated 100 + 150 x 0.80 = 220.00; volume 250 x 0.80 = 200.00.
  CHECK(engine::round_exact(engine::tiered_charge(tiers, 0, true, 250 * kUnit, 2), Rounding::kHalfUp) == 22000);
  CHECK(engine::round_exact(engine::tiered_charge(tiers, 0, false, 250 * kUnit, 2), Rounding::kHalfUp) == 20000);
  // Exactly on a bound: 100 units is still the first tier for volume pricing.
  CHECK(engine::round_exact(engine::tiered_charge(tiers, 0, false, 100 * kUnit, 2), Rounding::kHalfUp) == 10000);
  CHECK(engine::round_exact(engine::tiered_charge(tiers, 0, false, 101 * kUnit, 2), Rounding::kHalfUp) == 8080);
  // Nothing, or a net negative correction, costs nothing.
  CHECK(engine::tiered_charge(tiers, 0, true, 0, 2).num == 0);
  CHECK(engine::tiered_charge(tiers, 0, true, -5 * kUnit, 2).num == 0);
}

TEST_CASE("Pricing: fractional units and sub-cent prices are rounded once per line", "[billing][pricing]") {
  // 12,345.5 API calls at USD 0.0125 = 154.31875 -> 154.32 (half-up) and 154.32 (half-even).
  auto e = engine::unit_charge(12'500, 12'345'500'000, 2);
  CHECK(engine::round_exact(e, Rounding::kHalfUp) == 15432);
  // 3 units at 0.0025 = 0.0075 -> 0.01 either way; 1 unit at 0.005 = 0.005 is a half cent.
  CHECK(engine::round_exact(engine::unit_charge(5'000, kUnit, 2), Rounding::kHalfUp) == 1);
  CHECK(engine::round_exact(engine::unit_charge(5'000, kUnit, 2), Rounding::kHalfEven) == 0);
  // JPY has no minor unit: 3 x 333.5 yen = 1000.5 -> 1001 / 1000.
  CHECK(engine::round_exact(engine::unit_charge(333'500'000, 3 * kUnit, 0), Rounding::kHalfUp) == 1001);
  CHECK(engine::round_exact(engine::unit_charge(333'500'000, 3 * kUnit, 0), Rounding::kHalfEven) == 1000);
}

TEST_CASE("Pricing: recurring charges prorate by days and by the price period", "[billing][pricing]") {
  // 10,000.00 a year billed monthly, 17 days of a 31-day month: 10000 x 1/12 x 17/31 = 456.989.. -> 456.99.
  auto e = engine::recurring_charge(10'000'000'000, kUnit, 1, 12, 17, 31, 2);
  CHECK(engine::round_exact(e, Rounding::kHalfUp) == 45699);
  // The full month: 833.333.. -> 833.33.
  CHECK(engine::round_exact(engine::recurring_charge(10'000'000'000, kUnit, 1, 12, 31, 31, 2), Rounding::kHalfUp) ==
        83333);
  // A credit is the mirror of the charge: -12 seats x 25.00 x 16/31 = -154.838.. -> -154.84.
  CHECK(engine::round_exact(engine::recurring_charge(25'000'000, -12 * kUnit, 1, 1, 16, 31, 2), Rounding::kHalfUp) ==
        -15484);
}

TEST_CASE("Pricing: percent discount then tax, half-up and half-even differ on the edges", "[billing][pricing]") {
  // 10.05 with a 10% discount and 10% tax.
  SECTION("half-up") {
    std::int64_t discount = engine::apply_rate(1005, 100'000, Rounding::kHalfUp);  // 1.005 -> 1.01
    auto m = engine::settle_line(1005, discount, 100'000, Rounding::kHalfUp);
    CHECK(m.discount == 101);
    CHECK(m.net == 904);
    CHECK(m.tax == 90);  // 0.904 -> 0.90
    CHECK(m.total == 994);
  }
  SECTION("half-even") {
    std::int64_t discount = engine::apply_rate(1005, 100'000, Rounding::kHalfEven);  // 1.005 -> 1.00
    auto m = engine::settle_line(1005, discount, 100'000, Rounding::kHalfEven);
    CHECK(m.discount == 100);
    CHECK(m.net == 905);
    CHECK(m.tax == 90);  // 0.905 -> 0.90 (half-up would make it 0.91)
    CHECK(m.total == 995);
    CHECK(engine::apply_rate(905, 100'000, Rounding::kHalfUp) == 91);
  }
}

TEST_CASE("Pricing: a fixed discount is prorated and never exceeds the line", "[billing][pricing]") {
  CHECK(engine::fixed_discount(2500, 15, 30, 5000, Rounding::kHalfUp) == 1250);
  CHECK(engine::fixed_discount(2500, 30, 30, 1000, Rounding::kHalfUp) == 1000);
  CHECK(engine::fixed_discount(2500, 15, 30, -5000, Rounding::kHalfUp) == -1250);
  CHECK(engine::fixed_discount(0, 15, 30, 5000, Rounding::kHalfUp) == 0);
}

TEST_CASE("Pricing: scaled decimals parse and format exactly", "[billing][pricing]") {
  CHECK(engine::parse_scaled("12.5", 6) == 12'500'000);
  CHECK(engine::parse_scaled("1,000", 6) == 1'000'000'000);
  CHECK(engine::parse_scaled("0.0000001", 6) == std::nullopt);
  CHECK(engine::parse_scaled("-1", 6) == std::nullopt);
  CHECK(engine::parse_scaled("-1", 6, true) == -1'000'000);
  CHECK(engine::format_scaled(12'500'000, 6, 0) == "12.5");
  CHECK(engine::format_scaled(30'000'000, 6, 2) == "30.00");
  CHECK(engine::format_scaled(15'000'000, 6, 0) == "15");
  CHECK(engine::format_rate(88'750) == "8.875%");
}

TEST_CASE("Proration: periods run anchor to anchor, the first one partial", "[billing][proration]") {
  using otc::domain::BillingFrequency;
  SECTION("monthly from the 15th with anchor day 1") {
    engine::PeriodGrid g(ymd(2026, 1, 15), BillingFrequency::kMonthly, 1);
    auto p = g.first();
    CHECK(p.start == ymd(2026, 1, 15));
    CHECK(p.full_start == ymd(2026, 1, 1));
    CHECK(p.full_end == ymd(2026, 1, 31));
    CHECK(p.full_days() == 31);
    p = g.next(p);
    CHECK(p.start == ymd(2026, 2, 1));
    CHECK(p.full_end == ymd(2026, 2, 28));
  }
  SECTION("quarterly across the 2028 leap day") {
    engine::PeriodGrid g(ymd(2027, 12, 1), BillingFrequency::kQuarterly, 1);
    auto p = g.first();
    CHECK(p.full_start == ymd(2027, 12, 1));
    CHECK(p.full_end == ymd(2028, 2, 29));
    CHECK(p.full_days() == 91);
  }
  SECTION("anchor day 31 clamps to short months and comes back") {
    engine::PeriodGrid g(ymd(2026, 1, 31), BillingFrequency::kMonthly, 31);
    auto p = g.first();
    CHECK(p.full_end == ymd(2026, 2, 27));
    p = g.next(p);
    CHECK(p.start == ymd(2026, 2, 28));
    CHECK(p.full_end == ymd(2026, 3, 30));
    p = g.next(p);
    CHECK(p.start == ymd(2026, 3, 31));
  }
  SECTION("an anchor month aligns quarters to it") {
    engine::PeriodGrid g(ymd(2026, 2, 10), BillingFrequency::kQuarterly, 1, 1);
    auto p = g.first();
    CHECK(p.full_start == ymd(2026, 1, 1));
    CHECK(p.full_end == ymd(2026, 3, 31));
    CHECK(p.full_days() == 90);
    CHECK(g.containing(ymd(2026, 11, 30)).full_start == ymd(2026, 10, 1));
    CHECK(g.containing(ymd(2027, 1, 1)).full_start == ymd(2027, 1, 1));
  }
  SECTION("without an anchor month quarters start at the first anchor date") {
    engine::PeriodGrid g(ymd(2026, 2, 10), BillingFrequency::kQuarterly, 1);
    auto p = g.first();
    CHECK(p.full_start == ymd(2025, 12, 1));
    CHECK(p.full_end == ymd(2026, 2, 28));
    CHECK(g.next(p).full_end == ymd(2026, 5, 31));
  }
}
