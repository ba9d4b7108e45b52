#include "otc/engine/matching_index.hpp"

#include <algorithm>

namespace otc::engine {

void FlatMultiMap::build() {
  // Stable by insertion order within a key: sort on (key, position).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
  order.reserve(pending_.size());
  for (std::uint32_t i = 0; i < pending_.size(); ++i) order.emplace_back(pending_[i].first, i);
  std::sort(order.begin(), order.end());

  values_.clear();
  values_.reserve(order.size());
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < order.size(); ++i)
    if (i == 0 || order[i].first != order[i - 1].first) ++distinct;
  std::size_t cap = 16;
  while (cap < distinct * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;

  std::size_t i = 0;
  while (i < order.size()) {
    std::size_t j = i;
    const std::uint64_t key = order[i].first;
    const auto begin = static_cast<std::uint32_t>(values_.size());
    while (j < order.size() && order[j].first == key) {
      values_.push_back(pending_[order[j].second].second);
      ++j;
    }
    std::uint64_t s = key & mask_;
    while (slots_[s].count != 0) s = (s + 1) & mask_;
    slots_[s] = Slot{key, begin, static_cast<std::uint32_t>(j - i)};
    i = j;
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

std::span<const std::uint32_t> FlatMultiMap::find(std::uint64_t key) const {
  if (slots_.empty()) return {};
  std::uint64_t s = key & mask_;
  while (true) {
    const Slot& slot = slots_[s];
    if (slot.count == 0) return {};
    if (slot.key == key) return std::span<const std::uint32_t>(values_.data() + slot.begin, slot.count);
    s = (s + 1) & mask_;
  }
}

}  // namespace otc::engine
