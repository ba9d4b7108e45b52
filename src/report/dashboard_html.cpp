// The dashboard page and workbook. Layout only: every figure arrives computed (ops::dashboard).
#include <algorithm>
#include <set>

#include "otc/core/money.hpp"
#include "otc/report/dashboard.hpp"
#include "otc/report/html.hpp"
#include "otc/report/svg_chart.hpp"
#include "otc/report/xlsx_workbook.hpp"

namespace otc::report {
namespace {

// Aging bucket colours: current green through the oldest red.
const char* bucket_color(std::size_t i, std::size_t n) {
  static const char* kColors[] = {"#15803d", "#84cc16", "#facc15", "#f97316", "#dc2626", "#7f1d1d", "#4c0519"};
  if (n <= 1) return kColors[0];
  std::size_t k = i * 6 / (n - 1);
  return kColors[std::min<std::size_t>(k, 6)];
}

// Whether a rise is good news (green) or bad (red); neutral figures are grey.
int direction(const std::string& key) {
  static const std::set<std::string> good = {"cei", "collection_rate"};
  static const std::set<std::string> bad = {"past_due_pct", "dso", "dso_countback", "add", "unapplied_cash", "disputed"};
  if (good.count(key)) return 1;
  if (bad.count(key)) return -1;
  return 0;
}

std::string plain_value(const Figure& f, int exponent) {
  if (!f.value) return "";
  return core::format_amount(*f.value, f.kind == FigureKind::kAmount ? exponent : 2);
}

std::string change_text(const Figure& f, int exponent) {
  if (!f.value || !f.prior) return "no prior figure";
  const std::int64_t d = *f.value - *f.prior;
  Figure delta = f;
  delta.value = d < 0 ? -d : d;
  std::string t = figure_text(delta, exponent);
  if (f.kind == FigureKind::kPercent) t = t.substr(0, t.size() - 1) + " pts";
  return std::string(d > 0 ? "\xE2\x96\xB2 " : d < 0 ? "\xE2\x96\xBC " : "= ") + (d == 0 ? std::string("unchanged") : t);
}

const char* kStyle = R"css(
*{box-sizing:border-box}
body{font-family:"Helvetica Neue",Helvetica,Arial,"Liberation Sans",sans-serif;color:#111827;margin:0;padding:18px 24px;background:#fff}
h1{font-size:22px;margin:0 0 2px}
h2{font-size:17px;margin:18px 0 8px;border-bottom:2px solid #1f2937;padding-bottom:3px}
h2 .sub{font-weight:normal;color:#6b7280;font-size:13px}
h3{font-size:14px;margin:14px 0 6px}
.meta{color:#4b5563;font-size:12px;margin:0 0 6px}
.rates{color:#4b5563;font-size:12px;margin:2px 0 8px}
.cards{display:grid;grid-template-columns:repeat(6,1fr);gap:8px}
.card{border:1px solid #e5e7eb;border-radius:6px;padding:7px 9px;break-inside:avoid}
.card .label{font-size:11px;color:#4b5563;text-transform:uppercase;letter-spacing:.03em}
.card .value{font-size:19px;font-weight:bold;margin:2px 0;font-variant-numeric:tabular-nums;white-space:nowrap}
.card .delta{font-size:11px;color:#6b7280;white-space:nowrap}
.card .delta.good{color:#15803d}.card .delta.bad{color:#b91c1c}
.card .note{font-size:10px;color:#9ca3af}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:12px 20px;margin-top:12px}
.charts svg{width:100%;height:auto;break-inside:avoid}
.tables{display:grid;grid-template-columns:1fr 1fr;gap:4px 20px}
table{border-collapse:collapse;width:100%;font-size:11px}
th{text-align:left;border-bottom:1px solid #9ca3af;padding:3px 5px;background:#f3f4f6}
td{border-bottom:1px solid #e5e7eb;padding:3px 5px;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
p.empty{color:#6b7280;font-size:12px;border:1px dashed #d1d5db;padding:10px;background:#f9fafb;margin:0}
footer{margin-top:18px;border-top:1px solid #d1d5db;padding-top:6px;font-size:11px;color:#4b5563}
footer code{font-size:11px;word-break:break-all}
@page{size:A4 landscape;margin:9mm}
@media print{body{padding:0}.panel+.panel{break-before:page}.tables-section{break-before:page}}
)css";

std::string table_html(const DashboardTable& t) {
  std::string out = "<div class=\"table\" data-table=\"" + html_escape(t.key) + "\"><h3>" + html_escape(t.title) + "</h3>\n";
  if (t.rows.empty()) return out + "<p class=\"empty\">" + html_escape(t.empty_text) + "</p></div>\n";
  out += "<table><thead><tr>";
  for (const auto& c : t.columns)
    out += std::string("<th") + (c.kind == CellKind::kNumber ? " class=\"num\"" : "") + ">" + html_escape(c.name) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const auto& r : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string v = i < r.size() ? r[i] : "";
      const bool num = t.columns[i].kind == CellKind::kNumber;
      out += std::string("<td") + (num ? " class=\"num\"" : "") + ">" + html_escape(num ? group_thousands(v) : v) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string panel_html(const Dashboard& d, const DashboardPanel& p) {
  std::string out = "<section class=\"panel\" data-currency=\"" + html_escape(p.currency) + "\">\n<h2>" + html_escape(p.currency);
  if (!d.converted_to.empty()) out += " <span class=\"sub\">every currency converted at the rates of " + d.as_of.iso() + "</span>";
  else if (p.currency == d.functional) out += " <span class=\"sub\">functional currency</span>";
  out += "</h2>\n";
  if (!p.rates.empty()) {
    out += "<p class=\"rates\">Rates used: ";
    for (std::size_t i = 0; i < p.rates.size(); ++i) out += (i ? "; " : "") + html_escape(p.rates[i]);
    out += "</p>\n";
  }
  out += "<div class=\"cards\">\n";
  for (const auto& f : p.figures) {
    const int dir = direction(f.key);
    std::string cls = "delta";
    if (f.value && f.prior && *f.value != *f.prior && dir != 0) cls += ((*f.value > *f.prior) == (dir > 0)) ? " good" : " bad";
    out += "<div class=\"card\" data-figure=\"" + html_escape(f.key) + "\" data-currency=\"" + html_escape(p.currency) +
           "\" data-value=\"" + plain_value(f, p.exponent) + "\"><div class=\"label\">" + html_escape(f.label) +
           "</div><div class=\"value\">" + html_escape(figure_text(f, p.exponent)) + "</div><div class=\"" + cls + "\">" +
           html_escape(change_text(f, p.exponent)) + "</div>";
    if (!f.note.empty()) out += "<div class=\"note\">" + html_escape(f.note) + "</div>";
    out += "</div>\n";
  }
  out += "</div>\n<div class=\"charts\">\n";
  const svg::Size size{620, 270};
  {
    svg::ChartData c;
    c.title = "Aging by month-end";
    c.unit = p.currency;
    c.exponent = p.exponent;
    c.categories = p.months;
    c.empty_text = "No open AR in these " + std::to_string(p.months.size()) + " months";
    for (std::size_t b = 0; b < p.bucket_labels.size() && b < p.aging.size(); ++b) {
      svg::Series s{p.bucket_labels[b], bucket_color(b, p.bucket_labels.size()), {}};
      for (auto v : p.aging[b]) s.values.push_back(v);
      c.series.push_back(std::move(s));
    }
    out += svg::stacked_bars(c, size);
  }
  {
    svg::ChartData c;
    c.title = "DSO and best possible DSO";
    c.unit = "days";
    c.exponent = 2;
    c.categories = p.months;
    c.empty_text = "DSO is undefined in these months (no credit sales)";
    c.series = {{"DSO", "#1d4ed8", p.dso}, {"best possible DSO", "#15803d", p.best_dso}};
    out += svg::lines(c, size);
  }
  {
    svg::ChartData c;
    c.title = "Billed and collected by month";
    c.unit = p.currency;
    c.exponent = p.exponent;
    c.categories = p.months;
    c.empty_text = "Nothing billed or collected in these months";
    svg::Series billed{"billed", "#1d4ed8", {}}, collected{"collected", "#15803d", {}};
    for (auto v : p.billed) billed.values.push_back(v);
    for (auto v : p.collected) collected.values.push_back(v);
    c.series = {billed, collected};
    out += svg::grouped_bars(c, size);
  }
  {
    svg::ChartData c;
    c.title = "Top 10 past-due customers";
    c.unit = p.currency;
    c.exponent = p.exponent;
    c.empty_text = "No customer is past due at " + d.as_of.iso();
    svg::Series s{"past due", "#b91c1c", {}};
    for (const auto& cu : p.top_past_due) {
      c.categories.push_back(cu.label);
      s.values.push_back(cu.past_due);
    }
    c.series = {s};
    out += svg::horizontal_bars(c, size);
  }
  return out + "</div>\n</section>\n";
}

}  // namespace

std::string figure_text(const Figure& f, int exponent) {
  if (!f.value) return "\xE2\x80\x94";  // —
  switch (f.kind) {
    case FigureKind::kAmount: return svg::format_value(*f.value, exponent);
    case FigureKind::kDays: return svg::format_value(*f.value, 2);
    case FigureKind::kPercent: return svg::format_value(*f.value, 2) + "%";
  }
  return {};
}

std::string dashboard_html(const Dashboard& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>AR dashboard as of " + d.as_of.iso() + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<header><h1>Accounts receivable dashboard</h1>\n<p class=\"meta\">As of <strong>" + d.as_of.iso() +
         "</strong>; changes against " + d.prior.iso() + "; charts over " + std::to_string(d.months) +
         " month-ends; DSO, CEI and collection rate over a " + std::to_string(d.window_days) + "-day window. ";
  out += d.converted_to.empty() ? std::string("Each currency on its own: amounts of different currencies are never added.")
                                : "All amounts in " + html_escape(d.converted_to) + ", converted at the latest rate on or before " +
                                      d.as_of.iso() + ".";
  out += "</p></header>\n";
  if (d.panels.empty()) out += "<p class=\"empty\">The ledger holds no invoices or payments dated on or before " + d.as_of.iso() + ".</p>\n";
  for (const auto& p : d.panels) out += panel_html(d, p);
  out += "<section class=\"tables-section\"><h2>Accounts to look at</h2>\n<div class=\"tables\">\n";
  for (const auto& t : d.tables) out += table_html(t);
  out += "</div></section>\n";
  out += "<footer>Ledger <code>" + html_escape(d.ledger) + "</code> &middot; as of " + d.as_of.iso() +
         " &middot; functional currency " + html_escape(d.functional) + " &middot; made by <code>" + html_escape(d.command) +
         "</code></footer>\n</body>\n</html>\n";
  return out;
}

DashboardTable headline_table(const Dashboard& d) {
  DashboardTable t;
  t.key = "headline";
  t.title = "Headline figures";
  t.empty_text = "No figures";
  t.columns = {{"as_of", CellKind::kDate},    {"currency", CellKind::kText}, {"figure", CellKind::kText},
               {"label", CellKind::kText},    {"value", CellKind::kNumber},  {"prior_month_end", CellKind::kDate},
               {"prior", CellKind::kNumber},  {"change", CellKind::kNumber}, {"unit", CellKind::kText}};
  for (const auto& p : d.panels)
    for (const auto& f : p.figures) {
      const int e = f.kind == FigureKind::kAmount ? p.exponent : 2;
      auto fmt = [&](const std::optional<std::int64_t>& v) { return v ? core::format_amount(*v, e) : std::string(); };
      std::optional<std::int64_t> change;
      if (f.value && f.prior) change = *f.value - *f.prior;
      t.rows.push_back({d.as_of.iso(), p.currency, f.key, f.label, fmt(f.value), d.prior.iso(), fmt(f.prior), fmt(change),
                        f.kind == FigureKind::kAmount ? p.currency : f.kind == FigureKind::kDays ? "days" : "percent"});
    }
  return t;
}

void write_dashboard_xlsx(const Dashboard& d, std::ostream& out) {
  XlsxWorkbook book(out);
  auto write = [&](const DashboardTable& t) {
    RowSink& s = book.add_sheet(t.key);
    s.begin(t.columns);
    for (const auto& r : t.rows) s.row(r);
    s.end();
  };
  write(headline_table(d));
  for (const auto& t : d.tables) write(t);
  book.close();
}

}  // namespace otc::report
