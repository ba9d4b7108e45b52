#include <catch2/catch.hpp>

#include "otc/store/sqlite_store.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
domain::Payment payment(const char* id, core::Date date, std::int64_t amount, const char* reference, const char* method = "") {
  domain::Payment p;
  p.external_id = id;
  p.currency = *core::find_currency("USD");
  p.received_date = date;
  p.amount_minor = amount;
  p.reference = reference;
  p.method = method;
  return p;
}
}  // namespace

TEST_CASE("Store: receipts in a date range for bank reconciliation", "[store][reconcile]") {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  s->begin_write();
  auto batch = s->add_batch("payments", "p.csv", "abc", "test");
  auto cust = s->ensure_customer("C1", "Acme", batch, 2);
  s->put_payment(payment("P-before", d(2026, 2, 28), 100, ""), cust, 1, batch, 2);
  s->put_payment(payment("P-2", d(2026, 3, 31), 300, "FT2"), std::nullopt, 2, batch, 3);
  s->put_payment(payment("P-1", d(2026, 3, 1), 200, "FT1"), cust, 3, batch, 4);
  auto returned = s->put_payment(payment("P-3", d(2026, 3, 10), 400, "FT3"), cust, 4, batch, 5);
  s->mark_payment_reversed(returned.id, d(2026, 3, 12), "NSF");
  // apply-cash's record of the returned item itself: not money received.
  auto marker = s->put_payment(payment("RET-1", d(2026, 3, 12), 400, "P-3", "return"), std::nullopt, 5, batch, 6);
  s->mark_payment_reversed(marker.id, d(2026, 3, 12), "return record of P-3");
  s->put_payment(payment("P-after", d(2026, 4, 1), 500, ""), cust, 6, batch, 7);
  s->commit();

  s->begin_read();
  auto r = s->receipts(d(2026, 3, 1), d(2026, 3, 31));
  s->commit();
  REQUIRE(r.size() == 3);
  CHECK(r[0].external_id == "P-1");  // by date
  CHECK(r[0].received_date == d(2026, 3, 1));
  CHECK(r[0].amount_minor == 200);
  CHECK(r[0].reference == "FT1");
  CHECK(r[0].customer_external_id == "C1");
  CHECK_FALSE(r[0].reversed);
  CHECK(r[1].external_id == "P-3");  // returned later, but the money did arrive
  CHECK(r[1].reversed);
  CHECK(r[2].external_id == "P-2");
  CHECK(r[2].customer_external_id.empty());
  // The same prepared statement serves a second range.
  CHECK(s->receipts(d(2026, 4, 1), d(2026, 4, 30)).size() == 1);
}

TEST_CASE("Store: no billed lines in a ledger without billing", "[store][reconcile]") {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  int n = 0;
  s->for_each_billed_line(std::nullopt, std::nullopt, [&](const store::BilledLineRecord&) { ++n; });
  CHECK(n == 0);
}
