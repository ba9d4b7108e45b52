#include "otc/store/credit_store.hpp"

#include "otc/core/error.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::store {

CreditStore& credit_store(LedgerStore& store) {
  if (auto* c = dynamic_cast<CreditStore*>(&store)) return *c;
  throw core::Error(core::ErrorKind::kLedger, "this ledger backend keeps no credit data (limits, holds, statements)");
}

}  // namespace otc::store
