#include "otc/ops/dso.hpp"

#include <algorithm>
#include <map>

#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

std::string dso_total_name(const engine::DsoRow& g, const char* figure) {
  return std::string(figure) + " of " + (g.customer_id.empty() ? std::string("the portfolio") : "customer " + g.customer_id) + " in " +
         std::string(g.currency.view());
}

}  // namespace

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

  store.for_each_open_run(d, [&](const domain::OpenItemRun& run) {
    auto& g = group(std::string(run.customer_external_id), std::string(run.customer_name), run.currency);
    for (std::size_t i = 0; i < run.count; ++i) {
      const auto& item = run.items[i];
      g.in.open_ar = core::checked_total(g.in.open_ar, item.open_minor, [&] { return dso_total_name(g, "open AR"); });
      if (item.due_date >= d)
        g.in.current_ar = core::checked_total(g.in.current_ar, item.open_minor, [&] { return dso_total_name(g, "current AR"); });
    }
  });
  store.for_each_open_run(start, [&](const domain::OpenItemRun& run) {
    auto& g = group(std::string(run.customer_external_id), std::string(run.customer_name), run.currency);
    for (std::size_t i = 0; i < run.count; ++i)
      g.in.open_ar_start = core::checked_total(g.in.open_ar_start, run.items[i].open_minor, [&] { return dso_total_name(g, "opening AR"); });
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
    if (s.invoice_date >= window_from)
      g_last->in.credit_sales = core::checked_total(g_last->in.credit_sales, s.total_minor, [&] { return dso_total_name(*g_last, "credit sales"); });
    int idx = engine::countback_month_index(d, s.invoice_date);
    if (idx >= 0 && idx < kCountbackMonths) {
      auto& m = g_last->in.months[static_cast<std::size_t>(idx)];
      m.sales_minor = core::checked_total(m.sales_minor, s.total_minor, [&] { return dso_total_name(*g_last, "monthly sales"); });
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
