#include "otc/report/html.hpp"

#include "otc/core/text.hpp"

namespace otc::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}


std::string html_lines(std::string_view text) {
  std::string out;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t cut = rest.find_first_of("\n;");
    std::string_view part = core::trim(rest.substr(0, cut));
    if (!part.empty()) {
      if (!out.empty()) out += "<br>";
      out += html_escape(part);
    }
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
  }
  return out;
}

}  // namespace otc::report
