#include "otc/report/breaks_report.hpp"

#include "otc/core/error.hpp"

namespace otc::report {
namespace {

using engine::money_text;

std::string deposit_location(const domain::BankTransaction& t) {
  return core::format_location({t.source_file, t.source_line});
}

}  // namespace

void write_breaks(RowSink& sink, const std::vector<engine::Break>& breaks) {
  std::vector<Column> columns;
  for (auto name : engine::break_column_names())
    columns.push_back({std::string(name), name == "difference" ? CellKind::kNumber : CellKind::kText});
  sink.begin(columns);
  std::vector<std::string> cells(columns.size());
  for (const auto& b : breaks) {
    auto c = engine::break_cells(b);
    for (std::size_t i = 0; i < c.size(); ++i) cells[i] = std::move(c[i]);
    sink.row(cells);
  }
  sink.end();
}

std::string break_summary(const std::vector<engine::Break>& breaks) {
  engine::BreakCounts counts{};
  std::size_t n = 0;
  for (const auto& b : breaks) {
    ++counts[static_cast<std::size_t>(b.type)];
    n += engine::is_exception(b.type);
  }
  std::string out = std::to_string(n) + (n == 1 ? " break" : " breaks");
  std::string detail;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    auto type = static_cast<engine::BreakType>(t);
    if (counts[t] == 0 || !engine::is_exception(type)) continue;
    if (!detail.empty()) detail += ", ";
    detail += std::string(engine::break_type_name(type)) + " " + std::to_string(counts[t]);
  }
  if (!detail.empty()) out += " (" + detail + ")";
  return out;
}

void write_payout_detail(RowSink& sink, const engine::PayoutResult& payouts, const std::vector<domain::BankTransaction>& bank) {
  sink.begin({{"gateway", CellKind::kText}, {"payout_id", CellKind::kText}, {"date", CellKind::kDate},
              {"currency", CellKind::kText}, {"charges", CellKind::kNumber}, {"refunds", CellKind::kNumber},
              {"fees", CellKind::kNumber}, {"disputes", CellKind::kNumber}, {"adjustments", CellKind::kNumber},
              {"net", CellKind::kNumber}, {"payout", CellKind::kNumber}, {"difference", CellKind::kNumber},
              {"match", CellKind::kText}, {"deposit_date", CellKind::kDate}, {"deposit", CellKind::kText},
              {"invoices", CellKind::kText}});
  std::vector<std::string> cells;
  for (const auto& p : payouts.payouts) {
    std::string invoices, deposit, deposit_date;
    for (const auto& i : p.invoices) invoices += (invoices.empty() ? "" : ";") + i;
    if (p.deposit) {
      deposit_date = bank[*p.deposit].booking_date.iso();
      deposit = deposit_location(bank[*p.deposit]);
    }
    const auto& c = p.currency;
    cells = {p.gateway, p.payout_id, p.date.iso(), std::string(c.view()), money_text(p.charges_minor, c),
             money_text(p.refunds_minor, c), money_text(p.fees_minor, c), money_text(p.disputes_minor, c),
             money_text(p.adjustments_minor, c), money_text(p.components_net_minor, c), money_text(p.payout_minor, c),
             money_text(p.components_net_minor - p.payout_minor, c), std::string(engine::payout_match_rule_name(p.rule)),
             deposit_date, deposit, invoices};
    sink.row(cells);
  }
  sink.end();
}

std::vector<std::string> payout_notes(const engine::PayoutResult& payouts, const std::vector<domain::BankTransaction>& bank) {
  std::vector<std::string> out;
  for (const auto& p : payouts.payouts) {
    std::string invoices;
    for (const auto& i : p.invoices) invoices += " " + i;
    std::string where = p.deposit ? "deposit " + bank[*p.deposit].booking_date.iso() + " (" + deposit_location(bank[*p.deposit]) + ")"
                                  : "no deposit";
    const auto& c = p.currency;
    out.push_back("  payout " + p.gateway + " " + p.payout_id + " " + p.date.iso() + ": charges " + money_text(p.charges_minor, c) +
                  " - refunds " + money_text(p.refunds_minor, c) + " - fees " + money_text(p.fees_minor, c) + " - disputes " +
                  money_text(p.disputes_minor, c) + " + adjustments " + money_text(p.adjustments_minor, c) + " = " +
                  money_text(p.components_net_minor, c) + " " + std::string(c.view()) + "; paid out " +
                  money_text(p.payout_minor, c) + "; " + where + (invoices.empty() ? "" : "; invoices" + invoices));
  }
  for (const auto& p : payouts.pending)
    out.push_back("  " + p.gateway + " " + money_text(p.net_minor, p.currency) + " " + std::string(p.currency.view()) + " in " +
                  std::to_string(p.rows) + (p.rows == 1 ? " row" : " rows") + " not paid out yet");
  return out;
}

void write_rollforward_detail(RowSink& sink, const std::string& period, const std::vector<engine::RollForwardRow>& rows) {
  sink.begin({{"period", CellKind::kText}, {"currency", CellKind::kText}, {"component", CellKind::kText},
              {"ledger", CellKind::kNumber}, {"gl", CellKind::kNumber}, {"difference", CellKind::kNumber},
              {"gl_sources", CellKind::kText}});
  std::vector<std::string> cells;
  for (const auto& r : rows) {
    std::string sources;
    for (const auto& s : r.gl_sources)
      sources += (sources.empty() ? "" : "; ") + (s.source.empty() ? std::string("(no source)") : s.source) + " " +
                 money_text(s.amount_minor, r.currency) + " (" + std::to_string(s.rows) + (s.rows == 1 ? " row)" : " rows)");
    cells = {period, std::string(r.currency.view()), std::string(engine::roll_component_name(r.component)),
             money_text(r.ledger_minor, r.currency), money_text(r.gl_minor, r.currency),
             money_text(r.difference_minor(), r.currency), sources};
    sink.row(cells);
  }
  sink.end();
}

}  // namespace otc::report
