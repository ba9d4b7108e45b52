#include "otc/ops/reconcile_common.hpp"

#include "otc/core/sha256.hpp"

namespace otc::ops {

void fail_on_bad_rows(std::vector<core::Issue> issues, const std::string& file) {
  if (issues.empty()) return;
  const std::size_t n = issues.size();
  throw core::Error(core::ErrorKind::kInput,
                    std::to_string(n) + (n == 1 ? " bad row" : " bad rows") + "; nothing was reconciled", {file},
                    "fix the rows (or name the columns with --map) and run again")
      .with_issues(std::move(issues));
}

store::AuditEntry reconcile_audit_entry(const Invocation& inv, std::string what, std::string id, std::string summary,
                                        const std::vector<std::string>& files) {
  store::AuditEntry e = audit_entry(inv, "reconcile", std::move(what), std::move(id), std::move(summary));
  std::string names, sums;
  for (const auto& f : files) {
    if (!names.empty()) names += ';', sums += ';';
    names += f;
    sums += f == "-" ? std::string() : core::sha256_file(f);
  }
  e.file_name = names;
  e.sha256 = sums;
  return e;
}

}  // namespace otc::ops
