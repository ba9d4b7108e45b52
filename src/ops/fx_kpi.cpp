// `otc kpi --in CCY`: the monthly KPIs with every currency converted at the as-of date's rates and
// summed, then computed by the same engine (engine::compute_kpi) as the unconverted ones.
#include <limits>
#include <map>
#include <tuple>

#include "otc/engine/fx.hpp"
#include "otc/ops/fx.hpp"
#include "otc/ops/kpi.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

ConvertedKpi kpi_report_in(store::LedgerStore& store, const KpiOptions& o, const std::string& in) {
  const core::Currency target = currency_option(in, "--in");
  auto rows = kpi_report(store, o);
  store::ReadTransaction tx(store);
  FxBook fx = load_fx(store);
  tx.end();
  ConvertedKpi out;
  std::map<std::string, engine::CrossRate> rates;
  std::map<std::tuple<std::string, std::string>, engine::KpiRow> merged;  // customer, month
  for (const auto& r : rows) {
    const std::string from(r.currency.view());
    auto it = rates.find(from);
    if (it == rates.end()) it = rates.emplace(from, fx.rate(from, target.view(), o.as_of)).first;
    const engine::CrossRate& rate = it->second;
    auto cv = [&](std::int64_t v) { return engine::convert(v, r.currency, target, rate, engine::kFxRounding); };
    engine::KpiInput c = r.in;
    c.opening_ar = cv(c.opening_ar);
    c.billed = cv(c.billed);
    c.collected = cv(c.collected);
    c.dso.open_ar = cv(c.dso.open_ar);
    c.dso.open_ar_start = cv(c.dso.open_ar_start);
    c.dso.current_ar = cv(c.dso.current_ar);
    c.dso.credit_sales = cv(c.dso.credit_sales);
    for (auto& m : c.dso.months) m.sales_minor = cv(m.sales_minor);
    c.paid_minor = cv(c.paid_minor);
    const bool fits = c.paid_minor_days <= std::numeric_limits<std::int64_t>::max() / 1000 &&
                      c.paid_minor_days >= std::numeric_limits<std::int64_t>::min() / 1000;
    c.paid_minor_days = fits ? cv(static_cast<std::int64_t>(r.in.paid_minor_days)) : 0;
    auto key = std::make_tuple(r.customer_id, r.month);
    auto m = merged.find(key);
    if (m == merged.end()) {
      engine::KpiRow k = r;
      k.currency = target;
      k.in = c;
      merged.emplace(key, std::move(k));
      continue;
    }
    auto& t = m->second.in;
    t.opening_ar += c.opening_ar;
    t.billed += c.billed;
    t.collected += c.collected;
    t.dso.open_ar += c.dso.open_ar;
    t.dso.open_ar_start += c.dso.open_ar_start;
    t.dso.current_ar += c.dso.current_ar;
    t.dso.credit_sales += c.dso.credit_sales;
    for (std::size_t i = 0; i < t.dso.months.size() && i < c.dso.months.size(); ++i) t.dso.months[i].sales_minor += c.dso.months[i].sales_minor;
    t.paid_minor += c.paid_minor;
    t.paid_minor_days += c.paid_minor_days;
  }
  for (auto& [key, r] : merged) {
    r.result = engine::compute_kpi(r.in);
    out.rows.push_back(std::move(r));
  }
  engine::apply_trends(out.rows);
  for (const auto& [from, rate] : rates)
    if (from != target.view())
      out.rates.push_back(from + "\xE2\x86\x92" + std::string(target.view()) + " " + rate.text() + " (" + rate.date.iso() + ")");
  return out;
}

}  // namespace otc::ops
