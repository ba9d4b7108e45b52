#include "otc/ops/kpi.hpp"

#include <map>
#include <tuple>

#include "otc/ops/dso.hpp"
#include "otc/store/credit_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

std::vector<engine::KpiRow> kpi_report(store::LedgerStore& store, const KpiOptions& o) {
  // One month more than shown: the first shown month's days-to-pay trend needs the month before.
  const auto months = engine::kpi_months(o.as_of, o.months + 1);
  if (months.empty()) return {};
  using Key = std::tuple<std::string, std::string, std::size_t>;  // customer, currency, month index
  std::map<Key, engine::KpiRow> rows;
  auto row = [&](std::size_t m, const std::string& cust, const std::string& name, const core::Currency& ccy) -> engine::KpiRow& {
    Key key{o.by_customer ? cust : std::string(), std::string(ccy.view()), m};
    auto it = rows.find(key);
    if (it == rows.end()) {
      engine::KpiRow r;
      r.month = months[m].name;
      r.customer_id = std::get<0>(key);
      r.customer_name = o.by_customer ? name : std::string();
      r.currency = ccy;
      r.in.month_start = months[m].first;
      r.in.as_of = months[m].as_of;
      r.in.dso.window_days = o.window_days;
      it = rows.emplace(std::move(key), std::move(r)).first;
    }
    return it->second;
  };
  auto month_of = [&](core::Date d) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < months.size(); ++i)
      if (d >= months[i].first && d <= months[i].as_of) return i;
    return std::nullopt;
  };

  store::ReadTransaction tx(store);
  // Opening AR of the oldest month; the others open with the month before's closing open AR.
  store.for_each_open_item(months[0].first.add_days(-1), [&](const domain::OpenItem& item) {
    auto& r = row(0, item.customer_external_id, item.customer_name, item.currency);
    r.in.opening_ar = core::checked_add(r.in.opening_ar, item.open_minor);
  });
  for (std::size_t m = 0; m < months.size(); ++m) {
    for (auto& d : dso_rows(store, {months[m].as_of, o.window_days, o.by_customer})) {
      auto& r = row(m, d.customer_id, d.customer_name, d.currency);
      r.in.dso = d.in;
      if (m + 1 < months.size()) {
        auto& next = row(m + 1, d.customer_id, d.customer_name, d.currency);
        next.in.opening_ar = d.in.open_ar;
      }
    }
    store.for_each_invoice_total(months[m].first, months[m].as_of, [&](const store::InvoiceTotal& t) {
      auto& r = row(m, *t.customer_external_id, *t.customer_name, t.currency);
      r.in.billed = core::checked_add(r.in.billed, t.total_minor);
    });
  }
  store.for_each_cash_application(months.front().first, months.back().as_of, [&](const store::CashApplicationFact& a) {
    auto m = month_of(a.applied_on);
    if (!m) return;
    auto& r = row(*m, *a.customer_external_id, *a.customer_name, a.currency);
    r.in.collected = core::checked_add(r.in.collected, a.amount_minor);
    engine::add_days_to_pay(r.in, a.amount_minor, a.invoice_date, a.received_date);
  });
  tx.end();

  std::vector<engine::KpiRow> out;
  out.reserve(rows.size());
  for (auto& [key, r] : rows) {
    if (r.in.dso.months.empty()) r.in.dso.months = engine::countback_months(r.in.as_of, kCountbackMonths);
    r.result = engine::compute_kpi(r.in);
    out.push_back(std::move(r));
  }
  engine::apply_trends(out);
  std::erase_if(out, [&](const engine::KpiRow& r) { return r.month == months.front().name; });
  return out;
}

}  // namespace otc::ops
