#pragma once
// The AR dashboard (`otc dashboard`): the figures ops::dashboard gathers (from the same use cases
// and engines as aging, dso, cash unapplied, unbilled and the roll-forward), and the writers that
// lay them out: one self-contained HTML page (inline CSS + our SVG charts), or a workbook of its
// tables (--xlsx).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

enum class FigureKind { kAmount, kDays, kPercent };

/// One headline number at the as-of date and at the prior month's end. Amounts are minor units of
/// the panel's currency; days and percents are hundredths. nullopt = undefined (no sales, ...).
struct Figure {
  std::string key;    ///< stable name: "total_ar", "dso", ... (a data-figure attribute in the HTML)
  std::string label;  ///< "Total AR"
  FigureKind kind = FigureKind::kAmount;
  std::optional<std::int64_t> value;
  std::optional<std::int64_t> prior;
  std::string note;   ///< e.g. "from issue 9's disputes: not in this ledger yet"
};

/// One currency's figures and charts (or every currency converted into one, with --in).
struct DashboardPanel {
  std::string currency;
  int exponent = 2;
  std::vector<std::string> rates;  ///< "EUR→USD 1.082500 (2026-10-31)" for each converted currency
  std::vector<Figure> figures;
  std::vector<std::string> months;                    ///< "2025-11" … the as-of month (its as-of date)
  std::vector<std::string> bucket_labels;             ///< aging buckets: current, 1-30, …
  std::vector<std::vector<std::int64_t>> aging;       ///< [bucket][month]
  std::vector<std::optional<std::int64_t>> dso, best_dso;  ///< per month, hundredths of a day
  std::vector<std::int64_t> billed, collected;        ///< per month
  struct Customer {
    std::string label;   ///< "C1001 Acme Analytics, Inc." (+ its currency when converted)
    std::int64_t past_due = 0;
  };
  std::vector<Customer> top_past_due;  ///< largest first, at most 10
};

/// A table of the dashboard: the HTML shows it (or its empty text); --xlsx writes it as a sheet.
struct DashboardTable {
  std::string key;         ///< sheet name: "high_risk", "disputes", ...
  std::string title;
  std::string empty_text;  ///< shown when it has no rows
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
};

struct Dashboard {
  std::string ledger;       ///< the ledger file
  std::string command;      ///< the command line that made it
  core::Date as_of;
  core::Date prior;         ///< the prior month's end the changes are measured against
  int months = 12;
  int window_days = 90;
  std::string functional;   ///< the ledger's functional currency
  std::string converted_to; ///< --in CCY, empty when not converting
  std::vector<DashboardPanel> panels;  ///< the functional currency first, then by code
  std::vector<DashboardTable> tables;
};

/// The self-contained HTML page: no scripts, no fetched fonts or images; prints landscape.
std::string dashboard_html(const Dashboard& d);

/// The headline figures as rows (panel currency, figure, value, prior, change): the first sheet of
/// --xlsx, and what the e2e tests compare with the CSV reports.
DashboardTable headline_table(const Dashboard& d);

/// Writes the workbook: the headline sheet, then one sheet per table.
void write_dashboard_xlsx(const Dashboard& d, std::ostream& out);

/// A figure as shown: amounts with thousands separators and the currency's decimals, days "80.37",
/// percents "76.55%"; "—" when undefined.
std::string figure_text(const Figure& f, int exponent);

}  // namespace otc::report
