#pragma once
// Small text helpers, one copy each: trimming and ASCII case folding.
#include <cctype>
#include <string>
#include <string_view>

namespace otc::core {

inline bool is_blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

/// Without leading ASCII white space.
inline std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}
/// Without trailing ASCII white space.
inline std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}
/// Without leading and trailing ASCII white space.
inline std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }

/// ASCII lower case (bytes outside A-Z unchanged, so UTF-8 text passes through).
inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

}  // namespace otc::core
