// The backend-neutral part of the raw table copy (include/otc/store/table_copy.hpp).
#include "otc/store/table_copy.hpp"

#include <algorithm>
#include <set>

#include "otc/core/error.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::store {

TableCopy& table_copy(LedgerStore& store) {
  if (auto* t = dynamic_cast<TableCopy*>(&store)) return *t;
  throw core::Error(core::ErrorKind::kLedger, "this ledger's backend cannot copy its tables (otc migrate)");
}

std::vector<CopyTable> dependency_order(std::vector<CopyTable> tables) {
  std::set<std::string> names;
  for (const auto& t : tables) names.insert(t.name);
  std::vector<CopyTable> out;
  std::set<std::string> placed;
  while (!tables.empty()) {
    auto ready = std::find_if(tables.begin(), tables.end(), [&](const CopyTable& t) {
      return std::all_of(t.references.begin(), t.references.end(), [&](const std::string& r) {
        return r == t.name || !names.count(r) || placed.count(r);
      });
    });
    if (ready == tables.end())
      throw core::Error(core::ErrorKind::kLedger, "the ledger's tables reference each other in a cycle (starting at " +
                                                      tables.front().name + "); cannot order the copy");
    placed.insert(ready->name);
    out.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return out;
}

}  // namespace otc::store
