#pragma once
// Shared by the reconcile use-case tests: input files in the temporary directory and the audit trail.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "otc/store/ledger_store.hpp"

namespace otc::test {

/// Writes `text` to a file named `name` in the temporary directory; returns its path.
inline std::string write_input(const std::string& name, const std::string& text) {
  auto path = (std::filesystem::temp_directory_path() / ("otc-ops-reconcile-" + name)).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

inline std::vector<store::AuditRecord> audit_of(store::LedgerStore& s) {
  std::vector<store::AuditRecord> out;
  s.for_each_audit("", "", [&](const store::AuditRecord& r) { out.push_back(r); });
  return out;
}

}  // namespace otc::test
