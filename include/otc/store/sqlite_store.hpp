#pragma once
// The embedded default LedgerStore: one SQLite file in WAL mode.
#include <memory>
#include <string>

#include "otc/store/ledger_store.hpp"

namespace otc::store {

enum class OpenMode {
  kExisting,  ///< the ledger must exist and be an otc ledger
  kCreate,    ///< create it (or open an existing one) and apply pending migrations
  kReadOnly,  ///< reports: read-only; works on a read-only file, directory or mount (docs/output.md)
  kDryRun,    ///< --dry-run: read-write when the file can be written, else a scratch copy in memory
};

/// Opens (or creates) the SQLite ledger at `path` (":memory:" for tests), applies migrations in
/// one transaction, and refuses a ledger written by a newer otc.
std::unique_ptr<LedgerStore> open_sqlite_store(const std::string& path, OpenMode mode);

/// The schema version stored in an otc ledger file (0 if none); for `otc init` reporting.
int sqlite_schema_version(LedgerStore& store);

}  // namespace otc::store
