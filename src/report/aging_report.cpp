#include "otc/report/aging_report.hpp"

#include "otc/core/money.hpp"

namespace otc::report {

namespace {

void write_rows(RowSink& sink, const engine::AgingBuckets& buckets, const std::vector<const engine::AgingRow*>& rows,
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

  // The cells are written in place row after row: their strings keep their buffers.
  std::vector<std::string> cells(cols.size());
  const std::string as_of_text = as_of.iso();
  std::size_t index = 0;
  auto emit = [&](const engine::AgingRow& r, bool total) {
    std::size_t c = 0;
    auto text = [&](std::string_view v) { cells[c++].assign(v); };
    auto amount = [&](std::int64_t v) {
      std::string& cell = cells[c++];
      cell.clear();
      core::append_amount(cell, v, r.exponent);
    };
    auto date = [&](core::Date d) {
      std::string& cell = cells[c++];
      cell.clear();
      d.append_iso(cell);
    };
    text(as_of_text);
    text(total ? std::string_view("TOTAL") : std::string_view(r.customer_external_id));
    text(total ? std::string_view() : std::string_view(r.customer_name));
    if (by_invoice) {
      if (total) {
        for (int i = 0; i < 4; ++i) text({});
      } else {
        text(r.invoice_external_id);
        date(r.invoice_date);
        date(r.due_date);
        text(std::to_string(r.age_days));
      }
    }
    text(r.currency);
    for (auto v : r.buckets) amount(v);
    if (disputed) amount(r.disputed);
    amount(r.open_total);
    if (by_invoice && !total) text({});
    else amount(r.unapplied_credit);
    if (fx) {
      const bool row = !total && index < fx->from.size();
      text(row ? std::string_view(fx->from[index]) : std::string_view());
      text(row ? std::string_view(fx->rate[index]) : std::string_view());
      text(row ? std::string_view(fx->rate_date[index]) : std::string_view());
    }
    sink.row(cells);
    if (!total) ++index;
  };
  for (const engine::AgingRow* r : rows) emit(*r, false);
  if (totals)
    for (const auto& r : total_rows) emit(r, true);
  sink.end();
}

}  // namespace

void write_aging(RowSink& sink, const engine::AgingAccumulator& acc, core::Date as_of, bool by_invoice, bool totals) {
  write_rows(sink, acc.buckets(), acc.sorted_rows(), totals ? acc.totals() : std::vector<engine::AgingRow>{}, as_of, by_invoice,
             totals, nullptr, acc.disputes_separate());
}

void write_aging_converted(RowSink& sink, const engine::AgingBuckets& buckets, const std::vector<engine::AgingRow>& rows,
                           const std::vector<engine::AgingRow>& total_rows, const AgingFx& fx, core::Date as_of,
                           bool by_invoice, bool totals) {
  std::vector<const engine::AgingRow*> order(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) order[i] = &rows[i];
  write_rows(sink, buckets, order, total_rows, as_of, by_invoice, totals, &fx, false);
}

}  // namespace otc::report
