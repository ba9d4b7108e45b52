// The risk score's inputs from collections (issue 9's role): broken promises and open disputes.
#include <map>

#include "otc/import/collections_policy.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/ops/credit.hpp"

namespace otc::ops {

void add_collections_risk_inputs(store::LedgerStore& store, core::Date as_of, std::map<std::string, engine::RiskInput>& inputs) {
  // The book's promise outcomes are the one kept/broken rule (engine::evaluate_promises); its
  // policy only shapes dunning and owners, which the score does not use.
  const auto book = read_collections_book(store, as_of, import::default_collections_policy());
  const core::Date year_ago = as_of.add_days(-364);
  auto input = [&](const std::string& id) -> engine::RiskInput& {
    auto& in = inputs[id];
    in.customer_id = id;
    return in;
  };
  for (const auto& a : book.accounts)
    for (const auto& p : a.promises)
      if (p.outcome.status == engine::PromiseStatus::kBroken && p.record.due_date >= year_ago)
        ++input(a.customer.external_id).broken_promises;
  for (const auto& d : book.disputes) {
    if (!dispute_open_at(d, as_of)) continue;
    auto c = book.customers.find(d.customer_id);
    if (c != book.customers.end()) ++input(c->second.external_id).open_disputes;
  }
}

}  // namespace otc::ops
