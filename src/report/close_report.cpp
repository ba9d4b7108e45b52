#include "otc/report/close_report.hpp"

namespace otc::report {

void write_rollforward(RowSink& sink, const std::string& period, const std::vector<engine::LedgerRollForward>& rows) {
  sink.begin({{"period", CellKind::kText}, {"currency", CellKind::kText}, {"opening_ar", CellKind::kNumber},
              {"invoiced", CellKind::kNumber}, {"collected", CellKind::kNumber}, {"credited", CellKind::kNumber},
              {"written_off", CellKind::kNumber}, {"fx", CellKind::kNumber}, {"closing_ar", CellKind::kNumber},
              {"closing_by_formula", CellKind::kNumber}, {"difference", CellKind::kNumber}});
  std::vector<std::string> cells;
  for (const auto& r : rows) {
    const int e = r.currency.exponent;
    const std::int64_t closing = r.closing.value_or(r.computed_closing());
    cells = {period, std::string(r.currency.view())};
    for (std::int64_t v : {r.opening, r.invoiced, r.collected, r.credited, r.written_off, r.fx, closing, r.computed_closing(),
                           closing - r.computed_closing()})
      cells.push_back(core::format_amount(v, e));
    sink.row(cells);
  }
  sink.end();
}

}  // namespace otc::report
