#pragma once
// Small flat containers used by the matching engine: built once, then read many times without
// allocating. Keys are 64-bit hashes; callers confirm a hit against the real value.
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace otc::engine {

/// 64-bit hash of a byte string (FNV-1a followed by a final avalanche mix).
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

/// Mixes two 64-bit values into one key (e.g. currency and amount).
inline std::uint64_t hash_pair(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x7f4a7c159e3779b9ULL + (a << 6) + (a >> 2));
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return h;
}

/// A multimap from 64-bit keys to 32-bit values: add() everything, build() once, then find().
/// Values of one key come back in the order they were added.
class FlatMultiMap {
 public:
  void reserve(std::size_t n) { pending_.reserve(n); }
  void add(std::uint64_t key, std::uint32_t value) { pending_.emplace_back(key, value); }
  void build();
  std::span<const std::uint32_t> find(std::uint64_t key) const;
  std::size_t size() const { return values_.size(); }

 private:
  struct Entry {
    std::uint64_t key;
    std::uint32_t value;
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> pending_;
  std::vector<std::uint32_t> starts_;  // bucket b holds entries [starts_[b], starts_[b + 1])
  std::vector<Entry> entries_;         // grouped by bucket, then by key
  std::vector<std::uint32_t> values_;  // entries_[i].value, contiguous for find()
  std::uint64_t mask_ = 0;
};

}  // namespace otc::engine
