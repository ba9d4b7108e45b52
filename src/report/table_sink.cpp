// The table sink: aligned columns for a person at a terminal, fitted to a width.
//
// Fitting, in order, while the table is wider than the width:
//   1. long text cells are cut to kLongText characters, ending with "…";
//   2. the widest text column is narrowed one character at a time, down to kSoftText characters;
//   3. the report's low-value columns (Column::drop = 1, 2, ...) are dropped, 1 first;
//   4. the widest text column is narrowed one character at a time, never below its name nor
//      kMinText characters.
// Numbers and dates are never cut: an amount is shown whole or its column is dropped. When even
// that cannot fit the width, text is not narrowed (only cut at kLongText): the table is wider.
#include <algorithm>
#include <string>
#include <vector>

#include "otc/report/row_sink.hpp"

namespace otc::report {
namespace {

constexpr std::size_t kLongText = 32;
constexpr std::size_t kSoftText = 16;
constexpr std::size_t kMinText = 8;
constexpr std::size_t kGap = 2;

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view first_line(std::string_view v) {
  if (auto nl = v.find_first_of("\r\n"); nl != std::string_view::npos) return v.substr(0, nl);
  return v;
}

// The first `width` display characters of `s`, the last of them "…" when `s` is longer.
std::string cut(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (n == width - 1) break;
      ++n;
    }
    out.push_back(s[i]);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();  // "Something …" reads as "Something…"
  out.append("\xE2\x80\xA6");  // …
  return out;
}

}  // namespace

/// "1234567.89" -> "1,234,567.89"; "-1234" -> "-1,234"; anything that is not a plain decimal is
/// returned unchanged.
std::string group_thousands(std::string_view v) {
  std::size_t i = 0;
  std::string sign;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) sign = std::string(1, v[0]), i = 1;
  std::size_t int_end = v.find('.', i);
  if (int_end == std::string_view::npos) int_end = v.size();
  std::string_view int_part = v.substr(i, int_end - i);
  if (int_part.empty()) return std::string(v);
  for (char c : int_part)
    if (c < '0' || c > '9') return std::string(v);
  for (char c : v.substr(int_end == v.size() ? v.size() : int_end + 1))
    if (c < '0' || c > '9') return std::string(v);
  std::string out = sign;
  for (std::size_t k = 0; k < int_part.size(); ++k) {
    if (k && (int_part.size() - k) % 3 == 0) out.push_back(',');
    out.push_back(int_part[k]);
  }
  out.append(v.substr(int_end));
  return out;
}

namespace {

class TableSink final : public RowSink {
 public:
  TableSink(std::ostream& out, std::size_t width) : out_(out), width_(width == 0 ? 120 : width) {}
  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    rows_.clear();
  }
  void row(const std::vector<std::string>& cells) override {
    std::vector<std::string> r(columns_.size());
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
      std::string_view v = first_line(cells[i]);
      r[i] = columns_[i].kind == CellKind::kNumber ? group_thousands(v) : std::string(v);
    }
    rows_.push_back(std::move(r));
  }
  void end() override {
    const std::size_t n = columns_.size();
    std::vector<std::size_t> natural(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      natural[i] = display_width(columns_[i].name);
      for (const auto& r : rows_) natural[i] = std::max(natural[i], display_width(r[i]));
    }
    std::vector<bool> shown(n, true);
    std::vector<std::size_t> width = natural;
    auto total = [&] {
      std::size_t t = 0, k = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (shown[i]) t += width[i], ++k;
      return t + (k ? (k - 1) * kGap : 0);
    };
    auto is_text = [&](std::size_t i) { return columns_[i].kind == CellKind::kText; };
    if (total() > width_) {
      for (std::size_t i = 0; i < n; ++i)
        if (is_text(i)) width[i] = std::min(width[i], kLongText);
    }
    const std::vector<std::size_t> capped = width;
    // Narrows the widest text column while the table is too wide; `floor_of` says how far.
    auto narrow = [&](auto floor_of) {
      while (total() > width_) {
        std::size_t widest = n;
        for (std::size_t i = 0; i < n; ++i)
          if (shown[i] && is_text(i) && width[i] > floor_of(i) && (widest == n || width[i] > width[widest])) widest = i;
        if (widest == n) return;
        --width[widest];
      }
    };
    auto name_width = [&](std::size_t i) { return display_width(columns_[i].name); };
    narrow([&](std::size_t i) { return std::max({kSoftText, name_width(i)}); });
    int max_drop = 0;
    for (const auto& c : columns_) max_drop = std::max(max_drop, c.drop);
    for (int d = 1; d <= max_drop && total() > width_; ++d)
      for (std::size_t i = 0; i < n; ++i)
        if (columns_[i].drop == d) shown[i] = false;
    // Dropping may have freed more than needed: give narrowed columns back what now fits.
    for (std::size_t i = 0; i < n; ++i)
      while (shown[i] && width[i] < std::min(natural[i], kLongText) && total() < width_) ++width[i];
    narrow([&](std::size_t i) { return std::max(kMinText, name_width(i)); });
    // Narrowing that cannot make it fit only hides text: then the table is printed wider, whole.
    if (total() > width_) width = capped;
    std::string line;
    auto emit = [&](auto cell_of, bool header) {
      line.clear();
      bool first = true;
      for (std::size_t i = 0; i < n; ++i) {
        if (!shown[i]) continue;
        std::string v = cut(cell_of(i), width[i]);
        std::size_t pad = width[i] - display_width(v);
        bool right = !header && columns_[i].kind == CellKind::kNumber;
        if (!first) line.append(kGap, ' ');
        first = false;
        if (right) line.append(pad, ' ');
        line.append(v);
        if (!right) line.append(pad, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      line.push_back('\n');
      out_ << line;
    };
    emit([&](std::size_t i) -> std::string_view { return columns_[i].name; }, true);
    std::vector<std::string> rule(n);
    for (std::size_t i = 0; i < n; ++i) rule[i] = std::string(width[i], '-');
    emit([&](std::size_t i) -> std::string_view { return rule[i]; }, true);
    for (const auto& r : rows_) emit([&](std::size_t i) -> std::string_view { return r[i]; }, false);
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::size_t width_;
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::unique_ptr<RowSink> make_table_sink(std::ostream& out, const SinkOptions& options) {
  return std::make_unique<TableSink>(out, options.width);
}

}  // namespace otc::report
