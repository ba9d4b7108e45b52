#pragma once
// Record types more than one store role uses.
#include <cstdint>
#include <string>

namespace otc::store {

enum class PutOutcome { kInserted, kUnchanged, kConflict };

/// Result of storing a record keyed by its external id.
struct PutResult {
  PutOutcome outcome = PutOutcome::kInserted;
  std::int64_t id = 0;
  std::string existing_file;  ///< for a conflict: where the stored record came from
  long existing_line = 0;
};

}  // namespace otc::store
