#include "otc/report/kpi_report.hpp"

namespace otc::report {

void write_kpi(RowSink& sink, const std::vector<engine::KpiRow>& rows, bool by_customer) {
  std::vector<Column> cols{{"month", CellKind::kText}, {"as_of", CellKind::kDate}};
  if (by_customer) {
    cols.push_back({"customer_id", CellKind::kText});
    cols.push_back({"customer_name", CellKind::kText});
  }
  cols.push_back({"currency", CellKind::kText});
  for (const char* name : {"opening_ar", "billed", "collected", "collection_rate_percent", "open_ar", "current_ar",
                           "past_due_ar", "past_due_percent", "window_days", "credit_sales", "dso", "countback_dso",
                           "best_possible_dso", "average_days_delinquent", "cei_percent", "avg_days_to_pay",
                           "avg_days_to_pay_trend"})
    cols.push_back({name, CellKind::kNumber});
  sink.begin(cols);
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? engine::format_hundredths(*v) : std::string(); };
  std::vector<std::string> cells;
  for (const auto& r : rows) {
    const int exp = r.currency.exponent;
    const auto& k = r.result;
    cells.clear();
    cells.push_back(r.month);
    cells.push_back(r.in.as_of.iso());
    if (by_customer) {
      cells.push_back(r.customer_id);
      cells.push_back(r.customer_name);
    }
    cells.push_back(std::string(r.currency.view()));
    for (std::int64_t v : {r.in.opening_ar, r.in.billed, r.in.collected}) cells.push_back(core::format_amount(v, exp));
    cells.push_back(opt(k.collection_rate_x100));
    for (std::int64_t v : {r.in.dso.open_ar, r.in.dso.current_ar, k.past_due_ar}) cells.push_back(core::format_amount(v, exp));
    cells.push_back(opt(k.past_due_x100));
    cells.push_back(std::to_string(r.in.dso.window_days));
    cells.push_back(core::format_amount(r.in.dso.credit_sales, exp));
    cells.push_back(opt(k.dso.dso_x100));
    cells.push_back(opt(k.dso.countback_x100));
    cells.push_back(opt(k.dso.best_possible_x100));
    cells.push_back(opt(k.dso.add_x100));
    cells.push_back(opt(k.dso.cei_x100));
    cells.push_back(opt(k.avg_days_to_pay_x100));
    cells.push_back(opt(k.avg_days_to_pay_trend_x100));
    sink.row(cells);
  }
  sink.end();
}

}  // namespace otc::report
