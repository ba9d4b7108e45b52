// Chooses the backend from the ledger spec (include/otc/store/open_store.hpp).
#include "otc/store/open_store.hpp"

#include "otc/core/error.hpp"
#include "pg/pg_db.hpp"
#include "pg/pg_ledger.hpp"

namespace otc::store {

bool is_postgres_spec(std::string_view spec) {
  return spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0;
}

void validate_pg_schema(std::string_view name) {
  auto bad = [&](const char* why) {
    throw core::Error(core::ErrorKind::kUsage, "--pg-schema '" + std::string(name) + "' " + why, {},
                      "a schema name is a letter or _, then letters, digits or _ (e.g. otc, ar_ledger)");
  };
  if (name.empty()) bad("is empty");
  if (name.size() > 63) bad("is longer than 63 bytes");
  if (name.rfind("pg_", 0) == 0) bad("starts with pg_ (reserved by PostgreSQL)");
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) bad("is not an identifier");
  }
}

std::unique_ptr<LedgerStore> open_store(const std::string& spec, OpenMode mode, const StoreOptions& options) {
  if (!is_postgres_spec(spec)) return open_sqlite_store(spec, mode);
  validate_pg_schema(options.pg_schema);
  // A dry run writes and rolls back in its own transaction: the server ledger opens as usual.
  const OpenMode m = mode == OpenMode::kDryRun ? OpenMode::kExisting : mode;
  return std::make_unique<pg::PgLedger>(spec, options.pg_schema, m);
}

int ledger_schema_version(LedgerStore& store) {
  if (auto* p = dynamic_cast<pg::PgLedger*>(&store)) return p->schema_version();
  return sqlite_schema_version(store);
}

std::string display_ledger(std::string_view spec) {
  return is_postgres_spec(spec) ? pg::redact_conninfo(spec) : std::string(spec);
}

}  // namespace otc::store
