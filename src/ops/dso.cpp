#include "otc/ops/dso.hpp"

#include <algorithm>
#include <map>

#include "otc/store/transaction.hpp"

namespace otc::ops {

std::vector<engine::DsoRow> dso_rows(store::LedgerStore& store, const DsoOptions& o) {
  using core::Date;
  const Date d = o.as_of;
  const Date start = d.add_days(-o.window_days);
  const Date window_from = start.add_days(1);
  const Date history_from = Date::from_ymd(d.year(), d.month(), 1)->add_months(-(kCountbackMonths - 1));
  const auto months = engine::countback_months(d, kCountbackMonths);

  std::map<std::pair<std::string, std::string>, engine::DsoRow> groups;
  auto group = [&](const std::string& cust, const std::string& name, const core::Currency& ccy) -> engine::DsoRow& {
    auto key = std::make_pair(o.by_customer ? cust : std::string(), std::string(ccy.view()));
    auto it = groups.find(key);
    if (it == groups.end()) {
      engine::DsoRow g;
      g.customer_id = key.first;
      g.customer_name = o.by_customer ? name : "";
      g.currency = ccy;
      g.in.window_days = o.window_days;
      g.in.months = months;
      it = groups.emplace(key, std::move(g)).first;
    }
    return it->second;
  };

  store.for_each_open_item(d, [&](const domain::OpenItem& item) {
    auto& g = group(item.customer_external_id, item.customer_name, item.currency);
    g.in.open_ar = core::checked_add(g.in.open_ar, item.open_minor);
    if (item.due_date >= d) g.in.current_ar = core::checked_add(g.in.current_ar, item.open_minor);
  });
  store.for_each_open_item(start, [&](const domain::OpenItem& item) {
    auto& g = group(item.customer_external_id, item.customer_name, item.currency);
    g.in.open_ar_start = core::checked_add(g.in.open_ar_start, item.open_minor);
  });
  // One pass over the invoices of the countback history gives both the window's credit sales
  // and each month's.
  engine::DsoRow* g_last = nullptr;
  std::int64_t last_customer = -1;
  std::string last_ccy;
  store.for_each_invoice_total(std::min(history_from, window_from), d, [&](const store::InvoiceTotal& s) {
    if (!g_last || s.customer_id != last_customer || s.currency.view() != last_ccy) {
      g_last = &group(*s.customer_external_id, *s.customer_name, s.currency);
      last_customer = s.customer_id;
      last_ccy.assign(s.currency.view());
    }
    if (s.invoice_date >= window_from) g_last->in.credit_sales = core::checked_add(g_last->in.credit_sales, s.total_minor);
    int idx = engine::countback_month_index(d, s.invoice_date);
    if (idx >= 0 && idx < kCountbackMonths) {
      auto& m = g_last->in.months[static_cast<std::size_t>(idx)];
      m.sales_minor = core::checked_add(m.sales_minor, s.total_minor);
    }
  });

  std::vector<engine::DsoRow> rows;
  rows.reserve(groups.size());
  for (auto& [key, g] : groups) {
    g.result = engine::compute_dso(g.in);
    rows.push_back(std::move(g));
  }
  return rows;
}

std::vector<engine::DsoRow> dso_report(store::LedgerStore& store, const DsoOptions& o) {
  store::ReadTransaction tx(store);
  auto rows = dso_rows(store, o);
  tx.end();
  return rows;
}

}  // namespace otc::ops
