#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/engine/billing.hpp"
#include "otc/ops/import_contracts.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/sqlite_store.hpp"

using namespace otc;

namespace {

core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
const core::Currency kUsd = *core::find_currency("USD");

domain::ContractLine seats_line() {
  domain::ContractLine v;
  v.contract_id = "K-1";
  v.line_id = "1";
  v.customer = "C1";
  v.product = "SEATS";
  v.metric = "SEATS";
  v.description = "Team seats";
  v.start = d(2026, 1, 1);
  v.frequency = domain::BillingFrequency::kMonthly;
  v.timing = domain::BillingTiming::kAdvance;
  v.anchor_day = 1;
  v.model = domain::PriceModel::kPerSeat;
  v.price_per = domain::BillingFrequency::kMonthly;
  v.unit_price_micros = 25'000'000;
  v.quantity = 10 * domain::kDecimalScale;
  v.currency = kUsd;
  v.net_days = 30;
  return v;
}

struct Books {
  std::unique_ptr<store::LedgerStore> ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::BillingStore* billing = ledger.get();  // the ledger's billing role
  std::int64_t batch = 0;

  std::int64_t the_batch() {
    if (!batch) batch = ledger->add_batch("test", "test", "", "test");
    return batch;
  }

  std::int64_t add_line(const domain::ContractLine& v) {
    auto cust = ledger->ensure_customer(v.customer, v.customer + " Inc.", the_batch(), 0);
    auto ref = billing->find_contract_line(v.contract_id, v.line_id);
    std::int64_t id = ref ? ref->id : billing->add_contract_line(v.contract_id, v.line_id, cust, v.customer);
    REQUIRE(billing->put_contract_version(id, v, import::content_hash(v), 0).outcome == store::PutOutcome::kInserted);
    return cust;
  }

  std::vector<store::CustomerBook> books(core::Date through) {
    std::vector<store::CustomerBook> out;
    billing->for_each_customer_book(through, std::nullopt, [&](store::CustomerBook& b) { out.push_back(b); });
    return out;
  }

  /// Bills through `through` as `invoice run` does and returns the invoice totals.
  std::vector<std::int64_t> run(core::Date through) {
    std::vector<std::int64_t> totals;
    billing->for_each_customer_book(through, std::nullopt, [&](store::CustomerBook& b) {
      auto plan = engine::plan_billing(b.versions, b.usage, b.billed, through);
      for (const auto& inv : plan.invoices) {
        billing->post_invoice(inv, b.customer_id, billing->next_number("INV-"), the_batch());
        totals.push_back(inv.total);
      }
    });
    return totals;
  }

  std::int64_t open_at(core::Date as_of) {
    std::int64_t sum = 0;
    ledger->for_each_open_item(as_of, [&](const domain::OpenItem& i) { sum += i.open_minor; });
    return sum;
  }
};

std::string fixture(const char* name) { return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/billing/" + name; }

import::ImportOptions import_options(const char* kind, const char* file) {
  import::ImportOptions o;
  o.kind = kind;
  o.path = fixture(file);
  o.display_name = file;
  o.sha256 = std::string("sha-of-") + file;
  o.command_line = "test";
  return o;
}

}  // namespace

TEST_CASE("BillingStore: a contract version round-trips every field", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  domain::ContractLine v = seats_line();
  v.model = domain::PriceModel::kUsageGraduated;
  v.tiers = {{100'000'000, 1'000'000}, {1'000'500'000, 800'000}, {std::nullopt, 12'500}};
  v.end = d(2026, 12, 31);
  v.anchor_day = 31;
  v.anchor_month = 2;
  v.frequency = domain::BillingFrequency::kQuarterly;
  v.price_per = domain::BillingFrequency::kAnnual;
  v.timing = domain::BillingTiming::kArrears;
  v.discount = {domain::DiscountKind::kAmount, 2'500, d(2026, 6, 30)};
  v.tax_rate_ppm = 88'750;
  v.net_days = 45;
  v.metric = "api_calls";
  v.source_file = "c.csv";
  v.source_line = 7;
  b.add_line(v);
  domain::ContractLine amended = v;
  amended.effective = d(2026, 3, 1);
  amended.quantity = 3;
  b.add_line(amended);

  std::vector<domain::ContractLine> back;
  b.billing->load_versions(b.billing->find_contract_line("K-1", "1")->id, back);
  REQUIRE(back.size() == 2);
  CHECK(import::content_hash(back[0]) == import::content_hash(v));
  CHECK(back[0].tiers == v.tiers);
  CHECK(back[0].discount == v.discount);
  CHECK(back[0].anchor_month == 2);
  CHECK(back[0].source_file == "c.csv");
  CHECK(back[0].source_line == 7);
  CHECK(!back[0].effective);
  CHECK(back[1].effective == d(2026, 3, 1));
  CHECK(back[1].quantity == 3);
  CHECK(import::content_hash(back[1]) == import::content_hash(amended));
  b.ledger->commit();
}

TEST_CASE("BillingStore: the same version again is unchanged; other content at its key is a conflict", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  domain::ContractLine v = seats_line();
  v.source_file = "first.csv";
  v.source_line = 2;
  b.add_line(v);
  auto id = b.billing->find_contract_line("K-1", "1")->id;
  CHECK(b.billing->put_contract_version(id, v, import::content_hash(v), 0).outcome == store::PutOutcome::kUnchanged);
  domain::ContractLine other = v;
  other.quantity = 11 * domain::kDecimalScale;
  auto r = b.billing->put_contract_version(id, other, import::content_hash(other), 0);
  CHECK(r.outcome == store::PutOutcome::kConflict);
  CHECK(r.existing_file == "first.csv");
  CHECK(r.existing_line == 2);
  CHECK(b.billing->contract_customer("K-1") == std::optional<std::string>("C1"));
  CHECK(!b.billing->contract_customer("K-2"));
  b.ledger->commit();
}

TEST_CASE("BillingStore: books come one customer at a time, usage summed per day, duplicates ignored", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  domain::ContractLine api = seats_line();
  api.contract_id = "K-API";
  api.customer = "C2";
  api.product = api.metric = "API";
  api.model = domain::PriceModel::kUsageVolume;
  b.add_line(api);
  b.add_line(seats_line());
  domain::ContractLine other = seats_line();
  other.contract_id = "K-0";
  b.add_line(other);

  auto usage = [&](const char* id, const char* contract, const char* customer, int day, std::int64_t units) {
    domain::UsageRecord r;
    r.event_id = id;
    r.contract_id = contract;
    r.customer = customer;
    r.metric = "API";
    r.date = d(2026, 1, day);
    r.quantity = units * domain::kDecimalScale;
    return b.billing->put_usage(r, 0);
  };
  CHECK(usage("e1", "K-API", "C2", 5, 100));
  CHECK(usage("e2", "K-API", "C2", 5, 50));
  CHECK_FALSE(usage("e2", "K-API", "C2", 5, 50));  // the same event again
  CHECK(usage("e3", "", "C2", 6, 7));
  CHECK(usage("e4", "", "C2", 28, 9));               // after the run date: not read
  CHECK(usage("e5", "", "C9", 6, 1));                // a customer without contracts: skipped

  auto books = b.books(d(2026, 1, 27));
  REQUIRE(books.size() == 2);
  CHECK(books[0].customer == "C1");
  REQUIRE(books[0].versions.size() == 2);
  CHECK(books[0].versions[0].contract_id == "K-0");
  CHECK(books[0].versions[1].contract_id == "K-1");
  CHECK(books[0].usage.empty());
  CHECK(books[1].customer == "C2");
  REQUIRE(books[1].usage.size() == 2);  // ordered by contract (none first), line, metric, day
  CHECK(books[1].usage[0].contract_id.empty());
  CHECK(books[1].usage[0].quantity == 7 * domain::kDecimalScale);
  CHECK(books[1].usage[1].contract_id == "K-API");
  CHECK(books[1].usage[1].quantity == 150 * domain::kDecimalScale);
  CHECK(books[1].usage[1].date == d(2026, 1, 5));
  b.ledger->commit();
}

TEST_CASE("BillingStore: a run bills each charge once; a void releases its charges", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  b.add_line(seats_line());
  CHECK(b.run(d(2026, 2, 1)) == std::vector<std::int64_t>{25000, 25000});
  CHECK(b.run(d(2026, 2, 1)).empty());
  auto books = b.books(d(2026, 2, 1));
  REQUIRE(books.size() == 1);
  REQUIRE(books[0].billed.size() == 2);
  CHECK(books[0].billed[0].key == engine::ChargeKey{d(2026, 1, 1), engine::ChargeKind::kRecurring});

  auto inv = b.billing->find_issued_invoice("INV-000002");
  REQUIRE(inv);
  CHECK(inv->total == 25000);
  CHECK(inv->due_date == d(2026, 3, 3));
  std::vector<store::IssuedLine> lines;
  b.billing->load_lines(inv->id, lines);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].quantity == "10");
  CHECK(lines[0].unit_price == "25.00");
  CHECK(lines[0].key == engine::ChargeKey{d(2026, 2, 1), engine::ChargeKind::kRecurring});
  CHECK(lines[0].service_to == d(2026, 2, 28));

  b.billing->void_invoice(inv->id, d(2026, 2, 2), "wrong entity", 0);
  CHECK(b.billing->find_issued_invoice("INV-000002")->status == "void");
  CHECK(b.open_at(d(2026, 2, 2)) == 25000);  // only January is open
  CHECK(b.books(d(2026, 2, 1))[0].billed.size() == 1);
  CHECK(b.run(d(2026, 2, 1)) == std::vector<std::int64_t>{25000});  // February billed again
  CHECK(b.billing->find_issued_invoice("INV-000003")->invoice_date == d(2026, 2, 1));
  b.ledger->commit();
}

TEST_CASE("BillingStore: numbers are gapless per prefix and a rolled-back run takes none", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  CHECK(b.billing->next_number("INV-") == "INV-000001");
  CHECK(b.billing->next_number("INV-") == "INV-000002");
  CHECK(b.billing->next_number("CM-") == "CM-000001");
  b.ledger->commit();
  b.ledger->begin_write();
  CHECK(b.billing->next_number("INV-") == "INV-000003");
  b.ledger->rollback();
  b.ledger->begin_write();
  CHECK(b.billing->next_number("INV-") == "INV-000003");
  b.ledger->commit();
  CHECK(store::format_document_number("X", 1234567) == "X1234567");
}

TEST_CASE("BillingStore: a credit memo applies to its invoice's open balance from its date", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  b.add_line(seats_line());
  REQUIRE(b.run(d(2026, 1, 1)) == std::vector<std::int64_t>{25000});
  auto inv = *b.billing->find_issued_invoice("INV-000001");
  store::CreditMemoDraft memo;
  memo.number = b.billing->next_number("CM-");
  memo.invoice_id = inv.id;
  memo.customer_id = inv.customer_id;
  memo.currency = kUsd;
  memo.memo_date = d(2026, 1, 20);
  memo.amount = 7550;
  memo.reason = "two seats not provisioned";
  memo.line_no = 1;
  b.billing->post_credit_memo(memo);
  b.ledger->commit();

  auto after = *b.billing->find_issued_invoice("INV-000001");
  CHECK(after.open == 17450);
  CHECK(after.credited == 7550);
  CHECK(after.paid == 0);
  CHECK(b.open_at(d(2026, 1, 19)) == 25000);  // point in time: before the memo
  CHECK(b.open_at(d(2026, 1, 20)) == 17450);
  std::vector<store::IssuedLine> lines;
  b.billing->load_lines(after.id, lines);
  CHECK(lines.at(0).credited == 7550);
  CHECK(*b.ledger->latest_fact_date() == d(2026, 1, 20));
}

TEST_CASE("Contract import: the documented five-invoice example, to the cent", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  std::vector<std::string> issues;
  auto sink = [&](const core::SourceLocation& w, const std::string& m) { issues.push_back(core::format_location(w) + ": " + m); };
  auto c = ops::import_contracts(*b.ledger, *b.billing, import_options("contracts", "run_example.csv"), sink);
  auto u = ops::import_usage(*b.ledger, *b.billing, import_options("usage", "run_example_usage.csv"), sink);
  CHECK(issues.empty());
  CHECK(c.inserted == 4);
  CHECK(u.inserted == 2);
  CHECK(u.unchanged == 1);
  CHECK(b.run(d(2026, 3, 1)) == std::vector<std::int64_t>{25000, 45699, 111333, 8482, 121333});
  CHECK(b.run(d(2026, 3, 1)).empty());
  auto again = ops::import_contracts(*b.ledger, *b.billing, import_options("contracts", "run_example.csv"), sink);
  CHECK(again.already_imported);
  b.ledger->commit();
}

TEST_CASE("Contract import: bad rows are reported at FILE:LINE:COLUMN", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  std::vector<std::string> issues;
  auto sink = [&](const core::SourceLocation& w, const std::string& m) { issues.push_back(core::format_location(w) + ": " + m); };
  auto sum = ops::import_contracts(*b.ledger, *b.billing, import_options("contracts", "bad_contracts.csv"), sink);
  CHECK(sum.rejected == 3);
  CHECK(sum.inserted == 1);
  CHECK(issues == std::vector<std::string>{
                      "bad_contracts.csv:3:7: frequency 'weekly' is not one of monthly, quarterly, semiannual, annual",
                      "bad_contracts.csv:4:6: end_date 2025-12-31 is before start_date 2026-01-01",
                      "bad_contracts.csv:5:10: unit_price '12.3.4' is not a price (a non-negative decimal with up to 6 places)"});
  b.ledger->rollback();
}

TEST_CASE("Usage import: rows name a known contract or a customer and metric", "[billing-store]") {
  Books b;
  b.ledger->begin_write();
  std::vector<std::string> issues;
  auto sink = [&](const core::SourceLocation& w, const std::string& m) { issues.push_back(core::format_location(w) + ": " + m); };
  ops::import_contracts(*b.ledger, *b.billing, import_options("contracts", "run_example.csv"), sink);
  auto sum = ops::import_usage(*b.ledger, *b.billing, import_options("usage", "bad_usage.csv"), sink);
  CHECK(sum.rejected == 5);
  CHECK(sum.inserted == 1);
  CHECK(issues == std::vector<std::string>{
                      "bad_usage.csv:3:2: contract 'K-NOPE' is not in the ledger (import contracts first)",
                      "bad_usage.csv:4:3: customer 'C9' is not in the ledger",
                      "bad_usage.csv:5:4: metric is empty: a record that names only a customer is matched to a contract line by its metric",
                      "bad_usage.csv:6:1: event_id is empty",
                      "bad_usage.csv:6:5: quantity 'lots' is not a quantity (a decimal with up to 6 places)",
                      "bad_usage.csv:7:3: contract K-300 belongs to customer C1, not C2"});
  b.ledger->rollback();
}
