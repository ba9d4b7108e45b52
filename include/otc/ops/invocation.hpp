#pragma once
// What every use case knows about how it was called: the command line for the audit trail.
// Use cases never read the clock, the environment or argv themselves; the command passes them in.
#include <cstdint>
#include <string>

#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct Invocation {
  std::string command_line;  ///< "otc apply-cash bank.bai2" (not argv[0]: independent of the install path)
};

/// The one audit-entry builder: who (the command line), what, on which record, and how.
store::AuditEntry audit_entry(const Invocation& inv, std::string action, std::string entity, std::string entity_id,
                              std::string detail);

/// The same for a change read from a file: its name, checksum and batch.
store::AuditEntry audit_entry_for_file(const Invocation& inv, std::string action, std::string entity, std::string detail,
                                       std::string file_name, std::string sha256, std::int64_t batch_id);

}  // namespace otc::ops
