#pragma once
// The one header-to-column resolver: every CSV reader (record imports, bank CSV, gateway exports)
// finds its columns here, comparing names after normalize_header() ("Invoice #" = "invoice").
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace otc::import {

/// Lower-cases and keeps only letters and digits: "Invoice #" -> "invoice", "Due_Date" -> "duedate".
std::string normalize_header(std::string_view header);

class HeaderIndex {
 public:
  HeaderIndex() = default;
  explicit HeaderIndex(const std::vector<std::string>& header);
  explicit HeaderIndex(const std::vector<std::string_view>& header);

  /// The first column whose normalised name is one of `names` (tried in order: most specific
  /// first), -1 when none is present. `names` are given normalised.
  int find(std::initializer_list<std::string_view> names) const;
  int find(const std::vector<std::string_view>& names) const;
  /// The leftmost column whose normalised name is any of `names`, -1 when none.
  template <class Names>
  int leftmost(const Names& names) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
      for (std::string_view n : names)
        if (!n.empty() && names_[i] == n) return static_cast<int>(i);
    return -1;
  }
  /// The column named `name` (any spelling: it is normalised first), -1 when absent.
  int find_any_spelling(std::string_view name) const;
  bool contains(std::string_view normalised) const { return find({normalised}) >= 0; }
  const std::string& normalised(std::size_t i) const { return names_[i]; }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
};

}  // namespace otc::import
