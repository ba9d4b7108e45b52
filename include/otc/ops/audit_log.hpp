#pragma once
// `otc log`: the audit trail, oldest first, filtered by date and command line, streamed in one
// read transaction.
#include <functional>
#include <string>

#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct AuditLogFilter {
  std::string since;    ///< YYYY-MM-DD (UTC) or empty: entries on or after it
  std::string command;  ///< text the command line contains, or empty
};

void read_audit_log(store::LedgerStore& store, const AuditLogFilter& filter,
                    const std::function<void(const store::AuditRecord&)>& each);

/// `otc log show BATCH`: every record the batch wrote, in one read transaction. Throws
/// core::Error(kNotFound) when the ledger has no such batch.
store::BatchInfo read_batch(store::LedgerStore& store, std::int64_t batch_id,
                            const std::function<void(const store::BatchRecord&)>& each);

}  // namespace otc::ops
