#include "ops_test_support.hpp"

#include "otc/ops/fx.hpp"

using namespace otc;

TEST_CASE("ops fx import: rates added once; a changed rate is refused and nothing is written", "[ops][fx]") {
  test::Ledger l;
  const ops::Invocation inv{"otc test"};
  auto path = l.dir.file("r.csv", "Date,Currency,Rate\n2026-10-31,eur,1.0825\n2026-10-31,GBP,1.2650\n");
  auto r = ops::fx_import(*l.store, path, "r.csv", "sha-1", inv);
  CHECK(r.added == 2);
  CHECK(ops::fx_import(*l.store, path, "r.csv", "sha-1", inv).same_file);
  auto again = ops::fx_import(*l.store, l.dir.file("r2.csv", "date,currency,rate\n2026-10-31,EUR,1.08250\n"), "r2.csv", "sha-2", inv);
  CHECK(again.added == 0);
  CHECK(again.unchanged == 1);
  auto bad = l.dir.file("r3.csv", "date,currency,rate\n2026-11-30,EUR,1.09\n2026-10-31,EUR,1.1\n");
  try {
    ops::fx_import(*l.store, bad, "r3.csv", "sha-3", inv);
    FAIL("no error");
  } catch (const core::Error& e) {
    REQUIRE(e.issues().size() == 1);
    CHECK(e.issues()[0].message == "the ledger holds 1.0825 for EUR on 2026-10-31, not 1.1 (a rate is never edited)");
    CHECK(e.issues()[0].where.line == 3);
  }
  auto book = ops::fx_rates(*l.store);
  REQUIRE(book.rates.size() == 2);  // 2026-11-30 was not written either
  CHECK(std::string(book.functional.view()) == "USD");
  CHECK(book.rate("EUR", "USD", test::date(2026, 12, 1)).text(4) == "1.0825");
  CHECK_THROWS_WITH(book.rate("EUR", "USD", test::date(2026, 10, 30)),
                    "no fx rate for EUR on or before 2026-10-30 (to convert EUR to USD)");
}

TEST_CASE("ops fx: the functional currency is set once, before any rate", "[ops][fx]") {
  test::Ledger l;
  const ops::Invocation inv{"otc test"};
  ops::set_functional_currency(*l.store, "EUR", inv);
  CHECK(ops::fx_rates(*l.store).functional.view() == "EUR");
  ops::fx_import(*l.store, l.dir.file("r.csv", "date,currency,rate\n2026-10-31,USD,0.92\n"), "r.csv", "s", inv);
  CHECK_THROWS_WITH(ops::set_functional_currency(*l.store, "GBP", inv), Catch::Contains("it stays EUR"));
  CHECK_NOTHROW(ops::set_functional_currency(*l.store, "EUR", inv));
  CHECK_THROWS_WITH(ops::currency_option("usdx", "--in"), "--in 'usdx' is not an ISO 4217 currency code");
}
