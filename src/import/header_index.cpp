#include "otc/import/header_index.hpp"

#include <cctype>

namespace otc::import {

std::string normalize_header(std::string_view h) {
  std::string out;
  out.reserve(h.size());
  for (unsigned char c : h)
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  return out;
}

HeaderIndex::HeaderIndex(const std::vector<std::string>& header) {
  names_.reserve(header.size());
  for (const auto& h : header) names_.push_back(normalize_header(h));
}

HeaderIndex::HeaderIndex(const std::vector<std::string_view>& header) {
  names_.reserve(header.size());
  for (auto h : header) names_.push_back(normalize_header(h));
}

namespace {
// The first of `wanted` (most specific first) that some column is named.
template <class Names>
int first_present(const std::vector<std::string>& columns, const Names& wanted) {
  for (std::string_view n : wanted)
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (!n.empty() && columns[i] == n) return static_cast<int>(i);
  return -1;
}
}  // namespace

int HeaderIndex::find(std::initializer_list<std::string_view> names) const { return first_present(names_, names); }

int HeaderIndex::find(const std::vector<std::string_view>& names) const { return first_present(names_, names); }

int HeaderIndex::find_any_spelling(std::string_view name) const {
  std::string n = normalize_header(name);
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == n) return static_cast<int>(i);
  return -1;
}

}  // namespace otc::import
