#pragma once
// What the ops tests share: an in-memory ledger, CSV files in a scratch directory, imports.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/ops/import.hpp"
#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::test {

/// A scratch directory removed at the end of the test.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("otc-ops-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string& name, const std::string& text) const {
    std::string p = (path / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

struct Ledger {
  std::unique_ptr<store::LedgerStore> store = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  ScratchDir dir;
  std::vector<core::Issue> issues;  ///< bad rows reported by the last imports

  /// Imports `text` as a file named `name`; `sha` stands for the file's checksum.
  ops::ImportResult import(const std::string& kind, const std::string& name, const std::string& text,
                           const std::string& sha = {}, bool skip_bad = false, bool dry_run = false) {
    import::ImportOptions o;
    o.kind = kind;
    o.path = dir.file(name, text);
    o.display_name = name;
    o.sha256 = sha.empty() ? "sha-of-" + name : sha;
    o.settings.default_currency = "USD";
    o.skip_bad = skip_bad;
    if (skip_bad) o.rejects_path = dir / (name + ".rejects.csv");
    return ops::import_records(*store, ops::Invocation{"otc test"}, o, dry_run,
                               [this](const core::SourceLocation& w, const std::string& m) { issues.push_back({w, m}); });
  }

  /// Open AR per currency as of a date, in minor units.
  std::map<std::string, std::int64_t> open_ar(core::Date as_of) {
    std::map<std::string, std::int64_t> out;
    store::ReadTransaction tx(*store);
    store->for_each_open_item(as_of, [&](const domain::OpenItem& i) { out[std::string(i.currency.view())] += i.open_minor; });
    tx.end();
    return out;
  }
  long count(const char* table) {
    long n = 0;
    store::ReadTransaction tx(*store);
    if (std::string(table) == "customers") store->for_each_customer([&](const store::CustomerRecord&) { ++n; });
    else store->for_each_open_item(core::Date::from_days(1 << 24), [&](const domain::OpenItem&) { ++n; });
    tx.end();
    return n;
  }
};

inline core::Date date(int y, int m, int d) { return *core::Date::from_ymd(y, m, d); }

inline const char* kInvoices =
    "invoice_id,customer_id,customer_name,invoice_date,due_date,amount,currency\n"
    "INV-1,C1,Acme Corp,2026-08-01,2026-08-31,\"1,000.00\",USD\n"
    "INV-2,C1,Acme Corp,2026-09-15,2026-10-15,500.00,USD\n"
    "INV-3,C2,\"Beta, Inc.\",2026-10-01,2026-10-31,250.50,EUR\n"
    "INV-4,C2,\"Beta, Inc.\",2026-06-01,2026-07-01,\"$1,200.00\",USD\n";

inline const char* kPayments =
    "payment_id,customer_id,payment_date,amount,currency,invoice_id,applied_amount\n"
    "P1,C1,2026-09-10,400.00,USD,INV-1,\n"
    "P2,C2,2026-10-20,50.00,EUR,,\n"
    "P3,C2,2026-10-05,900.00,USD,INV-4,\n"
    "P4,,2026-10-30,75.00,USD,,\n";

}  // namespace otc::test
