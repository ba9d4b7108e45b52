#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/import/mapping.hpp"

#include <cstdio>
#include <fstream>

using namespace otc;
using import::ColumnMap;

namespace {
std::vector<int> indices(const ColumnMap& m, std::initializer_list<const char*> fields) {
  std::vector<int> out;
  for (const char* f : fields) out.push_back(m.index(f));
  return out;
}
}  // namespace

TEST_CASE("mapping: the fields of a record kind, in resolution order", "[import][mapping]") {
  const auto& f = import::fields_of("customers");
  REQUIRE(f.size() == 7);
  CHECK(f[0].name == "customer_id");
  CHECK(f[0].required);
  CHECK(f[0].meaning == "the customer's id in the source system");
  CHECK(f[6].name == "bank_account");
  CHECK_FALSE(f[6].required);
  const auto& crm = import::fields_of("crm_lines");
  const auto& erp = import::fields_of("erp_lines");
  CHECK(erp.size() == crm.size() + 2);
  CHECK(crm[7].name == "discount_percent");  // claims a percent column before discount looks
  CHECK(crm[8].name == "discount");
  CHECK_THROWS_AS(import::fields_of("widgets"), core::Error);
}

TEST_CASE("mapping: profile names first, then generic ones, then the canonical name", "[import][mapping]") {
  SECTION("netsuite payments: Document Number is the payment, Applied To the invoice") {
    auto m = ColumnMap::resolve("payments", "netsuite", nullptr, {"Date", "Document Number", "Applied To", "Amount", "Customer"},
                                "p.csv");
    CHECK(indices(m, {"payment_date", "payment_id", "invoice_id", "amount", "customer_id", "currency"}) ==
          std::vector<int>{0, 1, 2, 3, 4, -1});
  }
  SECTION("generic invoices, any spelling; a column serves one field only") {
    auto m = ColumnMap::resolve("invoices", "generic", nullptr, {"Invoice #", "Cust ID", "Date", "Due", "Total"}, "i.csv");
    CHECK(indices(m, {"invoice_id", "customer_id", "invoice_date", "due_date", "amount"}) == std::vector<int>{0, 1, 2, 3, 4});
  }
  SECTION("a mapping file names the column outright") {
    import::MappingFile mf;
    mf.columns = {{"invoice_id", "Ref"}, {"amount", "Gross"}};
    auto m = ColumnMap::resolve("invoices", "generic", &mf, {"Ref", "Customer", "Date", "Gross", "Invoice"}, "i.csv");
    CHECK(m.index("invoice_id") == 0);
    CHECK(m.index("amount") == 3);
    mf.columns = {{"amount", "Net"}};
    CHECK_THROWS_AS(ColumnMap::resolve("invoices", "generic", &mf, {"Ref"}, "i.csv"), core::Error);
  }
  SECTION("a missing required field is an input error at line 1") {
    try {
      ColumnMap::resolve("invoices", "quickbooks", nullptr, {"Num", "Customer", "Amount"}, "qb.csv");
      FAIL("no error");
    } catch (const core::Error& e) {
      CHECK(std::string(e.what()) == "no column for required field(s): invoice_date");
      CHECK(e.where().line == 1);
    }
  }
  CHECK_THROWS_AS(ColumnMap::resolve("invoices", "sap", nullptr, {"a"}, "x.csv"), core::Error);
}

TEST_CASE("mapping: currency = Header is a column, a code or name a default; value maps; header_row", "[import][mapping]") {
  const std::string path = "mapping_test_issue13.map";
  {
    std::ofstream f(path);
    f << "currency = Txn Currency   # the column\n"
         "header_row = 5\n"
         "value status \"Paid In Full\" = paid\n"
         "value currency \"Dollars\" = USD\n";
  }
  auto m = import::read_mapping_file(path);
  CHECK_FALSE(m.currency);
  REQUIRE(m.columns.size() == 1);
  CHECK(m.columns[0] == std::make_pair(std::string("currency"), std::string("Txn Currency")));
  CHECK(m.header_row == 5);
  CHECK(import::mapped_value(&m, "status", " paid in full ") == std::optional<std::string_view>("paid"));
  CHECK(import::mapped_value(&m, "currency", "Dollars") == std::optional<std::string_view>("USD"));
  CHECK_FALSE(import::mapped_value(&m, "currency", "Paid In Full"));
  {
    std::ofstream f(path);
    f << "currency = \"Euro\"\n";
  }
  CHECK(import::read_mapping_file(path).currency == std::optional<std::string>("EUR"));
  std::remove(path.c_str());
  // Salesforce report labels match by the label after the object name.
  auto cm = import::ColumnMap::resolve("invoices", "salesforce", nullptr,
                                       {"Invoice: Invoice Number", "Account: Account ID", "Invoice: Invoice Date",
                                        "Invoice: Total Amount", "Invoice: Balance"},
                                       "sf.csv");
  CHECK(cm.index("invoice_id") == 0);
  CHECK(cm.index("customer_id") == 1);
  CHECK(cm.index("invoice_date") == 2);
  CHECK(cm.index("amount") == 3);
  CHECK(cm.index("open_amount") == 4);
}
