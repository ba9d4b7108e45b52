#include "otc/ops/rollforward.hpp"

#include <map>

#include "otc/core/error.hpp"

namespace otc::ops {

std::vector<engine::LedgerRollForward> ledger_rollforward(store::LedgerStore& store, core::Date from, core::Date to) {
  std::map<std::string, engine::LedgerRollForward> by_ccy;
  auto row = [&](const core::Currency& c) -> engine::LedgerRollForward& {
    auto& r = by_ccy[std::string(c.view())];
    r.currency = c;
    if (!r.closing) r.closing = 0;
    return r;
  };
  store.for_each_open_item(from.add_days(-1), [&](const domain::OpenItem& i) {
    auto& r = row(i.currency);
    r.opening = core::checked_total(r.opening, i.open_minor, [&] { return "opening AR in " + std::string(i.currency.view()); });
  });
  for (const auto& m : store.movements(from, to)) {
    auto& r = row(m.currency);
    r.invoiced = m.invoiced;
    r.collected = m.collected;
    r.credited = m.credited;
    r.written_off = m.written_off;
  }
  store.for_each_open_item(to, [&](const domain::OpenItem& i) {
    auto& r = row(i.currency);
    *r.closing = core::checked_total(*r.closing, i.open_minor, [&] { return "closing AR in " + std::string(i.currency.view()); });
  });
  std::vector<engine::LedgerRollForward> out;
  for (auto& [k, v] : by_ccy) out.push_back(v);
  return out;
}

}  // namespace otc::ops
