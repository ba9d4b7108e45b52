// ops::import_contracts and ops::import_usage against an in-memory ledger: amendments,
// idempotency, conflicts named with both rows, and usage rows checked against the ledger.
#include "otc/ops/import_contracts.hpp"

#include <filesystem>
#include <fstream>

#include "invoice_support.hpp"

using namespace billing_test;

namespace {

/// A CSV file in the temporary directory, removed at the end of the test.
struct TempCsv {
  std::string path;
  TempCsv(const std::string& name, const std::string& text)
      : path((std::filesystem::temp_directory_path() / ("otc_ops_" + name)).string()) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempCsv() { std::filesystem::remove(path); }
};

import::ImportSummary import_file(Ledger& l, const char* kind, const TempCsv& f, const std::string& name) {
  store::WriteTransaction tx(*l.store);
  import::ImportOptions o;
  o.kind = kind;
  o.path = f.path;
  o.display_name = name;
  o.sha256 = "sha-of-" + name;
  o.command_line = "otc import";
  auto sum = std::string(kind) == "usage" ? ops::import_usage(*l.store, *l.billing, o, l.sink())
                                           : ops::import_contracts(*l.store, *l.billing, o, l.sink());
  if (sum.rejected == 0) tx.commit();
  return sum;
}

const char* kHeader = "contract_id,line_id,customer,product,start_date,effective_date,frequency,price_model,unit_price,quantity,currency\n";

}  // namespace

TEST_CASE("import_contracts: base rows, an amendment, the same file again", "[ops][import-contracts]") {
  Ledger l;
  TempCsv f("a.csv", std::string(kHeader) + "K-1,1,C1,Seats,2026-01-01,,monthly,per_seat,25.00,10,USD\n"
                                             "K-1,1,,,,2026-02-10,,,,15,\n");
  auto sum = import_file(l, "contracts", f, "a.csv");
  CHECK(l.issues.empty());
  CHECK(sum.rows_read == 2);
  CHECK(sum.inserted == 2);
  CHECK(sum.rejected == 0);
  auto ref = l.billing->find_contract_line("K-1", "1");
  REQUIRE(ref);
  std::vector<domain::ContractLine> versions;
  l.billing->load_versions(ref->id, versions);
  REQUIRE(versions.size() == 2);
  CHECK(versions[1].quantity == 15 * domain::kDecimalScale);
  CHECK(versions[1].unit_price_micros == 25'000'000);  // blank: kept from the base row
  CHECK(versions[1].net_days == 30);
  auto audit = l.audit("import");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].entry.detail == "2 rows read, 2 added, 0 unchanged, 0 rejected");
  CHECK(audit[0].entry.file_name == "a.csv");
  CHECK(audit[0].entry.sha256 == "sha-of-a.csv");

  CHECK(import_file(l, "contracts", f, "a.csv").already_imported);
  // The same rows in another file are unchanged.
  TempCsv g("b.csv", std::string(kHeader) + "K-1,1,C1,Seats,2026-01-01,,monthly,per_seat,25.00,10,USD\n");
  auto again = import_file(l, "contracts", g, "b.csv");
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 1);
}

TEST_CASE("import_contracts: conflicts and bad amendments are rejected at their column", "[ops][import-contracts]") {
  Ledger l;
  TempCsv f("a.csv", std::string(kHeader) + "K-1,1,C1,Seats,2026-01-01,,monthly,per_seat,25.00,10,USD\n");
  import_file(l, "contracts", f, "a.csv");
  TempCsv g("c.csv", std::string(kHeader) + "K-1,1,C1,Seats,2026-01-01,,monthly,per_seat,30.00,10,USD\n"
                                             "K-1,1,C2,,,2026-03-01,,,,12,\n"
                                             "K-2,1,C9,API,2026-01-01,,weekly,flat,1.00,,USD\n"
                                             "K-1,2,C2,Other,2026-01-01,,monthly,flat,1.00,,USD\n");
  auto sum = import_file(l, "contracts", g, "c.csv");
  CHECK(sum.rejected == 4);
  CHECK(l.issues == std::vector<std::string>{
                        "c.csv:2:1: contract K-1 line 1 is already in the ledger with different content (from a.csv:2)",
                        "c.csv:3:3: contract K-1 line 1: an amendment cannot change the customer",
                        "c.csv:4:7: frequency 'weekly' is not one of monthly, quarterly, semiannual, annual",
                        "c.csv:5:3: contract K-1 belongs to customer C1 (its other lines); all lines of a contract have one customer"});
  CHECK(!l.billing->find_contract_line("K-2", "1"));  // rolled back: nothing of c.csv was kept
}

TEST_CASE("import_usage: event ids once; rows name a known contract or a customer and metric", "[ops][import-contracts]") {
  Ledger l;
  l.import("contracts", "run_example.csv");
  TempCsv f("u.csv", "event_id,contract_id,line_id,customer,metric,quantity,usage_date\n"
                     "e1,K-300,,,,30,2026-01-10\n"
                     "e2,,,C1,API calls,5,2026-02-03\n"
                     "e2,,,C1,API calls,5,2026-02-03\n");
  auto sum = import_file(l, "usage", f, "u.csv");
  CHECK(l.issues.empty());
  CHECK(sum.inserted == 2);
  CHECK(sum.unchanged == 1);
  CHECK(l.audit("import").back().entry.detail == "3 rows read, 2 added, 1 duplicate event ids ignored, 0 rejected");

  TempCsv bad("v.csv", "event_id,contract_id,line_id,customer,metric,quantity,usage_date\n"
                       "e3,K-300,7,C2,,1,2026-01-11\n"
                       "e4,,1,,,1,2026-01-11\n"
                       "e5,,,,,1,01/11/2026\n");
  auto rejected = import_file(l, "usage", bad, "v.csv");
  CHECK(rejected.rejected == 3);
  CHECK(l.issues == std::vector<std::string>{
                        "v.csv:2:3: contract K-300 has no line '7'",
                        "v.csv:2:4: contract K-300 belongs to customer C1, not C2",
                        "v.csv:3:3: line_id '1' needs a contract_id",
                        "v.csv:4:7: usage_date '01/11/2026' is not a date (expected YYYY-MM-DD)",
                        "v.csv:4:4: the record names neither a contract_id nor a customer"});
}
