// The risk score's inputs from collections (issue 9's role): broken promises and open disputes.
#include "otc/ops/credit.hpp"

namespace otc::ops {

void add_collections_risk_inputs(store::LedgerStore&, core::Date, std::map<std::string, engine::RiskInput>&) {
  // Wired once the collections role (promises, disputes) is merged: until then both count 0.
}

}  // namespace otc::ops
