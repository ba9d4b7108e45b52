#pragma once
// A book of contract lines (one customer's, or a whole data set) as the billing engine's per-line
// inputs: each contract line's versions, its billed charges, and the usage records that belong to
// it. The usage-to-line assignment rule: a record naming a contract (and line) goes to that
// contract's line; a record naming only the customer goes to exactly one line: the first, by
// contract id then line id, of a usage model with the record's metric that is in service on the
// record's date (else the first such line, which counts it as out of service).
#include <cstdint>
#include <span>
#include <vector>

#include "otc/engine/billing.hpp"

namespace otc::engine {

class LineBook {
 public:
  /// Sorts `versions` by contract, line and effective date (base first) and splits them into
  /// per-line inputs, moving each of `usage` to its line; replaces what was loaded before (keeping
  /// its memory for the next customer). `versions` must outlive the inputs.
  void load(std::vector<domain::ContractLine>& versions, std::vector<domain::UsageRecord>& usage,
            std::span<const BilledCharge> billed);
  const std::vector<LineInput>& inputs() const { return inputs_; }
  /// Usage records of the last load() that belong to no line.
  std::int64_t unassigned_usage() const { return unassigned_; }

 private:
  std::vector<std::span<const domain::ContractLine>> lines_;
  std::vector<LineInput> inputs_;
  std::vector<std::vector<domain::UsageRecord>> usage_;
  std::vector<std::vector<ChargeKey>> billed_;
  std::int64_t unassigned_ = 0;
};

/// The line (index into `lines`, each a line's versions sorted base first, lines in contract, line
/// order) that usage record `r` belongs to, by the rule above; none when no line takes it.
std::optional<std::size_t> line_for_usage(std::span<const std::span<const domain::ContractLine>> lines,
                                          const domain::UsageRecord& r);

}  // namespace otc::engine
