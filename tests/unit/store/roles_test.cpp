#include <catch2/catch.hpp>

#include "otc/store/billing_store.hpp"
#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }

domain::Payment payment(const char* id) {
  domain::Payment p;
  p.external_id = id;
  p.currency = *core::find_currency("USD");
  p.received_date = d(2026, 3, 2);
  p.amount_minor = 5000;
  return p;
}

domain::UsageRecord usage(const char* event_id) {
  domain::UsageRecord u;
  u.event_id = event_id;
  u.contract_id = "K-1";
  u.line_id = "1";
  u.customer = "C1";
  u.metric = "API_CALLS";
  u.date = d(2026, 3, 1);
  u.quantity = 1000;
  return u;
}

/// A use case that needs two roles asks for those two only.
void post_both(store::BillingStore& billing, store::CashStore& cash, std::int64_t customer_id, std::int64_t batch) {
  billing.add_contract_line("K-1", "1", customer_id, "C1");
  CHECK(billing.put_usage(usage("E-1"), batch));
  CHECK(cash.put_payment(payment("P-1"), customer_id, 1, batch, 2).outcome == store::PutOutcome::kInserted);
}
}  // namespace

TEST_CASE("Roles: a billing write and a cash write share one transaction", "[store][roles]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::BillingStore& billing = *ledger;
  store::CashStore& cash = *ledger;
  store::PartiesStore& parties = *ledger;

  SECTION("rolled back together") {
    {
      store::WriteTransaction tx(*ledger);
      auto batch = ledger->add_batch("test", "t.csv", "", "otc test");
      post_both(billing, cash, parties.ensure_customer("C1", "Acme", batch, 1), batch);
      CHECK(billing.find_contract_line("K-1", "1"));  // visible inside the transaction
      CHECK(cash.find_payment("P-1"));
      tx.rollback();
    }
    store::ReadTransaction read(*ledger);
    CHECK_FALSE(billing.find_contract_line("K-1", "1"));
    CHECK_FALSE(cash.find_payment("P-1"));
    CHECK_FALSE(parties.find_customer("C1"));
    read.end();
  }

  SECTION("committed together") {
    {
      store::WriteTransaction tx(*ledger);
      auto batch = ledger->add_batch("test", "t.csv", "", "otc test");
      post_both(billing, cash, parties.ensure_customer("C1", "Acme", batch, 1), batch);
      tx.commit();
    }
    store::ReadTransaction read(*ledger);
    CHECK(billing.find_contract_line("K-1", "1"));
    CHECK(cash.find_payment("P-1"));
    read.end();
    // The usage event is in the ledger once: the same event again is refused.
    store::WriteTransaction tx(*ledger);
    CHECK_FALSE(billing.put_usage(usage("E-1"), 0));
  }
}
