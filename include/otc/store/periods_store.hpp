#pragma once
// The periods role of the ledger: period locks. A locked period refuses every posting dated in it
// (enforced by the store: every writer calls ensure_period_open).
#include <string_view>

#include "otc/core/date.hpp"

namespace otc::store {

class PeriodsStore {
 public:
  virtual ~PeriodsStore() = default;

  virtual bool period_locked(std::string_view period) = 0;
  /// Throws otc::core::Error (kPeriodClosed, "... falls in a closed period") when `d` is in a
  /// locked period. Every writer calls it before posting anything dated `d`; `what` names the
  /// posting ("invoice date", "payment date", ...).
  virtual void ensure_period_open(core::Date d, std::string_view what) = 0;
  virtual void set_period_lock(std::string_view period, bool locked) = 0;
};

}  // namespace otc::store
