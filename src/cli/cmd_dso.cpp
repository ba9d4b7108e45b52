#include <map>

#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/dso.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

constexpr int kCountbackMonths = 36;

struct DsoArgs {
  int days = 90;
  std::string method = "standard";
  std::string by;
};

struct Group {
  std::string customer_id, customer_name;
  core::Currency currency;
  engine::DsoInput in;
};

void run_dso(Context& ctx, const DsoArgs& a) {
  using core::Date;
  using report::CellKind;
  if (a.days < 1 || a.days > 3660) throw core::Error(core::ErrorKind::kUsage, "--days must be between 1 and 3660");
  const bool by_customer = a.by == "customer";
  const Date d = ctx.as_of();
  const Date start = d.add_days(-a.days);
  auto format = ctx.format();

  // Months for countback: D's month (days up to D), then whole months backwards.
  int y, m, day;
  d.to_ymd(y, m, day);
  Date first_of_month = *Date::from_ymd(y, m, 1);
  Date history_from = first_of_month.add_months(-(kCountbackMonths - 1));
  auto month_index = [&](int yy, int mm) { return (y * 12 + m) - (yy * 12 + mm); };

  std::map<std::pair<std::string, std::string>, Group> groups;
  auto group = [&](const std::string& cust, const std::string& name, const core::Currency& ccy) -> Group& {
    auto key = std::make_pair(by_customer ? cust : std::string(), std::string(ccy.view()));
    auto it = groups.find(key);
    if (it == groups.end()) {
      Group g;
      g.customer_id = key.first;
      g.customer_name = by_customer ? name : "";
      g.currency = ccy;
      g.in.window_days = a.days;
      g.in.months.resize(kCountbackMonths);
      for (int i = 0; i < kCountbackMonths; ++i) {
        Date month_start = first_of_month.add_months(-i);
        g.in.months[static_cast<std::size_t>(i)].days = i == 0 ? day : core::days_in_month(month_start.year(), month_start.month());
      }
      it = groups.emplace(key, std::move(g)).first;
    }
    return it->second;
  };

  auto store = ctx.open_ledger();
  store->begin_read();
  store->for_each_open_item(d, [&](const domain::OpenItem& item) {
    auto& g = group(item.customer_external_id, item.customer_name, item.currency);
    g.in.open_ar = core::checked_add(g.in.open_ar, item.open_minor);
    if (item.due_date >= d) g.in.current_ar = core::checked_add(g.in.current_ar, item.open_minor);
  });
  store->for_each_open_item(start, [&](const domain::OpenItem& item) {
    auto& g = group(item.customer_external_id, item.customer_name, item.currency);
    g.in.open_ar_start = core::checked_add(g.in.open_ar_start, item.open_minor);
  });
  // One pass over the invoices of the countback history gives both the window's credit sales
  // and each month's.
  const core::Date window_from = start.add_days(1);
  Group* g_last = nullptr;
  std::int64_t last_customer = -1;
  std::string last_ccy;
  store->for_each_invoice_total(std::min(history_from, window_from), d, [&](const store::InvoiceTotal& s) {
    if (!g_last || s.customer_id != last_customer || s.currency.view() != last_ccy) {
      g_last = &group(*s.customer_external_id, *s.customer_name, s.currency);
      last_customer = s.customer_id;
      last_ccy.assign(s.currency.view());
    }
    if (s.invoice_date >= window_from) g_last->in.credit_sales = core::checked_add(g_last->in.credit_sales, s.total_minor);
    int yy, mm, dd;
    s.invoice_date.to_ymd(yy, mm, dd);
    int idx = month_index(yy, mm);
    if (idx >= 0 && idx < kCountbackMonths) {
      auto& m = g_last->in.months[static_cast<std::size_t>(idx)];
      m.sales_minor = core::checked_add(m.sales_minor, s.total_minor);
    }
  });
  store->commit();

  std::vector<report::Column> cols;
  cols.push_back({"as_of", CellKind::kDate});
  if (by_customer) {
    cols.push_back({"customer_id", CellKind::kText});
    cols.push_back({"customer_name", CellKind::kText});
  }
  for (const char* name : {"currency", "method"}) cols.push_back({name, CellKind::kText});
  for (const char* name : {"window_days", "open_ar", "open_ar_at_window_start", "current_ar", "credit_sales", "dso",
                           "best_possible_dso", "average_days_delinquent", "cei_percent"})
    cols.push_back({name, CellKind::kNumber});

  auto sink = report::make_sink(format, ctx.output());
  sink->begin(cols);
  std::vector<std::string> cells;
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? engine::format_hundredths(*v) : std::string(); };
  for (const auto& [key, g] : groups) {
    auto r = engine::compute_dso(g.in);
    int exp = g.currency.exponent;
    cells.clear();
    cells.push_back(d.iso());
    if (by_customer) {
      cells.push_back(g.customer_id);
      cells.push_back(g.customer_name);
    }
    cells.push_back(std::string(g.currency.view()));
    cells.push_back(a.method);
    cells.push_back(std::to_string(a.days));
    cells.push_back(core::format_amount(g.in.open_ar, exp));
    cells.push_back(core::format_amount(g.in.open_ar_start, exp));
    cells.push_back(core::format_amount(g.in.current_ar, exp));
    cells.push_back(core::format_amount(g.in.credit_sales, exp));
    cells.push_back(opt(a.method == "countback" ? r.countback_x100 : r.dso_x100));
    cells.push_back(opt(r.best_possible_x100));
    cells.push_back(opt(r.add_x100));
    cells.push_back(opt(r.cei_x100));
    sink->row(cells);
  }
  sink->end();
  ctx.commit_output();
}

}  // namespace

void install_dso(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<DsoArgs>();
  auto* cmd = parent.add_subcommand("dso", "Days sales outstanding with best possible DSO, average days delinquent and CEI");
  cmd->add_option("--days", args->days, "window length N in days (default 90): the window is D-N+1 .. D");
  cmd->add_option("--method", args->method, "standard (default) or countback")->check(CLI::IsMember({"standard", "countback"}));
  cmd->add_option("--by", args->by, "customer: one row per customer and currency")->check(CLI::IsMember({"customer"}));
  cmd->footer(
      "Figures are per currency, in days (CEI in percent), rounded half-up to 0.01; empty when undefined.\n"
      "Average days delinquent = standard DSO - best possible DSO. Formulas with worked examples: docs/metrics.md.\n"
      "Example: otc dso --as-of 2026-10-31 --days 90 --method countback --format table");
  cmd->callback([&ctx, args] { run_dso(ctx, *args); });
}

}  // namespace otc::cli
