#include "otc/engine/kpi.hpp"

#include <map>
#include <tuple>

#include "otc/core/period.hpp"
#include "otc/engine/cash_dates.hpp"

namespace otc::engine {

using core::divide_rounded;
using core::Rounding;

void add_days_to_pay(KpiInput& in, std::int64_t amount_minor, core::Date invoice_date, core::Date received) {
  const core::Date paid_on = application_date(received, invoice_date);
  in.paid_minor = core::checked_add(in.paid_minor, amount_minor);
  in.paid_minor_days += static_cast<__int128>(amount_minor) * paid_on.days_since(invoice_date);
}

KpiResult compute_kpi(const KpiInput& in) {
  KpiResult r;
  r.dso = compute_dso(in.dso);  // the one DSO/CEI/countback rule
  r.past_due_ar = core::checked_sub(in.dso.open_ar, in.dso.current_ar);
  const __int128 base = static_cast<__int128>(in.opening_ar) + in.billed;
  if (base > 0) r.collection_rate_x100 = divide_rounded(static_cast<__int128>(in.collected) * 10000, base, Rounding::kHalfUp);
  if (in.dso.open_ar > 0)
    r.past_due_x100 = divide_rounded(static_cast<__int128>(r.past_due_ar) * 10000, in.dso.open_ar, Rounding::kHalfUp);
  if (in.paid_minor > 0) r.avg_days_to_pay_x100 = divide_rounded(in.paid_minor_days * 100, in.paid_minor, Rounding::kHalfUp);
  return r;
}

void apply_trends(std::vector<KpiRow>& rows) {
  // The previous calendar month's row of the same customer and currency, if it has a figure.
  std::map<std::tuple<std::string, std::string, std::string>, const KpiRow*> by_key;
  for (const auto& row : rows) by_key[{row.customer_id, std::string(row.currency.view()), row.month}] = &row;
  for (auto& row : rows) {
    const core::Date before = row.in.month_start.add_days(-1);
    auto it = by_key.find({row.customer_id, std::string(row.currency.view()), core::period_of(before).name});
    if (it == by_key.end()) continue;
    const auto& prev = it->second->result.avg_days_to_pay_x100;
    const auto& cur = row.result.avg_days_to_pay_x100;
    if (prev && cur) row.result.avg_days_to_pay_trend_x100 = *cur - *prev;
  }
}

std::vector<KpiMonth> kpi_months(core::Date as_of, int count) {
  std::vector<KpiMonth> out;
  const core::Date first_of_month = *core::Date::from_ymd(as_of.year(), as_of.month(), 1);
  for (int i = count - 1; i >= 0; --i) {
    const auto p = core::period_of(first_of_month.add_months(-i));
    out.push_back({p.name, p.first, i == 0 ? as_of : p.last});
  }
  return out;
}

}  // namespace otc::engine
