#pragma once
// The periods role of the ledger: period locks. A locked period refuses every posting dated in it
// (enforced by the store: every writer calls ensure_period_open).
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"

namespace otc::store {

class PeriodsStore {
 public:
  virtual ~PeriodsStore() = default;

  /// True when `period` or a later one is closed (closing a period locks every earlier date).
  virtual bool period_locked(std::string_view period) = 0;
  /// The closed periods from `period` onwards, oldest first (what reopening `period` reopens).
  virtual std::vector<std::string> closed_periods_from(std::string_view period) = 0;
  /// Throws otc::core::Error (kPeriodClosed, "... falls in a closed period") when `d` is in a
  /// locked period. Every writer calls it before posting anything dated `d`; `what` names the
  /// posting ("invoice date", "payment date", ...).
  virtual void ensure_period_open(core::Date d, std::string_view what) = 0;
  /// Locks `period` (and so every earlier date); unlocking reopens `period` and every later one.
  virtual void set_period_lock(std::string_view period, bool locked) = 0;
};

}  // namespace otc::store
