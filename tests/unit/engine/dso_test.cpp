#include <catch2/catch.hpp>

#include "otc/engine/dso.hpp"

using namespace otc::engine;

// The worked example of docs/metrics.md.
TEST_CASE("DSO: standard, best possible, ADD and CEI from the worked example", "[dso]") {
  DsoInput in;
  in.open_ar = 1500000;        // 15,000.00 open at D
  in.current_ar = 300000;      // 3,000.00 not yet due
  in.open_ar_start = 1000000;  // 10,000.00 open at D-90
  in.credit_sales = 1200000;   // 12,000.00 invoiced in the window
  in.window_days = 90;
  auto r = compute_dso(in);
  CHECK(*r.dso_x100 == 11250);             // 15000 / 12000 * 90 = 112.50
  CHECK(*r.best_possible_x100 == 2250);    // 3000 / 12000 * 90 = 22.50
  CHECK(*r.add_x100 == 9000);              // 90.00
  CHECK(*r.cei_x100 == 3684);              // 7000 / 19000 * 100 = 36.842... -> 36.84
}

TEST_CASE("DSO: countback walks months back from D's month", "[dso]") {
  DsoInput in;
  in.open_ar = 1500000;
  in.months = {{600000, 31}, {500000, 30}, {800000, 31}};  // Oct (to the 31st), Sep, Aug
  auto r = compute_dso(in);
  CHECK(*r.countback_x100 == 7650);  // 31 + 30 + 4000/8000*31 = 76.50
  in.open_ar = 1100000;              // exactly Oct + Sep
  CHECK(*compute_dso(in).countback_x100 == 6100);
  in.open_ar = 300000;               // inside D's month: 3000/6000 * 31 = 15.50
  CHECK(*compute_dso(in).countback_x100 == 1550);
  in.open_ar = 99999999;             // history runs out
  CHECK_FALSE(compute_dso(in).countback_x100.has_value());
}

TEST_CASE("DSO: undefined without sales", "[dso]") {
  DsoInput in;
  in.open_ar = 100;
  auto r = compute_dso(in);
  CHECK_FALSE(r.dso_x100.has_value());
  CHECK_FALSE(r.best_possible_x100.has_value());
  CHECK_FALSE(r.cei_x100.has_value());  // denominator 0 + 0 - 0
}
