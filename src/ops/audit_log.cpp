#include "otc/ops/audit_log.hpp"

#include "otc/store/transaction.hpp"

namespace otc::ops {

void read_audit_log(store::LedgerStore& store, const AuditLogFilter& filter,
                    const std::function<void(const store::AuditRecord&)>& each) {
  store::ReadTransaction tx(store);
  store.for_each_audit(filter.since, filter.command, each);
  tx.end();
}

}  // namespace otc::ops
