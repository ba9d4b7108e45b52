#pragma once
// Opening the ledger a command names: a PostgreSQL URI (postgresql://... or postgres://...,
// libpq's PGHOST, PGPASSFILE, ... apply as libpq does) opens the PostgreSQL backend in its own
// schema; anything else is a SQLite file (sqlite_store.hpp).
#include <memory>
#include <string>
#include <string_view>

#include "otc/store/ledger_store.hpp"
#include "otc/store/sqlite_store.hpp"

namespace otc::store {

struct StoreOptions {
  /// The PostgreSQL schema that holds the ledger (--pg-schema, $OTC_PG_SCHEMA; default otc).
  std::string pg_schema = "otc";
};

/// true for a postgresql:// or postgres:// URI.
bool is_postgres_spec(std::string_view spec);

/// Throws core::Error(kUsage) unless `name` is a plain identifier: a letter or _, then letters,
/// digits or _, at most 63 bytes, not starting with pg_.
void validate_pg_schema(std::string_view name);

/// Opens the ledger `spec` names (see above); OpenMode as open_sqlite_store.
std::unique_ptr<LedgerStore> open_store(const std::string& spec, OpenMode mode, const StoreOptions& options = {});

/// The schema version recorded in the ledger, either backend (0 if none); for `otc init`.
int ledger_schema_version(LedgerStore& store);

/// `spec` for messages: a URI's password replaced by ***.
std::string display_ledger(std::string_view spec);

}  // namespace otc::store
