#include "otc/report/credit_report.hpp"

namespace otc::report {

namespace {
std::string hundredths(const std::optional<std::int64_t>& v) { return v ? core::format_amount(*v, 2) : std::string(); }
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}
}  // namespace

void write_credit_check(RowSink& sink, const std::vector<engine::CreditLine>& lines, core::Date as_of) {
  std::vector<Column> cols{{"as_of", CellKind::kDate}, {"customer_id", CellKind::kText}, {"customer_name", CellKind::kText},
                           {"currency", CellKind::kText}};
  for (const char* n : {"limit", "open_ar", "billable_unbilled", "billable_unbilled_tax", "unapplied", "exposure",
                        "available", "utilisation_percent", "past_due", "days_past_due"})
    cols.push_back({n, CellKind::kNumber});
  cols.push_back({"limit_source", CellKind::kText});
  cols.push_back({"review_by", CellKind::kDate});
  for (const char* n : {"over_limit", "on_hold", "hold_reasons"}) cols.push_back({n, CellKind::kText});
  sink.begin(cols);
  std::vector<std::string> cells;
  for (const auto& l : lines) {
    const int e = l.currency.exponent;
    auto amt = [&](std::int64_t v) { return core::format_amount(v, e); };
    cells = {as_of.iso(), l.customer_id, l.customer_name, std::string(l.currency.code[0] ? l.currency.view() : "")};
    cells.push_back(l.limit ? amt(*l.limit) : std::string());
    for (auto v : {l.open_ar, l.billable_unbilled, l.billable_unbilled_tax, l.unapplied, l.exposure}) cells.push_back(amt(v));
    cells.push_back(l.available ? amt(*l.available) : std::string());
    cells.push_back(hundredths(l.utilisation_x100));
    cells.push_back(amt(l.past_due));
    cells.push_back(std::to_string(l.max_days_past_due));
    cells.push_back(l.limit_source);
    cells.push_back(l.review_by ? l.review_by->iso() : std::string());
    cells.push_back(l.over_limit ? "yes" : "no");
    cells.push_back(l.on_hold ? "yes" : "no");
    cells.push_back(join(l.reasons));
    sink.row(cells);
  }
  sink.end();
}

void write_credit_set(RowSink& sink, const std::string& customer, const store::CreditLimitRecord& limit,
                      const std::optional<store::CreditLimitRecord>& previous, bool changed) {
  const int e = limit.currency.exponent;
  sink.begin({{"customer_id", CellKind::kText}, {"currency", CellKind::kText}, {"limit", CellKind::kNumber},
              {"previous_limit", CellKind::kNumber}, {"review_by", CellKind::kDate}, {"set_on", CellKind::kDate},
              {"changed", CellKind::kText}});
  sink.row({customer, std::string(limit.currency.view()), core::format_amount(limit.limit_minor, e),
            previous ? core::format_amount(previous->limit_minor, e) : std::string(),
            limit.review_by ? limit.review_by->iso() : std::string(), limit.set_on.iso(), changed ? "yes" : "no"});
  sink.end();
}

void write_hold_change(RowSink& sink, const std::string& customer, core::Date on, const std::string& action,
                       const engine::ManualHold& after, bool changed) {
  sink.begin({{"customer_id", CellKind::kText}, {"action", CellKind::kText}, {"effective_on", CellKind::kDate},
              {"manual_hold", CellKind::kText}, {"overrides_automatic_until", CellKind::kDate}, {"reason", CellKind::kText},
              {"changed", CellKind::kText}});
  sink.row({customer, action, on.iso(), after.held ? "yes" : "no",
            after.override_until ? after.override_until->iso() : std::string(),
            after.held ? after.reason : after.release_reason, changed ? "yes" : "no"});
  sink.end();
}

void write_risk(RowSink& sink, const std::vector<engine::RiskScore>& scores, core::Date as_of) {
  std::vector<Column> cols{{"as_of", CellKind::kDate}, {"customer_id", CellKind::kText}, {"customer_name", CellKind::kText},
                           {"score", CellKind::kNumber}};
  for (const char* n : {"past_due_points", "days_to_pay_trend_points", "broken_promises_points", "disputes_points",
                        "returned_payments_points", "utilisation_points"})
    cols.push_back({n, CellKind::kNumber});
  cols.push_back({"reasons", CellKind::kText});
  sink.begin(cols);
  std::vector<std::string> cells;
  for (const auto& s : scores) {
    cells = {as_of.iso(), s.in.customer_id, s.in.customer_name, std::to_string(s.score)};
    for (const char* n : {"past_due", "days_to_pay_trend", "broken_promises", "disputes", "returned_payments", "utilisation"}) {
      std::int64_t p = 0;
      for (const auto& f : s.factors)
        if (f.name == n) p = f.points_x100;
      cells.push_back(core::format_amount(p, 2));
    }
    cells.push_back(engine::top_reasons(s));
    sink.row(cells);
  }
  sink.end();
}

}  // namespace otc::report
