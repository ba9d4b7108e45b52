#pragma once
// The ledger as use cases see it: backend-neutral role interfaces (parties, documents, cash,
// balances, periods, billing, audit, fx, collections, credit), all sharing one transaction. A use case takes the roles it
// needs (`store::CashStore&`, ...) or the whole `LedgerStore&`. SQLite implements it
// (sqlite_store.hpp, src/store/sqlite/); a server database implements the same interfaces.
#include <cstdint>
#include <memory>
#include <string_view>

#include "otc/store/audit_store.hpp"
#include "otc/store/balances_store.hpp"
#include "otc/store/billing_role.hpp"
#include "otc/store/cash_store.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/credit_store.hpp"
#include "otc/store/documents_store.hpp"
#include "otc/store/fx_store.hpp"
#include "otc/store/parties_store.hpp"
#include "otc/store/periods_store.hpp"
#include "otc/store/records.hpp"

namespace otc::store {

/// Schema version this program writes; a ledger with a newer one is refused.
inline constexpr int kSchemaVersion = 1;
/// PRAGMA application_id marking a file as an otc ledger ("OTC1").
inline constexpr std::int32_t kApplicationId = 0x4F544331;

class LedgerStore : public PartiesStore,
                    public DocumentsStore,
                    public CashStore,
                    public BalancesStore,
                    public PeriodsStore,
                    public BillingStore,
                    public AuditStore,
                    public FxStore,
                    public CollectionsStore,
                    public CreditStore {
 public:
  ~LedgerStore() override = default;

  // Transactions, shared by every role. A write transaction takes the writer lock at once (waits
  // for another writer, up to the busy timeout) so that two commands never interleave their
  // writes. Use cases use store::WriteTransaction / ReadTransaction (transaction.hpp).
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  /// A file import of `kind` rows ("invoices", "payments", ...), about `expected_rows` of them:
  /// called just before its write transaction begins; end_bulk_import() inside it once the rows
  /// are written. In between only the import's own reads and writes run, so a backend may
  /// prepare for a large load (index upkeep after it, writes ordered by key); every read in
  /// between must still see every write; commit or rollback ends it. Default: nothing (each
  /// write lands at once).
  virtual void begin_bulk_import(std::string_view kind, std::int64_t expected_rows) {
    (void)kind;
    (void)expected_rows;
  }
  virtual void end_bulk_import() {}
};

}  // namespace otc::store
