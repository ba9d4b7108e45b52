#pragma once
// Numbered schema migrations, embedded from src/store/migrations/NNNN_name.sql at build time.
#include <vector>

namespace otc::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

/// All migrations in ascending version order.
const std::vector<Migration>& migrations();
/// The same migrations written for PostgreSQL (src/store/migrations/pg/), same numbers and names.
const std::vector<Migration>& pg_migrations();

}  // namespace otc::store
