#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

TEST_CASE("Parties: a stub customer is completed by its import; aliases and terms", "[store][parties]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::PartiesStore& parties = *ledger;
  store::WriteTransaction tx(*ledger);
  auto batch = ledger->add_batch("customers", "c.csv", "", "otc test");
  auto stub = parties.ensure_customer("C1", "Acme", batch, 1);
  CHECK(parties.ensure_customer("C1", "Other name", batch, 2) == stub);
  CHECK(parties.find_customer("C1") == stub);
  CHECK_FALSE(parties.customer_terms(stub));

  domain::Customer c;
  c.external_id = "C1";
  c.name = "Acme Corp";
  c.terms_days = 45;
  c.bank_account = "DE001";
  auto put = parties.put_customer(c, 11, batch, 3);
  CHECK(put.outcome == store::PutOutcome::kInserted);  // the stub is filled in
  CHECK(put.id == stub);
  CHECK(parties.customer_terms(stub) == 45);
  CHECK(parties.put_customer(c, 11, batch, 4).outcome == store::PutOutcome::kUnchanged);
  auto conflict = parties.put_customer(c, 12, batch, 5);
  CHECK(conflict.outcome == store::PutOutcome::kConflict);
  CHECK(conflict.existing_file == "c.csv");
  CHECK(conflict.existing_line == 3);

  parties.add_alias(stub, "ACME GMBH", "learned");
  parties.add_alias(stub, "ACME GMBH", "learned");  // once
  std::vector<std::string> aliases;
  parties.for_each_alias([&](std::int64_t id, const std::string& a) {
    CHECK(id == stub);
    aliases.push_back(a);
  });
  CHECK(aliases == std::vector<std::string>{"ACME GMBH"});
  std::vector<store::CustomerRecord> all;
  parties.for_each_customer([&](const store::CustomerRecord& r) { all.push_back(r); });
  REQUIRE(all.size() == 1);
  CHECK(all[0].name == "Acme Corp");
  CHECK(all[0].bank_account == "DE001");
}

TEST_CASE("Parties: a rolled-back customer is not remembered", "[store][parties]") {
  auto ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  {
    store::WriteTransaction tx(*ledger);
    ledger->ensure_customer("C1", "Acme", ledger->add_batch("customers", "c.csv", "", "otc test"), 1);
    CHECK(ledger->find_customer("C1"));
  }
  store::ReadTransaction read(*ledger);
  CHECK_FALSE(ledger->find_customer("C1"));
  read.end();
}
