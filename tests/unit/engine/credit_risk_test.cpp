#include <catch2/catch.hpp>

#include "otc/engine/credit_risk.hpp"

using namespace otc;

// docs/credit.md's table, every factor at work:
//   past due 25.00 %            2500 x 30 / 100          =  7.50
//   days to pay 40.00 vs 20.00  (4000 - 2000) / 2        = 10.00
//   2 broken promises           2 x 5                    = 10.00
//   1 open dispute              1 x 5                    =  5.00
//   1 returned payment          1 x 5                    =  5.00
//   utilisation 90.00 %         (9000 - 5000) x 15 / 50  = 12.00
//   total 49.50 -> half-up -> 50
TEST_CASE("engine credit risk: a score by hand, and the same inputs give the same score", "[engine][credit]") {
  engine::RiskInput in;
  in.customer_id = "C";
  in.past_due_share_bp = 2500;
  in.recent_days_to_pay_x100 = 4000;
  in.prior_days_to_pay_x100 = 2000;
  in.broken_promises = 2;
  in.open_disputes = 1;
  in.returned_payments = 1;
  in.utilisation_bp = 9000;
  auto s = engine::score_risk(in);
  CHECK(s.score == 50);
  REQUIRE(s.factors.size() == 6);
  CHECK(s.factors[0].name == "utilisation");
  CHECK(s.factors[0].points_x100 == 1200);
  CHECK(s.factors[1].name == "broken_promises");
  CHECK(s.factors[2].name == "days_to_pay_trend");
  CHECK(s.factors[3].name == "past_due");
  CHECK(s.factors[3].points_x100 == 750);
  CHECK(engine::top_reasons(s, 2) == "90.00% of the limit used (+12.00); 2 broken promise(s) in 365 days (+10.00)");
  CHECK(engine::score_risk(in).score == 50);
  // Caps: everything at its worst is 100.
  engine::RiskInput worst{"W", "", 10000, 100000, 0, 9, 9, 9, 50000};
  CHECK(engine::score_risk(worst).score == 100);
  // Paying faster is not a risk: no negative points.
  engine::RiskInput faster;
  faster.recent_days_to_pay_x100 = 1000;
  faster.prior_days_to_pay_x100 = 3000;
  CHECK(engine::score_risk(faster).score == 0);
}
