#include "otc/ops/aging.hpp"

#include "otc/ops/collect_book.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

engine::AgingAccumulator age_open_items(store::LedgerStore& store, const AgingOptions& o) {
  engine::AgingAccumulator acc(o.buckets, o.as_of, o.by_invoice);
  if (o.separate_disputes) {
    std::unordered_map<std::int64_t, std::int64_t> disputed;
    for (const auto& d : store::collections(store).disputes(o.as_of))
      if (dispute_open_at(d, o.as_of)) disputed[d.invoice_id] += d.amount_minor;
    acc.separate_disputes(std::move(disputed));
  }
  store.for_each_open_item(o.as_of, [&](const domain::OpenItem& item) { acc.add(item); });
  store.for_each_unapplied(o.as_of, [&](const domain::UnappliedCredit& c) { acc.add(c); });
  return acc;
}

engine::AgingAccumulator aging_report(store::LedgerStore& store, const AgingOptions& o) {
  store::ReadTransaction tx(store);
  auto acc = age_open_items(store, o);
  tx.end();
  return acc;
}

}  // namespace otc::ops
