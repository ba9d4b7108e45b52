#include "otc/core/money.hpp"
#include "otc/report/row_sink.hpp"
#include "otc/report/statement_html.hpp"

namespace otc::report {

void write_statement_csv(std::ostream& out, const engine::Statement& st) {
  auto sink = make_sink(Format::kCsv, out);
  const auto& c = st.customer;
  const bool activity = st.since.has_value();
  std::vector<Column> cols{{"customer_id", CellKind::kText}, {"customer_name", CellKind::kText},
                           {"statement", CellKind::kText},   {"as_of", CellKind::kDate},
                           {"currency", CellKind::kText},    {"line", CellKind::kText},
                           {"date", CellKind::kDate},        {"reference", CellKind::kText}};
  if (activity) {
    for (const char* n : {"detail"}) cols.push_back({n, CellKind::kText});
    for (const char* n : {"amount", "balance"}) cols.push_back({n, CellKind::kNumber});
  } else {
    cols.push_back({"due_date", CellKind::kDate});
    for (const char* n : {"amount", "open", "days_past_due"}) cols.push_back({n, CellKind::kNumber});
    cols.push_back({"bucket", CellKind::kText});
  }
  sink->begin(cols);
  const std::string kind = activity ? "activity" : "open_item";
  std::vector<std::string> cells;
  auto start = [&](const core::Currency& ccy, const char* line) {
    cells = {c.external_id, c.name, kind, st.as_of.iso(), std::string(ccy.view()), line};
  };
  const auto labels = st.buckets.labels();
  for (const auto& cs : st.currencies) {
    const int e = cs.currency.exponent;
    auto amt = [&](std::int64_t v) { return core::format_amount(v, e); };
    if (activity) {
      start(cs.currency, "opening_balance");
      for (auto v : {st.since->iso(), std::string(), std::string(), std::string(), amt(cs.opening_balance)}) cells.push_back(v);
      sink->row(cells);
      for (const auto& l : cs.lines) {
        start(cs.currency, l.kind.c_str());
        for (auto v : {l.date.iso(), l.reference, l.detail, amt(l.amount_minor), amt(l.balance_minor)}) cells.push_back(v);
        sink->row(cells);
      }
      start(cs.currency, "closing_balance");
      for (auto v : {st.as_of.iso(), std::string(), std::string(), std::string(), amt(cs.closing_balance)}) cells.push_back(v);
      sink->row(cells);
      continue;
    }
    for (const auto& i : cs.items) {
      start(cs.currency, "open_invoice");
      const std::size_t b = st.buckets.bucket_of(st.buckets.basis == engine::AgingBasis::kDueDate
                                                     ? i.days_past_due
                                                     : static_cast<int>(st.as_of.days_since(i.invoice_date)));
      for (auto v : {i.invoice_date.iso(), i.invoice, i.due_date.iso(), amt(i.total_minor), amt(i.open_minor),
                     std::to_string(i.days_past_due), labels[b]})
        cells.push_back(v);
      sink->row(cells);
    }
    for (const auto& u : cs.credits) {
      start(cs.currency, "unapplied_payment");
      for (auto v : {u.received_date.iso(), u.payment, std::string(), amt(-u.amount_minor), amt(-u.unapplied_minor),
                     std::string(), std::string()})
        cells.push_back(v);
      sink->row(cells);
    }
    for (std::size_t b = 0; b < cs.aging.size(); ++b) {
      start(cs.currency, "aging");
      for (auto v : {std::string(), std::string(), std::string(), std::string(), amt(cs.aging[b]), std::string(), labels[b]})
        cells.push_back(v);
      sink->row(cells);
    }
    start(cs.currency, "balance_due");
    for (auto v : {std::string(), std::string(), std::string(), std::string(), amt(cs.closing_balance), std::string(),
                   std::string()})
      cells.push_back(v);
    sink->row(cells);
  }
  sink->end();
}

}  // namespace otc::report
