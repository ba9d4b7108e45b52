#pragma once
// The credit risk score: 0 (no sign of risk) to 100, from a customer's own history, as the sum of
// six weighted factors, each capped (docs/credit.md has the table and a worked example):
//   past-due share of AR   up to 30  (30 × the largest past-due share among its currencies)
//   days-to-pay trend      up to 15  (0.5 point per day the last 90 days' average days to pay is
//                                      slower than the 90 days before; none when faster)
//   broken promises        up to 15  (5 per promise to pay broken in the last 365 days)
//   open disputes          up to 10  (5 per dispute open at the date)
//   returned payments      up to 15  (5 per payment reversed — NSF, chargeback — in the last 365 days)
//   limit utilisation      up to 15  (0 up to 50 % of the limit, rising linearly to 15 at 100 % and over)
// Points are kept in hundredths and rounded once (half-up) to the score: the same inputs always
// give the same score. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace otc::engine {

struct RiskInput {
  std::string customer_id, customer_name;
  /// Largest past-due share of open AR among the customer's currencies, in basis points (0..10000).
  std::int64_t past_due_share_bp = 0;
  /// Average days to pay (hundredths) over the last 90 days and the 90 days before; unset: no payments.
  std::optional<std::int64_t> recent_days_to_pay_x100, prior_days_to_pay_x100;
  int broken_promises = 0;
  int open_disputes = 0;
  int returned_payments = 0;
  /// Largest exposure ÷ limit among currencies with a limit, in basis points; unset: no limit.
  std::optional<std::int64_t> utilisation_bp;
};

struct RiskFactor {
  std::string name;                      ///< past_due | days_to_pay_trend | broken_promises | disputes | returned_payments | utilisation
  std::int64_t points_x100 = 0;
  std::string why;
};

struct RiskScore {
  RiskInput in;
  int score = 0;                         ///< 0..100
  std::vector<RiskFactor> factors;       ///< every factor, by points descending then name
};

RiskScore score_risk(const RiskInput& in);

/// The factors with points, most weighty first, as "why (+points)" joined by "; " (up to `n`).
std::string top_reasons(const RiskScore& s, std::size_t n = 3);

}  // namespace otc::engine
