#include "otc/engine/match_exact_sum.hpp"

#include <algorithm>
#include <numeric>

namespace otc::engine {
namespace {

struct Search {
  const std::vector<std::int64_t>* sorted = nullptr;   // amounts, largest first
  const std::vector<std::uint32_t>* order = nullptr;   // sorted position -> input index
  std::vector<std::int64_t> prefix;                    // prefix[i] = sum of sorted[0..i)
  CombinationBounds bounds;
  CombinationResult result;
  std::vector<std::uint32_t> stack;

  // Largest sum of `t` items taken from positions >= i (they are the next t, sorted descending).
  std::int64_t best_sum(std::size_t i, int t) const {
    const std::size_t end = std::min(prefix.size() - 1, i + static_cast<std::size_t>(t));
    return prefix[end] - prefix[i];
  }

  void run(std::size_t i, std::int64_t rem, int depth) {
    if (result.solutions >= 2 || result.budget_exhausted) return;
    if (++result.nodes > bounds.node_budget) {
      result.budget_exhausted = true;
      return;
    }
    if (rem == 0) {
      if (depth >= bounds.min_size) {
        if (++result.solutions == 1) {
          result.picks.clear();
          for (std::uint32_t p : stack) result.picks.push_back((*order)[p]);
          std::sort(result.picks.begin(), result.picks.end());
        }
      }
      return;  // amounts are positive: adding more cannot return to zero
    }
    if (depth == bounds.max_size) return;
    const auto& a = *sorted;
    // Skip items larger than what is left (sorted descending: find the first <= rem).
    std::size_t start = static_cast<std::size_t>(
        std::lower_bound(a.begin() + static_cast<std::ptrdiff_t>(i), a.end(), rem,
                         [](std::int64_t x, std::int64_t v) { return x > v; }) -
        a.begin());
    for (std::size_t j = start; j < a.size(); ++j) {
      if (best_sum(j, bounds.max_size - depth) < rem) return;  // nothing further can reach rem
      stack.push_back(static_cast<std::uint32_t>(j));
      run(j + 1, rem - a[j], depth + 1);
      stack.pop_back();
      if (result.solutions >= 2 || result.budget_exhausted) return;
    }
  }
};

struct PairSum {
  std::int64_t sum;
  std::uint32_t i;  // i < j, input positions
  std::uint32_t j;
};

class Collector {
 public:
  explicit Collector(CombinationResult& r) : r_(r) {}
  // Records a solution (positions in any order); true when the search may stop.
  bool found(std::initializer_list<std::uint32_t> picks) {
    if (++r_.solutions == 1) {
      r_.picks.assign(picks.begin(), picks.end());
      std::sort(r_.picks.begin(), r_.picks.end());
    }
    return r_.solutions >= 2;
  }

 private:
  CombinationResult& r_;
};

CombinationResult meet_in_the_middle(std::span<const std::int64_t> amounts, std::int64_t target,
                                     const CombinationBounds& bounds) {
  CombinationResult result;
  if (target <= 0 || bounds.max_size <= 0) return result;
  Collector collect(result);
  const auto n = static_cast<std::uint32_t>(amounts.size());
  auto within = [&](int k) { return bounds.min_size <= k && k <= bounds.max_size; };
  auto spend = [&](std::int64_t nodes) {
    result.nodes += nodes;
    if (result.nodes > bounds.node_budget) result.budget_exhausted = true;
    return result.budget_exhausted;
  };
  if (within(1))
    for (std::uint32_t i = 0; i < n; ++i)
      if (amounts[i] == target && collect.found({i})) return result;
  if (bounds.max_size < 2) return result;

  std::vector<PairSum> pairs;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (amounts[i] <= 0 || amounts[i] >= target) continue;
    for (std::uint32_t j = i + 1; j < n; ++j) {
      if (amounts[j] <= 0 || amounts[i] + amounts[j] > target) continue;
      pairs.push_back(PairSum{amounts[i] + amounts[j], i, j});
    }
    if (spend(static_cast<std::int64_t>(n - i))) return result;
  }
  std::sort(pairs.begin(), pairs.end(), [](const PairSum& a, const PairSum& b) {
    if (a.sum != b.sum) return a.sum < b.sum;
    if (a.i != b.i) return a.i < b.i;
    return a.j < b.j;
  });
  auto range = [&](std::int64_t sum) {
    return std::equal_range(pairs.begin(), pairs.end(), PairSum{sum, 0, 0},
                            [](const PairSum& a, const PairSum& b) { return a.sum < b.sum; });
  };
  if (within(2)) {
    auto [lo, hi] = range(target);
    for (auto it = lo; it != hi; ++it)
      if (collect.found({it->i, it->j})) return result;
  }
  if (within(3)) {
    for (std::uint32_t k = 0; k < n; ++k) {
      if (amounts[k] <= 0 || amounts[k] >= target) continue;
      auto [lo, hi] = range(target - amounts[k]);
      if (spend(1 + (hi - lo))) return result;
      for (auto it = lo; it != hi; ++it)
        if (k < it->i && collect.found({k, it->i, it->j})) return result;
    }
  }
  if (within(4)) {
    for (const PairSum& p : pairs) {
      auto [lo, hi] = range(target - p.sum);
      if (spend(1 + (hi - lo))) return result;
      for (auto it = lo; it != hi; ++it)
        if (p.j < it->i && collect.found({p.i, p.j, it->i, it->j})) return result;
    }
  }
  return result;
}

}  // namespace

CombinationResult find_exact_sum(std::span<const std::int64_t> amounts, std::int64_t target,
                                 const CombinationBounds& bounds) {
  using Strategy = CombinationBounds::Strategy;
  const bool mitm = bounds.strategy == Strategy::kMeetInTheMiddle ||
                    (bounds.strategy == Strategy::kAuto && bounds.max_size <= 4 && amounts.size() > 8);
  if (mitm && bounds.max_size <= 4) return meet_in_the_middle(amounts, target, bounds);
  std::vector<std::uint32_t> order;
  order.reserve(amounts.size());
  for (std::uint32_t i = 0; i < amounts.size(); ++i)
    if (amounts[i] > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return amounts[x] > amounts[y]; });
  std::vector<std::int64_t> sorted;
  sorted.reserve(order.size());
  for (std::uint32_t i : order) sorted.push_back(amounts[i]);

  Search s;
  s.sorted = &sorted;
  s.order = &order;
  s.bounds = bounds;
  s.prefix.assign(sorted.size() + 1, 0);
  for (std::size_t i = 0; i < sorted.size(); ++i) s.prefix[i + 1] = s.prefix[i] + sorted[i];
  if (target <= 0 || bounds.max_size <= 0) return s.result;
  s.run(0, target, 0);
  return s.result;
}

}  // namespace otc::engine
