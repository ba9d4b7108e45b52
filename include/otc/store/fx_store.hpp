#pragma once
// The fx role of the ledger: the functional currency and rates to it (`otc fx import`).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"

namespace otc::store {

/// One stored rate: units of the functional currency per unit of `currency`, from `date`.
struct FxRateRecord {
  core::Date date;
  std::string currency;
  std::string rate;  ///< exact decimal text, normalised ("1.0825")
};

enum class FxPut { kAdded, kSame, kConflict };

class FxStore {
 public:
  virtual ~FxStore() = default;
  /// The ledger's functional currency (set by `otc init --functional`; USD when never set).
  virtual std::string functional_currency() = 0;
  virtual void set_functional_currency(std::string_view code) = 0;
  /// Adds a rate; the same (currency, date) with the same rate is kSame (nothing written), with
  /// another rate kConflict (nothing written; `existing` gets the stored rate).
  virtual FxPut put_fx_rate(const FxRateRecord& r, std::int64_t batch_id, std::string& existing) = 0;
  /// Every rate, by currency then date.
  virtual std::vector<FxRateRecord> fx_rates() = 0;
};

}  // namespace otc::store
