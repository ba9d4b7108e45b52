#include <catch2/catch.hpp>

#include "otc/engine/aging.hpp"

using namespace otc;
using engine::AgingBasis;
using engine::AgingBuckets;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
domain::OpenItem item(const char* cust, const char* inv, core::Date due, std::int64_t open, const char* ccy = "USD") {
  domain::OpenItem i;
  i.customer_external_id = cust;
  i.customer_name = cust;
  i.invoice_external_id = inv;
  i.currency = *core::find_currency(ccy);
  i.invoice_date = due.add_days(-30);
  i.due_date = due;
  i.open_minor = open;
  i.total_minor = open;
  return i;
}
}  // namespace

TEST_CASE("Aging: bucket edges at 0, 1, 30, 31, 120, 121 days past due", "[aging]") {
  AgingBuckets b;
  CHECK(b.labels() == std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91-120", "121+"});
  auto [age, bucket] = GENERATE(table<int, std::size_t>({{-5, 0}, {0, 0}, {1, 1}, {30, 1}, {31, 2}, {60, 2}, {61, 3},
                                                         {90, 3}, {91, 4}, {120, 4}, {121, 5}, {5000, 5}}));
  INFO("age " << age);
  CHECK(b.bucket_of(age) == bucket);
}

TEST_CASE("Aging: invoice-date basis and custom buckets", "[aging]") {
  AgingBuckets b;
  b.edges = engine::parse_bucket_edges("15, 45");
  b.basis = AgingBasis::kInvoiceDate;
  CHECK(b.labels() == std::vector<std::string>{"0-15", "16-45", "46+"});
  CHECK(b.bucket_of(0) == 0);
  CHECK(b.bucket_of(15) == 0);
  CHECK(b.bucket_of(16) == 1);
  CHECK(b.bucket_of(46) == 2);
  CHECK(engine::parse_bucket_edges("30,30").empty());
  CHECK(engine::parse_bucket_edges("0,30").empty());
  CHECK(engine::parse_bucket_edges("a").empty());
}

TEST_CASE("Aging: by customer sums per currency, never across currencies", "[aging]") {
  const auto as_of = d(2026, 10, 31);
  engine::AgingAccumulator acc(AgingBuckets{}, as_of, false);
  acc.add(item("C1", "I1", d(2026, 10, 31), 10000));       // due today: current
  acc.add(item("C1", "I2", d(2026, 10, 1), 2550));         // 30 days: 1-30
  acc.add(item("C1", "I3", d(2026, 9, 30), 1000));         // 31 days: 31-60
  acc.add(item("C1", "I4", d(2026, 7, 2), 700));           // 121 days: 121+
  acc.add(item("C1", "I5", d(2026, 7, 3), 300, "EUR"));    // 120 days, other currency
  domain::UnappliedCredit u;
  u.customer_external_id = "C1";
  u.customer_name = "C1";
  u.currency = *core::find_currency("USD");
  u.amount_minor = 500;
  acc.add(u);
  auto rows = acc.rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].currency == "EUR");
  CHECK(rows[0].buckets == std::vector<std::int64_t>{0, 0, 0, 0, 300, 0});
  CHECK(rows[1].currency == "USD");
  CHECK(rows[1].buckets == std::vector<std::int64_t>{10000, 2550, 1000, 0, 0, 700});
  CHECK(rows[1].open_total == 14250);
  CHECK(rows[1].unapplied_credit == 500);
  auto totals = acc.totals();
  REQUIRE(totals.size() == 2);
  CHECK(totals[1].open_total == 14250);
}
