#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "otc/engine/match_exact_sum.hpp"

using namespace otc::engine;
using Strategy = CombinationBounds::Strategy;

TEST_CASE("Matching: exact-sum search finds the one combination", "[matching]") {
  const std::vector<std::int64_t> amounts = {10000, 25000, 40000, 100000};
  const Strategy strategy = GENERATE(Strategy::kDepthFirst, Strategy::kMeetInTheMiddle);
  CombinationBounds b;
  b.strategy = strategy;
  const auto r = find_exact_sum(amounts, 35000, b);
  CHECK(r.solutions == 1);
  CHECK_FALSE(r.budget_exhausted);
  CHECK(r.picks == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("Matching: exact-sum search stops at the second combination", "[matching]") {
  const std::vector<std::int64_t> amounts = {10000, 25000, 15000, 20000};
  const Strategy strategy = GENERATE(Strategy::kDepthFirst, Strategy::kMeetInTheMiddle);
  CombinationBounds b;
  b.strategy = strategy;
  const auto r = find_exact_sum(amounts, 35000, b);
  CHECK(r.solutions == 2);  // 100+250 and 150+200
}

TEST_CASE("Matching: exact-sum search respects the size bound", "[matching]") {
  const std::vector<std::int64_t> amounts = {100, 200, 400, 800, 1600};
  CombinationBounds b;
  b.max_size = 4;
  CHECK(find_exact_sum(amounts, 3100, b).solutions == 0);  // needs all five
  b.max_size = 5;
  b.strategy = Strategy::kDepthFirst;
  const auto r = find_exact_sum(amounts, 3100, b);
  CHECK(r.solutions == 1);
  CHECK(r.picks.size() == 5);
  b.max_size = 4;
  b.min_size = 2;
  CHECK(find_exact_sum(amounts, 800, b).solutions == 0);  // 800 alone is below min_size
}

TEST_CASE("Matching: exact-sum search gives up at the node budget", "[matching]") {
  std::vector<std::int64_t> amounts;
  for (int i = 0; i < 40; ++i) amounts.push_back(2000 + 2 * i);  // all even
  const Strategy strategy = GENERATE(Strategy::kDepthFirst, Strategy::kMeetInTheMiddle);
  CombinationBounds b;
  b.strategy = strategy;
  b.node_budget = 50;
  const auto r = find_exact_sum(amounts, 8101, b);  // odd: in range, never reached
  CHECK(r.budget_exhausted);
  CHECK(r.nodes <= 50 + 40);
}

TEST_CASE("Matching: both search strategies count the same solutions", "[matching]") {
  // A fixed pseudo-random table (LCG) so the case is reproducible.
  std::uint64_t x = static_cast<std::uint64_t>(GENERATE(1, 2, 3, 4, 5, 6, 7, 8));
  auto next = [&] {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((x >> 33) % 50) * 100 + 100;
  };
  std::vector<std::int64_t> amounts;
  for (int i = 0; i < 14; ++i) amounts.push_back(next());
  const std::int64_t target = amounts[1] + amounts[4] + amounts[9];
  CombinationBounds dfs;
  dfs.min_size = 1;
  dfs.max_size = 4;
  dfs.strategy = Strategy::kDepthFirst;
  CombinationBounds mitm = dfs;
  mitm.strategy = Strategy::kMeetInTheMiddle;
  const auto a = find_exact_sum(amounts, target, dfs);
  const auto b = find_exact_sum(amounts, target, mitm);
  CHECK(a.solutions == b.solutions);
  CHECK(a.solutions >= 1);
  if (a.solutions == 1) CHECK(a.picks == b.picks);
}
