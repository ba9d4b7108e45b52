#pragma once
// Bounded exact-sum search: which few open invoices add up to a receipt's amount?
#include <cstdint>
#include <span>
#include <vector>

namespace otc::engine {

/// Bounds of one search. The search stops at the second solution (the answer is then ambiguous)
/// or when `node_budget` nodes have been visited (the answer is then unknown).
struct CombinationBounds {
  int min_size = 2;
  int max_size = 4;
  std::int64_t node_budget = 200000;
  /// kAuto: meet-in-the-middle over sums of pairs when max_size <= 4 and there are more than 8
  /// amounts (O(n^2 log n)), else a depth-first search pruned by the largest reachable sum.
  /// Both count the same solutions; a node is one search step or one pair of amounts.
  enum class Strategy : std::uint8_t { kAuto, kDepthFirst, kMeetInTheMiddle };
  Strategy strategy = Strategy::kAuto;
};

struct CombinationResult {
  int solutions = 0;              ///< 0, 1, or 2 meaning "two or more"
  bool budget_exhausted = false;  ///< the search stopped early: neither 0 nor 1 can be trusted
  std::int64_t nodes = 0;         ///< nodes visited
  std::vector<std::uint32_t> picks;  ///< indices into `amounts` of the first solution, ascending
};

/// Finds subsets of `amounts` (each > 0; non-positive ones are never picked) with between
/// min_size and max_size members that sum exactly to `target`. Subsets are sets of positions:
/// two equal amounts at different positions give two different solutions.
CombinationResult find_exact_sum(std::span<const std::int64_t> amounts, std::int64_t target,
                                 const CombinationBounds& bounds);

}  // namespace otc::engine
