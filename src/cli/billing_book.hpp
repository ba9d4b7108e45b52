#pragma once
// One customer's book (store::CustomerBook) as the billing engine's per-line inputs: each contract
// line's versions, its billed charges, and the usage records that belong to it. A record naming
// a contract (and line) goes to that contract's line; a record naming only the customer goes to
// exactly one line: the first, by contract id then line id, of a usage model with the record's
// metric that is in service on the record's date (else the first such line, which counts it as
// out of service) -- the rule of engine::plan_billing, applied one customer at a time.
#include <vector>

#include "otc/engine/billing.hpp"
#include "otc/store/billing_store.hpp"

namespace otc::cli {

class BookLines {
 public:
  BookLines() = default;
  explicit BookLines(store::CustomerBook& book) { load(book); }
  /// Sorts `book`'s versions by contract, line and effective date (base first) and splits them
  /// into per-line inputs, replacing what was loaded before (keeping its memory for the next
  /// customer). `book` must outlive the inputs.
  void load(store::CustomerBook& book);
  const std::vector<engine::LineInput>& inputs() const { return inputs_; }

 private:
  std::vector<std::span<const domain::ContractLine>> lines_;
  std::vector<engine::LineInput> inputs_;
  std::vector<std::vector<domain::UsageRecord>> usage_;
  std::vector<std::vector<engine::ChargeKey>> billed_;
};

}  // namespace otc::cli
