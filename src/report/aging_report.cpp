#include "otc/report/aging_report.hpp"

#include "otc/core/money.hpp"

namespace otc::report {

namespace {

void write_rows(RowSink& sink, const engine::AgingBuckets& buckets, const std::vector<engine::AgingRow>& rows,
                const std::vector<engine::AgingRow>& total_rows, core::Date as_of, bool by_invoice, bool totals,
                const AgingFx* fx, bool disputed) {
  std::vector<Column> cols;
  // --format table drops, when too wide: as_of, invoice_date, unapplied_credit, customer_name
  // (docs/output-formats.md).
  cols.push_back({"as_of", CellKind::kDate, 1});
  cols.push_back({"customer_id", CellKind::kText});
  cols.push_back({"customer_name", CellKind::kText, 4});
  if (by_invoice) {
    cols.push_back({"invoice_id", CellKind::kText});
    cols.push_back({"invoice_date", CellKind::kDate, 2});
    cols.push_back({"due_date", CellKind::kDate});
    cols.push_back({buckets.basis == engine::AgingBasis::kDueDate ? "days_past_due" : "days_since_invoice", CellKind::kNumber});
  }
  cols.push_back({"currency", CellKind::kText});
  for (const auto& label : buckets.labels()) cols.push_back({label, CellKind::kNumber});
  if (disputed) cols.push_back({"disputed", CellKind::kNumber});
  cols.push_back({"open_total", CellKind::kNumber});
  cols.push_back({"unapplied_credit", CellKind::kNumber, 3});
  if (fx) {
    cols.push_back({"from_currency", CellKind::kText});
    cols.push_back({"fx_rate", CellKind::kNumber});
    cols.push_back({"rate_date", CellKind::kDate, 5});
  }
  sink.begin(cols);

  std::vector<std::string> cells;
  const std::string as_of_text = as_of.iso();
  std::size_t index = 0;
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
    if (disputed) cells.push_back(core::format_amount(r.disputed, r.exponent));
    cells.push_back(core::format_amount(r.open_total, r.exponent));
    cells.push_back(by_invoice && !total ? "" : core::format_amount(r.unapplied_credit, r.exponent));
    if (fx) {
      const bool row = !total && index < fx->from.size();
      cells.push_back(row ? fx->from[index] : "");
      cells.push_back(row ? fx->rate[index] : "");
      cells.push_back(row ? fx->rate_date[index] : "");
    }
    sink.row(cells);
    if (!total) ++index;
  };
  for (const auto& r : rows) emit(r, false);
  if (totals)
    for (const auto& r : total_rows) emit(r, true);
  sink.end();
}

}  // namespace

void write_aging(RowSink& sink, const engine::AgingAccumulator& acc, core::Date as_of, bool by_invoice, bool totals) {
  write_rows(sink, acc.buckets(), acc.rows(), totals ? acc.totals() : std::vector<engine::AgingRow>{}, as_of, by_invoice,
             totals, nullptr, acc.disputes_separate());
}

void write_aging_converted(RowSink& sink, const engine::AgingBuckets& buckets, const std::vector<engine::AgingRow>& rows,
                           const std::vector<engine::AgingRow>& total_rows, const AgingFx& fx, core::Date as_of,
                           bool by_invoice, bool totals) {
  write_rows(sink, buckets, rows, total_rows, as_of, by_invoice, totals, &fx, false);
}

}  // namespace otc::report
