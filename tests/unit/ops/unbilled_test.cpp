// ops::unbilled against an in-memory ledger: what an invoice run would bill, and usage of periods
// still open, with their ages.
#include "otc/ops/unbilled.hpp"

#include "invoice_support.hpp"
#include "otc/ops/invoice_run.hpp"

using namespace billing_test;

namespace {

struct Item {
  std::string contract, kind, charge_date;
  bool billable;
  int age;
  std::int64_t amount;
  friend bool operator==(const Item&, const Item&) = default;
};

std::vector<Item> unbilled(Ledger& l, core::Date as_of, bool billable_only = false) {
  ops::UnbilledOptions o;
  o.as_of = as_of;
  o.billable_only = billable_only;
  std::vector<Item> out;
  auto r = ops::unbilled(*l.store, o, [&](const engine::UnbilledItem& it) {
    out.push_back({it.contract_id, std::string(engine::to_string(it.key.kind)), it.key.date.iso(), it.billable,
                   it.age_days, it.amount});
  });
  CHECK(r.items == static_cast<long>(out.size()));
  return out;
}

}  // namespace

TEST_CASE("unbilled: the run example on 2026-02-15, before and after a run", "[ops][unbilled]") {
  Ledger l;
  l.run_example();
  // Annual K-100: 456.99 for 01-15..01-31 (age 31) and 833.33 for February (age 14); seats K-200:
  // 250.00 for January (45), 250.00 for February (14), the upgrade 5 × 25.00 × 19/28 = 84.82 (5);
  // usage K-300: January's 30.00 (billable 02-01, age 14) and February's 5 units so far (not yet,
  // since the record of 02-03, age 12).
  auto items = unbilled(l, d(2026, 2, 15));
  CHECK(items == std::vector<Item>{
                     {"K-100", "recurring", "2026-01-15", true, 31, 45699},
                     {"K-100", "recurring", "2026-02-01", true, 14, 83333},
                     {"K-200", "recurring", "2026-01-01", true, 45, 25000},
                     {"K-200", "recurring", "2026-02-01", true, 14, 25000},
                     {"K-200", "adjustment", "2026-02-10", true, 5, 8482},
                     {"K-300", "usage", "2026-01-01", true, 14, 3000},
                     {"K-300", "usage", "2026-02-01", false, 12, 500},
                 });
  CHECK(unbilled(l, d(2026, 2, 15), true).size() == 6);

  ops::InvoiceRunOptions o;
  o.through = d(2026, 2, 15);
  REQUIRE(ops::invoice_run(*l.store, kCall, o, {}).invoices == 4);
  CHECK(unbilled(l, d(2026, 2, 15)) == std::vector<Item>{{"K-300", "usage", "2026-02-01", false, 12, 500}});
  CHECK(unbilled(l, d(2026, 2, 15), true).empty());
}

TEST_CASE("unbilled: an empty ledger has nothing unbilled", "[ops][unbilled]") {
  Ledger l;
  CHECK(unbilled(l, d(2026, 2, 15)).empty());
}
