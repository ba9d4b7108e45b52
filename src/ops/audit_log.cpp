#include "otc/ops/audit_log.hpp"

#include "otc/core/error.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

void read_audit_log(store::LedgerStore& store, const AuditLogFilter& filter,
                    const std::function<void(const store::AuditRecord&)>& each) {
  store::ReadTransaction tx(store);
  store.for_each_audit(filter.since, filter.command, each);
  tx.end();
}

store::BatchInfo read_batch(store::LedgerStore& store, std::int64_t batch_id,
                            const std::function<void(const store::BatchRecord&)>& each) {
  store::ReadTransaction tx(store);
  auto info = store.batch(batch_id);
  if (!info)
    throw core::Error(core::ErrorKind::kNotFound, "batch " + std::to_string(batch_id) + " is not in the ledger", {},
                      "`otc log` lists the batches (column batch)");
  store.for_each_batch_record(batch_id, each);
  tx.end();
  return *info;
}

}  // namespace otc::ops
