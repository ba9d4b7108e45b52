#pragma once
// What the billing use-case tests share: an in-memory ledger with the documented run example
// (docs/billing.md, "A second run bills nothing") imported through ops::import_contracts/usage.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "otc/ops/import_contracts.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

namespace billing_test {

using namespace otc;

inline core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }

inline std::string fixture(const std::string& name) {
  return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/billing/" + name;
}

inline import::ImportOptions import_options(const char* kind, const std::string& file) {
  import::ImportOptions o;
  o.kind = kind;
  o.path = fixture(file);
  o.display_name = file;
  o.sha256 = "sha-of-" + file;
  o.command_line = "otc import " + std::string(kind) + " " + file;
  return o;
}

struct Ledger {
  std::unique_ptr<store::LedgerStore> store = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::BillingStore* billing = store.get();
  std::vector<std::string> issues;

  import::IssueSink sink() {
    return [this](const core::SourceLocation& w, const std::string& m) {
      issues.push_back(core::format_location(w) + ": " + m);
    };
  }

  /// Imports contracts and usage files in one committed transaction each, as `otc import` does.
  void import(const char* kind, const std::string& file) {
    store::WriteTransaction tx(*store);
    auto opt = import_options(kind, file);
    auto sum = std::string(kind) == "usage" ? ops::import_usage(*store, *billing, opt, sink())
                                             : ops::import_contracts(*store, *billing, opt, sink());
    REQUIRE(sum.rejected == 0);
    tx.commit();
  }

  /// The run example of docs/billing.md: an annual contract, 10 seats upgraded to 15 on
  /// 2026-02-10, usage at 1.00 a unit (30 in January, 5 in February).
  void run_example() {
    import("contracts", "run_example.csv");
    import("usage", "run_example_usage.csv");
  }

  std::vector<store::AuditRecord> audit(std::string_view action) {
    std::vector<store::AuditRecord> out;
    store->for_each_audit("", "", [&](const store::AuditRecord& r) {
      if (r.entry.action == action) out.push_back(r);
    });
    return out;
  }

  store::IssuedInvoice invoice(const std::string& number) {
    auto inv = billing->find_issued_invoice(number);
    REQUIRE(inv);
    return *inv;
  }
};

inline const ops::Invocation kCall{"otc test"};

}  // namespace billing_test
