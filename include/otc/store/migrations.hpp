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

}  // namespace otc::store
