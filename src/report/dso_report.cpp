#include "otc/report/dso_report.hpp"

namespace otc::report {

void write_dso(RowSink& sink, const std::vector<engine::DsoRow>& rows, core::Date as_of, const std::string& method,
               int window_days, bool by_customer) {
  std::vector<Column> cols;
  // --format table drops, when too wide: as_of, method, window_days, then the window-start AR.
  cols.push_back({"as_of", CellKind::kDate, 1});
  if (by_customer) {
    cols.push_back({"customer_id", CellKind::kText});
    cols.push_back({"customer_name", CellKind::kText});
  }
  cols.push_back({"currency", CellKind::kText});
  cols.push_back({"method", CellKind::kText, 2});
  cols.push_back({"window_days", CellKind::kNumber, 3});
  cols.push_back({"open_ar", CellKind::kNumber});
  cols.push_back({"open_ar_at_window_start", CellKind::kNumber, 4});
  for (const char* name : {"current_ar", "credit_sales", "dso", "best_possible_dso", "average_days_delinquent", "cei_percent"})
    cols.push_back({name, CellKind::kNumber});

  sink.begin(cols);
  std::vector<std::string> cells;
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? engine::format_hundredths(*v) : std::string(); };
  const bool countback = method == "countback";
  for (const auto& g : rows) {
    const auto& r = g.result;
    const int exp = g.currency.exponent;
    cells.clear();
    cells.push_back(as_of.iso());
    if (by_customer) {
      cells.push_back(g.customer_id);
      cells.push_back(g.customer_name);
    }
    cells.push_back(std::string(g.currency.view()));
    cells.push_back(method);
    cells.push_back(std::to_string(window_days));
    for (std::int64_t v : {g.in.open_ar, g.in.open_ar_start, g.in.current_ar, g.in.credit_sales})
      cells.push_back(core::format_amount(v, exp));
    cells.push_back(opt(countback ? r.countback_x100 : r.dso_x100));
    cells.push_back(opt(r.best_possible_x100));
    cells.push_back(opt(r.add_x100));
    cells.push_back(opt(r.cei_x100));
    sink.row(cells);
  }
  sink.end();
}

}  // namespace otc::report
