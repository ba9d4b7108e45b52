#include "otc/report/aging_report.hpp"

#include "otc/core/money.hpp"

namespace otc::report {

void write_aging(RowSink& sink, const engine::AgingAccumulator& acc, core::Date as_of, bool by_invoice, bool totals) {
  const auto& buckets = acc.buckets();
  std::vector<Column> cols;
  cols.push_back({"as_of", CellKind::kDate});
  cols.push_back({"customer_id", CellKind::kText});
  cols.push_back({"customer_name", CellKind::kText});
  if (by_invoice) {
    cols.push_back({"invoice_id", CellKind::kText});
    cols.push_back({"invoice_date", CellKind::kDate});
    cols.push_back({"due_date", CellKind::kDate});
    cols.push_back({buckets.basis == engine::AgingBasis::kDueDate ? "days_past_due" : "days_since_invoice", CellKind::kNumber});
  }
  cols.push_back({"currency", CellKind::kText});
  for (const auto& label : buckets.labels()) cols.push_back({label, CellKind::kNumber});
  if (acc.disputes_separate()) cols.push_back({"disputed", CellKind::kNumber});
  cols.push_back({"open_total", CellKind::kNumber});
  cols.push_back({"unapplied_credit", CellKind::kNumber});
  sink.begin(cols);

  std::vector<std::string> cells;
  const std::string as_of_text = as_of.iso();
  auto emit = [&](const engine::AgingRow& r, bool total) {
    cells.clear();
    cells.push_back(as_of_text);
    cells.push_back(total ? "TOTAL" : r.customer_external_id);
    cells.push_back(total ? "" : r.customer_name);
    if (by_invoice) {
      cells.push_back(total ? "" : r.invoice_external_id);
      cells.push_back(total ? "" : r.invoice_date.iso());
      cells.push_back(total ? "" : r.due_date.iso());
      cells.push_back(total ? "" : std::to_string(r.age_days));
    }
    cells.push_back(r.currency);
    for (auto v : r.buckets) cells.push_back(core::format_amount(v, r.exponent));
    if (acc.disputes_separate()) cells.push_back(core::format_amount(r.disputed, r.exponent));
    cells.push_back(core::format_amount(r.open_total, r.exponent));
    cells.push_back(by_invoice && !total ? "" : core::format_amount(r.unapplied_credit, r.exponent));
    sink.row(cells);
  };
  for (const auto& r : acc.rows()) emit(r, false);
  if (totals)
    for (const auto& r : acc.totals()) emit(r, true);
  sink.end();
}

}  // namespace otc::report
