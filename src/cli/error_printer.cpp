#include "error_printer.hpp"

namespace otc::cli {
namespace {

bool continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Appends the line and a caret under byte `caret` of `text`. The echo is cut to kMaxEchoedInput
// characters (a window around the caret when it lies further right); tabs and control characters
// are shown as one space each so that the caret stays under its column.
void append_excerpt(std::string& out, std::string_view text, int caret) {
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) text.remove_suffix(1);
  if (text.empty()) return;
  std::size_t begin = 0;
  if (caret > 0 && static_cast<std::size_t>(caret) > kMaxEchoedInput - 20) {
    begin = static_cast<std::size_t>(caret) - (kMaxEchoedInput - 40);
    while (begin < text.size() && continuation_byte(static_cast<unsigned char>(text[begin]))) ++begin;
  }
  std::string shown = begin > 0 ? "..." : "";
  const std::size_t prefix = shown.size();
  std::size_t chars = 0, before_caret = 0;
  bool cut = false;
  for (std::size_t i = begin; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!continuation_byte(c)) {
      if (chars >= kMaxEchoedInput - prefix) { cut = true; break; }
      if (caret >= 0 && i < static_cast<std::size_t>(caret)) ++before_caret;
      ++chars;
    }
    shown.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
  }
  const std::size_t caret_col = prefix + before_caret;
  if (cut) shown += "...";
  out += "  ";
  out += shown;
  out += '\n';
  if (caret >= 0) {
    out += "  ";
    out.append(caret_col, ' ');
    out += "^\n";
  }
}

// Input quoted in a message ('...') is cut to kMaxEchoedInput characters, so that a 5,000-character
// cell never floods the terminal; a message is never longer than 3 * kMaxEchoedInput.
std::string cut_quoted_input(std::string_view message) {
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    std::size_t open = message.find('\'', i);
    if (open == std::string_view::npos) break;
    std::size_t close = message.find('\'', open + 1);
    if (close == std::string_view::npos) break;
    out.append(message.substr(i, open + 1 - i));
    std::string_view quoted = message.substr(open + 1, close - open - 1);
    if (quoted.size() > kMaxEchoedInput) {
      std::size_t cut = kMaxEchoedInput;
      while (cut > 0 && continuation_byte(static_cast<unsigned char>(quoted[cut]))) --cut;
      out.append(quoted.substr(0, cut));
      out += "...";
    } else {
      out.append(quoted);
    }
    out += '\'';
    i = close + 1;
  }
  out.append(message.substr(std::min(i, message.size())));
  if (out.size() > 3 * kMaxEchoedInput) {
    std::size_t cut = 3 * kMaxEchoedInput;
    while (cut > 0 && continuation_byte(static_cast<unsigned char>(out[cut]))) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

}  // namespace

std::string render_issue(const core::Issue& issue, std::string_view prefix) {
  std::string out(prefix);
  std::string where = core::format_location(issue.where);
  if (!where.empty()) out += where + ": ";
  out += cut_quoted_input(issue.message);
  out += '\n';
  append_excerpt(out, issue.where.text, issue.where.caret);
  return out;
}

std::string render_error(const core::Error& e) {
  std::string out;
  for (const auto& issue : e.issues()) out += render_issue(issue);
  out += render_issue({e.where(), e.what()});
  for (const auto& c : e.context()) out += "  " + c + "\n";
  if (!e.hint().empty()) out += "  hint: " + e.hint() + "\n";
  return out;
}

}  // namespace otc::cli
