// BalancesStore's default grouping of open items into runs, for stores that keep no grouped form.
#include "otc/store/balances_store.hpp"

#include <vector>

namespace otc::store {

void BalancesStore::for_each_open_run(core::Date as_of, const std::function<void(const domain::OpenItemRun&)>& fn) {
  // Consecutive items of one customer and currency make one run (a store that streams items
  // in id order gives short runs: still correct, the runs of a customer are summed by the reader).
  std::vector<domain::OpenAmount> items;
  std::string customer, name;
  domain::OpenItemRun run;
  auto emit = [&] {
    if (items.empty()) return;
    run.customer_external_id = customer;
    run.customer_name = name;
    run.items = items.data();
    run.count = items.size();
    fn(run);
    items.clear();
  };
  for_each_open_item_unordered(as_of, [&](const domain::OpenItem& i) {
    if (items.empty() || i.customer_id != run.customer_id || i.customer_external_id != customer || i.currency.view() != run.currency.view()) {
      emit();
      run.customer_id = i.customer_id;
      run.currency = i.currency;
      customer.assign(i.customer_external_id);
      name.assign(i.customer_name);
    }
    items.push_back({i.invoice_id, i.invoice_date, i.due_date, i.open_minor});
  });
  emit();
}

}  // namespace otc::store
