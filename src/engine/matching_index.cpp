#include "otc/engine/matching_index.hpp"

#include <algorithm>

namespace otc::engine {

void FlatMultiMap::build() {
  // Counting sort by bucket (the key's low bits): two linear passes, stable, no comparison sort.
  std::size_t cap = 16;
  while (cap < pending_.size()) cap <<= 1;
  mask_ = cap - 1;
  starts_.assign(cap + 1, 0);
  for (const auto& [key, value] : pending_) ++starts_[(key & mask_) + 1];
  for (std::size_t b = 0; b < cap; ++b) starts_[b + 1] += starts_[b];
  entries_.resize(pending_.size());
  std::vector<std::uint32_t> fill(starts_.begin(), starts_.end() - 1);
  for (const auto& [key, value] : pending_) entries_[fill[key & mask_]++] = Entry{key, value};
  // Within a bucket, group equal keys (stable: values of a key keep their insertion order).
  for (std::size_t b = 0; b < cap; ++b) {
    const auto first = entries_.begin() + starts_[b];
    const auto last = entries_.begin() + starts_[b + 1];
    if (last - first > 1)
      std::stable_sort(first, last, [](const Entry& x, const Entry& y) { return x.key < y.key; });
  }
  values_.resize(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) values_[i] = entries_[i].value;
  pending_.clear();
  pending_.shrink_to_fit();
}

std::span<const std::uint32_t> FlatMultiMap::find(std::uint64_t key) const {
  if (starts_.empty()) return {};
  const std::uint64_t b = key & mask_;
  std::uint32_t i = starts_[b];
  const std::uint32_t end = starts_[b + 1];
  while (i < end && entries_[i].key != key) ++i;
  std::uint32_t j = i;
  while (j < end && entries_[j].key == key) ++j;
  return std::span<const std::uint32_t>(values_.data() + i, j - i);
}

}  // namespace otc::engine
