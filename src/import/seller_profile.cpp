#include "otc/import/seller_profile.hpp"

#include <filesystem>

#include "otc/core/error.hpp"
#include "otc/core/text.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;

core::SourceLocation where(const std::string& file, long line, std::string_view text, std::size_t col) {
  return {file, line, static_cast<int>(col + 1), std::string(text), static_cast<int>(col)};
}

/// Splits on '\n' or ';' into trimmed non-empty lines.
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t cut = text.find_first_of("\n;");
    std::string_view part = core::trim(text.substr(0, cut));
    if (!part.empty()) out.emplace_back(part);
    text = cut == std::string_view::npos ? std::string_view{} : text.substr(cut + 1);
  }
  return out;
}

/// One quoted string starting at text[pos] == '"'; pos ends after the closing quote.
std::string quoted(std::string_view text, std::size_t& pos, const std::string& file, long line_no) {
  const std::size_t start = pos;
  std::string out;
  for (++pos; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '"') {
      ++pos;
      return out;
    }
    if (c == '\\' && pos + 1 < text.size()) {
      char n = text[++pos];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += c;
    }
  }
  throw Error(ErrorKind::kInput, "unterminated quoted value", where(file, line_no, text, start));
}

void skip_space(std::string_view t, std::size_t& p) {
  while (p < t.size() && (t[p] == ' ' || t[p] == '\t')) ++p;
}

bool at_comment_or_end(std::string_view t, std::size_t p) { return p >= t.size() || t[p] == '#' || t[p] == ';'; }

/// The value after '=': a quoted string, an array of quoted strings (lines joined by '\n'), or bare text.
std::string value_of(std::string_view t, std::size_t p, const std::string& file, long line_no) {
  skip_space(t, p);
  std::string v;
  if (p < t.size() && t[p] == '"') {
    v = quoted(t, p, file, line_no);
  } else if (p < t.size() && t[p] == '[') {
    ++p;
    for (;;) {
      skip_space(t, p);
      if (p < t.size() && t[p] == ']') {
        ++p;
        break;
      }
      if (p >= t.size() || t[p] != '"')
        throw Error(ErrorKind::kInput, "expected a quoted string or ']' in the list", where(file, line_no, t, p));
      if (!v.empty()) v += '\n';
      v += quoted(t, p, file, line_no);
      skip_space(t, p);
      if (p < t.size() && t[p] == ',') ++p;
    }
  } else {
    // A bare value runs to the end of the line or to " #" (so "Suite #5" and "a; b" stay whole).
    std::size_t end = p;
    while (end < t.size() && !(t[end] == '#' && end > p && (t[end - 1] == ' ' || t[end - 1] == '\t'))) ++end;
    return std::string(core::trim(t.substr(p, end - p)));
  }
  skip_space(t, p);
  if (!at_comment_or_end(t, p)) throw Error(ErrorKind::kInput, "unexpected text after the value", where(file, line_no, t, p));
  return v;
}

}  // namespace

SellerProfile parse_seller_profile(std::string_view text, const std::string& file) {
  SellerProfile sp;
  sp.source = file;
  std::string section;
  long line_no = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::pair<std::string, std::string>> remit;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::size_t p = 0;
    skip_space(raw, p);
    if (at_comment_or_end(raw, p)) continue;
    if (raw[p] == '[') {
      std::size_t close = raw.find(']', p);
      if (close == std::string_view::npos) throw Error(ErrorKind::kInput, "section header without ']'", where(file, line_no, raw, p));
      section = std::string(core::trim(raw.substr(p + 1, close - p - 1)));
      if (section != "seller" && section != "remittance" && section != "statement")
        throw Error(ErrorKind::kInput, "unknown section [" + section + "]", where(file, line_no, raw, p),
                    "sections: [seller], [remittance], [statement]");
      continue;
    }
    std::size_t eq = raw.find('=', p);
    if (eq == std::string_view::npos)
      throw Error(ErrorKind::kInput, "expected `key = value`", where(file, line_no, raw, p));
    std::string key(core::trim(raw.substr(p, eq - p)));
    if (section.empty())
      throw Error(ErrorKind::kInput, "key '" + key + "' before any section", where(file, line_no, raw, p), "start with [seller]");
    std::string value = value_of(raw, eq + 1, file, line_no);
    auto unknown = [&](const char* keys) {
      throw Error(ErrorKind::kInput, "unknown key '" + key + "' in [" + section + "]", where(file, line_no, raw, p),
                  std::string("keys: ") + keys);
    };
    if (section == "seller") {
      if (key == "name") sp.name = value;
      else if (key == "address") sp.address = lines_of(value);
      else if (key == "email") sp.email = value;
      else if (key == "phone") sp.phone = value;
      else if (key == "tax_id") sp.tax_id = value;
      else if (key == "website") sp.website = value;
      else unknown("name, address, email, phone, tax_id, website");
    } else if (section == "remittance") {
      static const std::vector<std::pair<std::string, std::string>> kLabels = {
          {"bank", "Bank"},           {"account_name", "Account name"}, {"account_number", "Account number"},
          {"routing", "Routing"},     {"iban", "IBAN"},                 {"swift", "SWIFT/BIC"},
          {"reference", "Reference"}, {"instructions", ""}};
      bool known = false;
      for (const auto& [k, label] : kLabels)
        if (k == key) {
          known = true;
          if (label.empty()) for (auto& l : lines_of(value)) sp.remittance.push_back(l);
          else if (!value.empty()) sp.remittance.push_back(label + ": " + value);
        }
      if (!known) unknown("instructions, bank, account_name, account_number, routing, iban, swift, reference");
    } else {
      if (key == "note") sp.statement_note = value;
      else if (key == "contact") sp.contact = value;
      else unknown("note, contact");
    }
  }
  return sp;
}

std::optional<std::string> find_seller_file(const std::string& folder) {
  namespace fs = std::filesystem;
  for (const char* name : {"seller.toml", "seller.ini"}) {
    fs::path p = fs::path(folder.empty() ? "." : folder) / name;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return std::nullopt;
}

}  // namespace otc::import
