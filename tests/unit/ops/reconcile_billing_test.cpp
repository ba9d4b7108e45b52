#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/ops/reconcile_billing.hpp"
#include "otc/store/sqlite_store.hpp"
#include "reconcile_test_support.hpp"

using namespace otc;

namespace {

std::string fixture(const char* name) { return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/reconcile/" + name; }

ops::ReconcileBillingOptions options_for(std::string crm) {
  ops::ReconcileBillingOptions o;
  o.crm.path = std::move(crm);
  o.compare.temp_dir = std::filesystem::temp_directory_path().string();
  return o;
}

}  // namespace

TEST_CASE("reconcile billing: CRM export against ERP export, every planted break once", "[ops][reconcile]") {
  auto o = options_for(fixture("billing_crm.csv"));
  o.erp = ops::BillingExport{fixture("billing_erp.csv")};
  o.compare.amount_tolerance_minor = 1;
  std::vector<std::string> notes;
  o.note = [&](const std::string& n) { notes.push_back(n); };
  bool called = false;
  auto r = ops::reconcile_billing(nullptr, {"otc reconcile billing"}, o, [&](const ops::ReconcileBillingResult& x) {
    called = true;
    CHECK(x.breaks.size() == 9);
  });
  CHECK(called);
  CHECK(notes.empty());
  CHECK(r.summary.crm_lines == 11);
  CHECK(r.summary.erp_lines == 12);
  CHECK(r.summary.matched_pairs == 10);
  CHECK(r.summary.clean_pairs == 4);
  REQUIRE(r.breaks.size() == 9);
  CHECK(r.breaks.front().type == engine::BreakType::kMissingInCrm);  // sorted by keys: C10 first
  CHECK(r.breaks.front().keys == "C10|2026-03|SEATS");
  CHECK(r.exceptions);
  CHECK(r.detail ==
        "CRM 11 lines, ERP 12 lines, 10 paired (4 agree); 9 breaks (missing_in_erp 1, missing_in_crm 1, currency_mismatch 1, "
        "customer_mismatch 1, quantity_difference 1, price_difference 1, discount_difference 1, amount_difference 1, "
        "duplicate_billing 1)");
  CHECK(r.note == "reconcile billing: " + r.detail);
}

TEST_CASE("reconcile billing: against the ledger's lines, audited; a field one side lacks is not compared",
          "[ops][reconcile]") {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  auto crm = test::write_input("crm.csv",
                        "contract_id,period,product,quantity,unit_price,amount,currency\n"
                        "K-1,2026-03,SEATS,2,25.00,50.00,USD\n"
                        "K-1,2026-04,SEATS,2,25.00,50.00,USD\n");
  auto o = options_for(crm);
  o.period = core::parse_period("2026-03");
  std::vector<std::string> notes;
  o.note = [&](const std::string& n) { notes.push_back(n); };
  auto r = ops::reconcile_billing(s.get(), {"otc reconcile billing --crm crm.csv"}, o);
  REQUIRE(r.breaks.size() == 1);
  CHECK(r.breaks[0].type == engine::BreakType::kMissingInErp);
  CHECK(r.breaks[0].difference_minor == 5000);
  CHECK(r.detail == "CRM 1 lines, ERP 0 lines (ledger), 0 paired (0 agree); 1 break (missing_in_erp 1)");
  CHECK(r.note == "reconcile billing 2026-03: " + r.detail + "; 1 row of other periods left out");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "not compared: customer (no column in " + crm + "), discount (no column in " + crm + ")");
  auto log = test::audit_of(*s);
  REQUIRE(log.size() == 1);
  CHECK(log[0].entry.action == "reconcile");
  CHECK(log[0].entry.entity == "billing");
  CHECK(log[0].entry.entity_id == "2026-03");
  CHECK(log[0].entry.detail == r.detail);
  CHECK(log[0].entry.file_name == crm);
  CHECK(log[0].entry.sha256.size() == 64);
}

TEST_CASE("reconcile billing: bad rows fail the run, list every row and leave no audit entry", "[ops][reconcile]") {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  auto crm = test::write_input("bad.csv",
                        "contract_id,period,product,quantity,unit_price,amount,currency\n"
                        "K-1,2026-03,SEATS,two,25.00,50.00,USD\n"
                        "K-2,2026-03,SEATS,1,25.00,,USD\n");
  auto o = options_for(crm);
  try {
    ops::reconcile_billing(s.get(), {"otc reconcile billing"}, o);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()) == "2 bad rows; nothing was reconciled");
    CHECK(e.kind() == core::ErrorKind::kInput);
    REQUIRE(e.issues().size() == 2);
    CHECK(e.issues()[0].where.line == 2);
    CHECK(e.issues()[1].message == "amount is empty");
  }
  CHECK(test::audit_of(*s).empty());
}
