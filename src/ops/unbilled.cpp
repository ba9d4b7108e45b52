#include "otc/ops/unbilled.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "otc/engine/billing_book.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

UnbilledResult unbilled_items(store::LedgerStore& store, const UnbilledOptions& options,
                              const std::function<void(const engine::UnbilledItem&)>& on_item) {
  store::BillingStore* billing = &store;
  UnbilledResult r;
  std::vector<engine::UnbilledItem> found;
  engine::LineBook lines;
  billing->for_each_customer_book(options.as_of, std::nullopt, [&](store::CustomerBook& book) {
    found.clear();
    lines.load(book.versions, book.usage, book.billed);
    for (const auto& input : lines.inputs()) engine::unbilled_for_line(input, options.as_of, options.billing, found);
    // Lines come in contract, line order; within a line, by charge key.
    std::stable_sort(found.begin(), found.end(), [](const engine::UnbilledItem& x, const engine::UnbilledItem& y) {
      if (x.contract_id != y.contract_id) return x.contract_id < y.contract_id;
      if (x.line_id != y.line_id) return x.line_id < y.line_id;
      return x.key < y.key;
    });
    for (const auto& it : found) {
      if (options.billable_only && !it.billable) continue;
      on_item(it);
      ++r.items;
    }
  });
  return r;
}

UnbilledResult unbilled(store::LedgerStore& store, const UnbilledOptions& options,
                        const std::function<void(const engine::UnbilledItem&)>& on_item) {
  store::ReadTransaction tx(store);
  auto r = unbilled_items(store, options, on_item);
  tx.end();
  return r;
}

}  // namespace otc::ops
