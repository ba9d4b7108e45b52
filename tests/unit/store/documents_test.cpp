#include <catch2/catch.hpp>

#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

TEST_CASE("Documents: an invoice is found by its number while it is open", "[store][documents]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::DocumentsStore& documents = *ledger;
  store::WriteTransaction tx(*ledger);
  auto batch = ledger->add_batch("invoices", "i.csv", "", "otc test");
  auto cust = ledger->ensure_customer("C1", "Acme", batch, 1);
  domain::Invoice inv;
  inv.external_id = "I1";
  inv.currency = *core::find_currency("EUR");
  inv.invoice_date = *core::Date::from_ymd(2026, 3, 1);
  inv.due_date = *core::Date::from_ymd(2026, 3, 31);
  inv.total_minor = 12345;
  auto put = documents.put_invoice(inv, cust, 1, batch, 2);
  REQUIRE(put.outcome == store::PutOutcome::kInserted);
  CHECK_FALSE(documents.find_invoice("I2"));
  auto found = documents.find_invoice("I1");
  REQUIRE(found);
  CHECK(found->id == put.id);
  CHECK(found->customer_id == cust);
  CHECK(found->currency.view() == "EUR");
  CHECK(found->invoice_date == inv.invoice_date);
  CHECK(found->open_minor == 12345);
  CHECK(ledger->latest_fact_date() == inv.invoice_date);  // a posting notes its activity

  ledger->void_invoice(put.id, *core::Date::from_ymd(2026, 3, 2), "test", batch);
  CHECK_FALSE(documents.find_invoice("I1"));  // void: no longer open
}
