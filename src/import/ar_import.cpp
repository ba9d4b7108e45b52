#include "otc/import/ar_import.hpp"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "otc/core/text.hpp"

namespace otc::import {
namespace {

// How far down a report export the header row is looked for (title, company, "As of" lines).
constexpr long kHeaderSearchRecords = 40;

/// The file's bytes when it has CR-only line endings (old Excel for Mac), with each lone CR made a
/// LF; empty otherwise. Line numbers are unchanged. (The tokenizer learns CR-only endings itself
/// in issue 15; until then the importer converts.)
std::string cr_only_copy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  char head[65536];
  in.read(head, sizeof head);
  std::streamsize n = in.gcount();
  bool lone_cr = false;
  for (std::streamsize i = 0; i < n; ++i)
    if (head[i] == '\r' && (i + 1 >= n || head[i + 1] != '\n')) { lone_cr = i + 1 < n || n < static_cast<std::streamsize>(sizeof head); break; }
    else if (head[i] == '\n') return {};
  if (!lone_cr) return {};
  in.clear();
  in.seekg(0);
  std::ostringstream all;
  all << in.rdbuf();
  std::string data = all.str();
  for (std::size_t i = 0; i < data.size(); ++i)
    if (data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n')) data[i] = '\n';
  return data;
}

/// Excel's "sep=;" first line names the delimiter.
std::optional<char> excel_separator(const std::string& path, const std::string& data) {
  std::string first;
  if (!data.empty()) first = data.substr(0, data.find('\n'));
  else {
    std::ifstream in(path, std::ios::binary);
    std::getline(in, first);
  }
  if (first.rfind("\xEF\xBB\xBF", 0) == 0) first = first.substr(3);
  while (!first.empty() && (first.back() == '\r' || first.back() == '\n')) first.pop_back();
  if (first.size() == 5 && first.compare(0, 4, "sep=") == 0) return first[4];
  return std::nullopt;
}

std::vector<std::string> record_fields(const CsvReader& reader) {
  std::vector<std::string> header;
  for (std::size_t i = 0; i < reader.size(); ++i) header.emplace_back(reader.field(i));
  return header;
}

const char* key_field(std::string_view kind) {
  if (kind == "invoices" || kind == "invoice_lines") return "invoice_id";
  if (kind == "payments") return "payment_id";
  return "customer_id";
}

/// "Total", "TOTAL", "Total for Acme", "Grand Totals (3 records)", "Subtotal": a total row.
bool is_total_text(std::string_view t) {
  // Compared in place, case-insensitively (every row of a file passes here).
  auto lower = [&](std::size_t i) { return static_cast<char>(std::tolower(static_cast<unsigned char>(t[i]))); };
  if (t.empty()) return false;
  if (char f = lower(0); f != 'g' && f != 's' && f != 't') return false;
  for (std::string_view prefix : {"grand total", "subtotal", "sub-total", "total"}) {
    if (t.size() < prefix.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < prefix.size() && same; ++i) same = lower(i) == prefix[i];
    if (!same) continue;
    if (t.size() == prefix.size()) return true;
    char next = lower(prefix.size());
    return next == ' ' || next == ':' || next == 's' || next == '(';
  }
  return false;
}

/// The date of a report's "As of November 30, 2026" title line (also "As of 11/30/2026",
/// "As of 2026-11-30", "As of 30 Nov 2026"); nullopt when the record says no such thing.
std::optional<core::Date> as_of_line(const CsvReader& r) {
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::string_view v = core::trim(r.field(i));
    if (v.size() < 8) continue;
    std::string lower;
    for (char c : v) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::size_t at = lower.find("as of ");
    if (at == std::string::npos) continue;
    std::string_view rest = core::trim(v.substr(at + 6));
    if (auto d = core::parse_iso_date(rest)) return d;
    if (auto d = core::DateFormat("%m/%d/%Y").parse(rest)) return d;
    // "November 30, 2026", "Nov 30, 2026", "30 November 2026"
    std::vector<std::string> words;
    std::string w;
    for (char c : rest) {
      if (std::isalnum(static_cast<unsigned char>(c))) w.push_back(c);
      else if (!w.empty()) words.push_back(std::move(w)), w.clear();
    }
    if (!w.empty()) words.push_back(w);
    if (words.size() < 3) continue;
    auto number = [](const std::string& s) {
      int n = 0;
      for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || n > 10000) return -1;
        n = n * 10 + (c - '0');
      }
      return n;
    };
    int month = core::month_from_name(words[0]), day = number(words[1]), year = number(words[2]);
    if (month == 0) month = core::month_from_name(words[1]), day = number(words[0]);
    if (month > 0 && day > 0 && year > 1900)
      if (auto d = core::Date::from_ymd(year, month, day)) return d;
  }
  return std::nullopt;
}

}  // namespace

ArImportFile::ArImportFile(const ImportOptions& opt)
    : display_name_(opt.display_name),
      options_(&opt),
      settings_(settings_with_mapping(opt.settings, opt.mapping)),
      data_(cr_only_copy(opt.path)),
      map_() {
  if (auto sep = excel_separator(opt.path, data_); sep && !(opt.mapping && opt.mapping->delimiter)) settings_.delimiter = *sep;
  if (settings_.default_currency.empty()) settings_.default_currency = profile_default_currency(opt.profile);
  if (settings_.date_format.is_iso() && settings_.extra_date_formats.empty())
    settings_.extra_date_formats = profile_date_formats(opt.profile);
  if (data_.empty()) reader_ = std::make_unique<CsvReader>(opt.path, settings_.delimiter);
  else reader_ = std::make_unique<CsvReader>(opt.display_name, std::string_view(data_), settings_.delimiter);

  // The header: the mapping file's header_row, else the first record (of the first few) that has
  // every required field; report exports put a company name, a title and "As of" lines above it.
  std::optional<core::Error> first_error;
  bool found = false;
  for (long records = 0; records < kHeaderSearchRecords && reader_->next(); ++records) {
    if (!report_as_of_) report_as_of_ = as_of_line(*reader_);
    if (opt.mapping && opt.mapping->header_row && reader_->line() < *opt.mapping->header_row) continue;
    auto fields = record_fields(*reader_);
    try {
      map_ = ColumnMap::resolve(opt.kind, opt.profile, opt.mapping, fields, opt.display_name);
      header_ = std::move(fields);
      header_line_ = reader_->line();
      found = true;
      break;
    } catch (const core::Error& e) {
      if (e.kind() != core::ErrorKind::kInput) throw;
      if (!first_error) first_error = e;
      if (opt.mapping && opt.mapping->header_row) {
        core::Error at_row(core::ErrorKind::kInput, e.what(), {opt.display_name, reader_->line(), 0}, e.hint());
        throw at_row;
      }
    }
  }
  if (!found) {
    if (first_error) throw *first_error;
    throw core::Error(core::ErrorKind::kInput, "file is empty (expected a header row)", {opt.display_name, 1, 0});
  }
  key_index_ = map_.index(key_field(opt.kind));
  // The parser was built on the empty map; rebuild it on the resolved one.
  parser_.emplace(map_, settings_);
  parser_->configure(opt.mapping, opt.profile, !opt.settings.default_currency.empty(), nullptr);
}

void ArImportFile::set_customer_currency(CustomerCurrencyFn fn) {
  parser_->configure(options_->mapping, options_->profile, !options_->settings.default_currency.empty(), std::move(fn));
}

bool ArImportFile::layout_row() const {
  const CsvReader& r = *reader_;
  int non_empty = 0;
  std::string_view first;
  bool same_as_header = r.size() == header_.size();
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::string_view v = core::trim(r.field(i));
    if (same_as_header && v != core::trim(header_[i])) same_as_header = false;
    if (v.empty()) continue;
    if (non_empty++ == 0) first = v;
  }
  if (non_empty == 0) return true;                 // blank, or all commas
  if (same_as_header) return true;                 // the header repeated (paged report exports)
  if (is_total_text(first)) return true;           // "Total for Acme", "TOTAL", "Total: 1,234.00"
  std::string_view key = key_index_ >= 0 ? core::trim(r.field(static_cast<std::size_t>(key_index_))) : std::string_view();
  // A section row ("Current", "1 - 30 days past due", a customer's name over its invoices) or a
  // footer ("Accrual Basis Tuesday, December 1, 2026"): one cell, and no record id.
  return key.empty() && non_empty == 1;
}

bool ArImportFile::next() {
  while (reader_->next()) {
    if (!layout_row()) return true;
    ++layout_rows_;
  }
  return false;
}

core::Issue ArImportFile::issue(std::string_view field, std::string message) const {
  core::Issue is = issue_at(*reader_, field.empty() ? 0 : map_.column(field), std::move(message));
  is.where.file = display_name_;
  return is;
}

}  // namespace otc::import
