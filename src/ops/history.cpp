#include "otc/ops/history.hpp"

#include <algorithm>
#include <tuple>

#include "otc/core/error.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

namespace {
int kind_order(const std::string& k) {
  static const char* kOrder[] = {"invoice", "payment", "application", "unapply", "credit", "adjustment", "write-off", "void",
                                 "dispute", "dispute-resolved", "promise", "note", "dunning"};
  for (int i = 0; i < 13; ++i)
    if (k == kOrder[i]) return i;
  return 99;
}
}  // namespace

std::vector<store::CustomerEvent> customer_history(store::LedgerStore& store, const std::string& customer,
                                                   std::optional<core::Date> since, core::Date as_of) {
  store::ReadTransaction tx(store);
  auto c = store.find_customer_contact(customer);
  if (!c) throw core::Error(core::ErrorKind::kNotFound, "no customer '" + customer + "' in the ledger");
  auto all = store.customer_events(c->id);
  tx.end();
  std::vector<store::CustomerEvent> out;
  for (auto& e : all)
    if (e.date <= as_of && (!since || e.date >= *since)) out.push_back(std::move(e));
  std::stable_sort(out.begin(), out.end(), [](const store::CustomerEvent& a, const store::CustomerEvent& b) {
    int ka = kind_order(a.kind), kb = kind_order(b.kind);
    if (a.date != b.date) return a.date < b.date;
    if (ka != kb) return ka < kb;
    if (a.id.size() != b.id.size()) return a.id.size() < b.id.size();  // numeric ids in number order
    return a.id < b.id;
  });
  return out;
}

}  // namespace otc::ops
