// --sort and --customer: rows filtered and sorted on their way to the format's sink.
#include <algorithm>
#include <charconv>

#include "otc/core/error.hpp"
#include "otc/report/appending_sink.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {
namespace {

using core::Error;
using core::ErrorKind;

// A plain decimal compared exactly: sign, integer digits, fraction digits (no float).
int compare_numbers(std::string_view a, std::string_view b) {
  auto parts = [](std::string_view s, bool& neg, std::string_view& ip, std::string_view& fp) {
    neg = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    auto dot = s.find('.');
    ip = s.substr(0, dot);
    fp = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    while (ip.size() > 1 && ip[0] == '0') ip.remove_prefix(1);
  };
  if (a.empty() || b.empty()) return a.empty() == b.empty() ? 0 : (a.empty() ? -1 : 1);  // empty first
  bool na, nb;
  std::string_view ia, fa, ib, fb;
  parts(a, na, ia, fa);
  parts(b, nb, ib, fb);
  auto magnitude = [](std::string_view ia, std::string_view fa, std::string_view ib, std::string_view fb) {
    if (ia.size() != ib.size()) return ia.size() < ib.size() ? -1 : 1;
    if (int c = ia.compare(ib)) return c < 0 ? -1 : 1;
    std::size_t n = std::max(fa.size(), fb.size());
    for (std::size_t i = 0; i < n; ++i) {
      char x = i < fa.size() ? fa[i] : '0', y = i < fb.size() ? fb[i] : '0';
      if (x != y) return x < y ? -1 : 1;
    }
    return 0;
  };
  int m = magnitude(ia, fa, ib, fb);
  if (m == 0 && (na != nb)) {
    // -0.00 and 0.00 are equal; otherwise the signs decide
    bool zero = ia.find_first_not_of('0') == std::string_view::npos && fa.find_first_not_of('0') == std::string_view::npos;
    return zero ? 0 : (na ? -1 : 1);
  }
  if (na != nb) return na ? -1 : 1;
  return na ? -m : m;
}

class SelectingSink final : public RowSink {
 public:
  SelectingSink(RowSink& inner, RowSelection sel) : inner_(inner), sel_(std::move(sel)) {
    auto colon = sel_.sort.rfind(':');
    if (colon != std::string::npos) {
      std::string dir = sel_.sort.substr(colon + 1);
      if (dir != "desc" && dir != "asc") throw Error(ErrorKind::kUsage, "--sort '" + sel_.sort.substr(0, 200) + "': the order is asc or desc");
      desc_ = dir == "desc";
      sel_.sort.resize(colon);
    }
  }
  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    auto find = [&](const std::string& name) -> int {
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return static_cast<int>(i);
      return -1;
    };
    auto names = [&] {
      std::string out;
      for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c.name;
      return out;
    };
    if (!sel_.sort.empty()) {
      sort_ = find(sel_.sort);
      if (sort_ < 0) throw Error(ErrorKind::kUsage, "--sort: this report has no column '" + sel_.sort.substr(0, 200) + "'", {}, "its columns: " + names());
    }
    if (!sel_.customer.empty()) {
      customer_ = find("customer_id");
      if (customer_ < 0) customer_ = find("customer");
      if (customer_ < 0) throw Error(ErrorKind::kUsage, "--customer: this report has no customer_id column", {}, "its columns: " + names());
    }
    inner_.begin(columns);
  }
  void row(const std::vector<std::string>& cells) override {
    if (customer_ >= 0 && (static_cast<std::size_t>(customer_) >= cells.size() || cells[static_cast<std::size_t>(customer_)] != sel_.customer))
      return;
    if (sort_ < 0) {
      inner_.row(cells);
      return;
    }
    rows_.push_back(cells);
  }
  void end() override {
    if (sort_ >= 0) {
      const auto k = static_cast<std::size_t>(sort_);
      const bool numeric = columns_[k].kind == CellKind::kNumber;
      std::stable_sort(rows_.begin(), rows_.end(), [&](const auto& a, const auto& b) {
        int c = numeric ? compare_numbers(a[k], b[k]) : a[k].compare(b[k]);
        return desc_ ? c > 0 : c < 0;
      });
      for (const auto& r : rows_) inner_.row(r);
    }
    inner_.end();
  }

 private:
  RowSink& inner_;
  RowSelection sel_;
  bool desc_ = false;
  int sort_ = -1, customer_ = -1;
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

class AppendingSink final : public RowSink {
 public:
  AppendingSink(RowSink& inner, Column column, std::string value)
      : inner_(inner), column_(std::move(column)), value_(std::move(value)) {}
  void begin(const std::vector<Column>& columns) override {
    auto cols = columns;
    cols.push_back(column_);
    inner_.begin(cols);
  }
  void row(const std::vector<std::string>& cells) override {
    cells_ = cells;
    cells_.push_back(value_);
    inner_.row(cells_);
  }
  void end() override { inner_.end(); }

 private:
  RowSink& inner_;
  Column column_;
  std::string value_;
  std::vector<std::string> cells_;
};

}  // namespace

std::unique_ptr<RowSink> make_appending_sink(RowSink& inner, Column column, std::string value) {
  return std::make_unique<AppendingSink>(inner, std::move(column), std::move(value));
}

std::unique_ptr<RowSink> make_selecting_sink(RowSink& inner, RowSelection selection) {
  return std::make_unique<SelectingSink>(inner, std::move(selection));
}

void check_selection(const std::vector<Column>& columns, const RowSelection& selection) {
  struct Discard final : RowSink {
    void begin(const std::vector<Column>&) override {}
    void row(const std::vector<std::string>&) override {}
    void end() override {}
  } discard;
  SelectingSink(discard, selection).begin(columns);
}

}  // namespace otc::report
