#include "ops_test_support.hpp"

#include "otc/ops/aging.hpp"

using namespace otc;

TEST_CASE("ops aging: open items and unapplied cash as of a date", "[ops][aging]") {
  test::Ledger l;
  l.import("invoices", "invoices.csv", test::kInvoices);
  l.import("payments", "payments.csv", test::kPayments);

  SECTION("as of 2026-09-30 only what is dated by then counts") {
    auto acc = ops::aging_report(*l.store, {engine::AgingBuckets{}, test::date(2026, 9, 30), false});
    auto rows = acc.rows();
    REQUIRE(rows.size() == 2);
    // C1: INV-2 500.00 not yet due; INV-1 1,000.00 - P1 400.00 = 600.00, 30 days past due.
    CHECK(rows[0].customer_external_id == "C1");
    CHECK(rows[0].buckets == std::vector<std::int64_t>{50000, 60000, 0, 0, 0, 0});
    CHECK(rows[0].open_total == 110000);
    // C2: INV-4 1,200.00 due 2026-07-01 is 91 days past due; INV-3 and P3 are dated later.
    CHECK(rows[1].customer_external_id == "C2");
    CHECK(rows[1].buckets == std::vector<std::int64_t>{0, 0, 0, 0, 120000, 0});
  }
  SECTION("as of 2026-10-31, by invoice, with unapplied cash in the totals") {
    auto acc = ops::aging_report(*l.store, {engine::AgingBuckets{}, test::date(2026, 10, 31), true});
    auto rows = acc.rows();
    REQUIRE(rows.size() == 4);
    std::int64_t usd = 0;
    for (const auto& r : rows)
      if (r.currency == "USD") usd += r.open_total;
    CHECK(usd == 140000);  // 600.00 + 500.00 + 300.00
    auto totals = acc.totals();
    REQUIRE(totals.size() == 2);
    CHECK(totals[0].currency == "EUR");
    CHECK(totals[0].unapplied_credit == 5000);  // P2
    CHECK(totals[1].currency == "USD");
    CHECK(totals[1].unapplied_credit == 7500);  // P4, unidentified
  }
}
