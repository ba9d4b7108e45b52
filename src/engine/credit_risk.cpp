#include "otc/engine/credit_risk.hpp"

#include <algorithm>

#include "otc/core/money.hpp"

namespace otc::engine {
namespace {

std::int64_t cap(std::int64_t v, std::int64_t hi) { return std::clamp<std::int64_t>(v, 0, hi); }
std::string pts(std::int64_t x100) { return core::format_amount(x100, 2); }

}  // namespace

RiskScore score_risk(const RiskInput& in) {
  RiskScore s;
  s.in = in;
  // past due: 30 points × share (bp / 10000) → hundredths of a point = bp × 30 / 100
  s.factors.push_back({"past_due", cap(in.past_due_share_bp * 30 / 100, 3000),
                       pts(in.past_due_share_bp) + "% of AR past due"});
  std::int64_t trend_pts = 0;
  std::string trend_why = "no payments to compare";
  if (in.recent_days_to_pay_x100 && in.prior_days_to_pay_x100) {
    const std::int64_t slower = *in.recent_days_to_pay_x100 - *in.prior_days_to_pay_x100;
    trend_pts = cap(slower / 2, 1500);  // 0.5 point per day slower
    trend_why = "pays in " + pts(*in.recent_days_to_pay_x100) + " days, was " + pts(*in.prior_days_to_pay_x100);
  } else if (in.recent_days_to_pay_x100) {
    trend_why = "pays in " + pts(*in.recent_days_to_pay_x100) + " days (no earlier payments)";
  }
  s.factors.push_back({"days_to_pay_trend", trend_pts, trend_why});
  s.factors.push_back({"broken_promises", cap(500LL * in.broken_promises, 1500),
                       std::to_string(in.broken_promises) + " broken promise(s) in 365 days"});
  s.factors.push_back({"disputes", cap(500LL * in.open_disputes, 1000), std::to_string(in.open_disputes) + " open dispute(s)"});
  s.factors.push_back({"returned_payments", cap(500LL * in.returned_payments, 1500),
                       std::to_string(in.returned_payments) + " returned payment(s) in 365 days"});
  std::int64_t util_pts = 0;
  std::string util_why = "no credit limit";
  if (in.utilisation_bp) {
    util_pts = cap((*in.utilisation_bp - 5000) * 1500 / 5000, 1500);
    util_why = pts(*in.utilisation_bp) + "% of the limit used";
  }
  s.factors.push_back({"utilisation", util_pts, util_why});
  std::int64_t total = 0;
  for (const auto& f : s.factors) total += f.points_x100;
  s.score = static_cast<int>(std::min<std::int64_t>(100, core::divide_rounded(total, 100, core::Rounding::kHalfUp)));
  std::stable_sort(s.factors.begin(), s.factors.end(), [](const RiskFactor& a, const RiskFactor& b) {
    if (a.points_x100 != b.points_x100) return a.points_x100 > b.points_x100;
    return a.name < b.name;
  });
  return s;
}

std::string top_reasons(const RiskScore& s, std::size_t n) {
  std::string out;
  std::size_t k = 0;
  for (const auto& f : s.factors) {
    if (f.points_x100 <= 0 || k == n) continue;
    if (!out.empty()) out += "; ";
    out += f.why + " (+" + pts(f.points_x100) + ")";
    ++k;
  }
  return out;
}

}  // namespace otc::engine
