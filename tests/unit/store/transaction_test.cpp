#include <catch2/catch.hpp>

#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

namespace {
std::int64_t customer_count(store::LedgerStore& s) {
  std::int64_t n = 0;
  store::ReadTransaction read(s);
  s.for_each_customer([&](const store::CustomerRecord&) { ++n; });
  read.end();
  return n;
}
}  // namespace

TEST_CASE("WriteTransaction: leaving the scope by an exception rolls back", "[store][transaction]") {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  try {
    store::WriteTransaction tx(*s);
    s->ensure_customer("C1", "Acme", s->add_batch("customers", "t.csv", "", "otc test"), 2);
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  CHECK(customer_count(*s) == 0);
  {
    store::WriteTransaction tx(*s);
    s->ensure_customer("C1", "Acme", s->add_batch("customers", "t.csv", "", "otc test"), 2);
    tx.commit();
  }
  CHECK(customer_count(*s) == 1);
  {
    store::WriteTransaction tx(*s);
    s->ensure_customer("C2", "Beta", s->add_batch("customers", "u.csv", "", "otc test"), 2);
    tx.rollback();
    CHECK_FALSE(tx.open());
  }
  CHECK(customer_count(*s) == 1);
}
