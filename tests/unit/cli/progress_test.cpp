#include <catch2/catch.hpp>

#include "cli/progress.hpp"

using otc::cli::Progress;

TEST_CASE("progress line: rows done, rate, ETA", "[cli][progress]") {
  CHECK(Progress::line("aging", 1200000, 3000000, 3.0) == "otc: aging: 1,200,000/3,000,000 rows, 400,000 rows/s, ETA 5s");
  CHECK(Progress::line("import", 50000, 0, 2.0) == "otc: import: 50,000 rows, 25,000 rows/s");
  CHECK(Progress::line("x", 10, 10000, 1.0) == "otc: x: 10/10,000 rows, 10 rows/s, ETA 16m39s");
}

TEST_CASE("progress: disabled does nothing (not a terminal, or -q)", "[cli][progress]") {
  Progress p("aging", 100, false);
  p.update(50);
  p.finish();
  CHECK(!p.callback());
}
