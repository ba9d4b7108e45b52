#pragma once
// One metered usage event as exported by the product's metering system.
#include <cstdint>
#include <string>

#include "otc/core/date.hpp"
#include "otc/domain/contract.hpp"

namespace otc::domain {

struct UsageRecord {
  std::string event_id;     ///< unique per event; the same id twice is one event
  std::string contract_id;  ///< empty: the record names only a customer, matched by metric
  std::string line_id;      ///< optional, narrows a contract to one line
  std::string customer;
  std::string metric;
  core::Date date;
  std::int64_t quantity = 0;  ///< scaled by kDecimalScale; negative = a correction
  std::string source_file;
  long source_line = 0;
};

/// Whether `record` is usage of `line`: by contract id (and line id / metric when the record
/// gives them), or, for a record naming only a customer, by customer and metric.
bool usage_applies_to(const ContractLine& line, const UsageRecord& record);

}  // namespace otc::domain
