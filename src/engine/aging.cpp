#include "otc/core/text.hpp"
#include "otc/engine/aging.hpp"

#include <algorithm>
#include <charconv>

#include "otc/core/money.hpp"

namespace otc::engine {

std::vector<std::string> AgingBuckets::labels() const {
  std::vector<std::string> out;
  int lower = 0;
  if (basis == AgingBasis::kDueDate) {
    out.push_back("current");
    lower = 1;
  }
  for (int e : edges) {
    out.push_back(std::to_string(lower) + "-" + std::to_string(e));
    lower = e + 1;
  }
  out.push_back(std::to_string(lower) + "+");
  return out;
}

int AgingBuckets::age_days(const domain::OpenItem& item, core::Date as_of) const {
  return basis == AgingBasis::kDueDate ? as_of.days_since(item.due_date) : as_of.days_since(item.invoice_date);
}

std::size_t AgingBuckets::bucket_of(int age) const {
  std::size_t i = 0;
  if (basis == AgingBasis::kDueDate) {
    if (age <= 0) return 0;  // not yet past due (due date on or after the as-of date)
    i = 1;
  }
  for (int e : edges) {
    if (age <= e) return i;
    ++i;
  }
  return i;
}

std::vector<int> parse_bucket_edges(std::string_view text) {
  std::vector<int> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    std::string_view part = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    part = core::trim(part);
    int v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || p != part.data() + part.size() || v <= 0 || (!out.empty() && v <= out.back())) return {};
    out.push_back(v);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

AgingAccumulator::AgingAccumulator(AgingBuckets buckets, core::Date as_of, bool by_invoice)
    : buckets_(std::move(buckets)), as_of_(as_of), by_invoice_(by_invoice) {}

AgingRow& AgingAccumulator::customer_row(const std::string& customer, const std::string& name, const core::Currency& ccy) {
  key_.assign(customer);
  key_.push_back('\x1f');
  key_.append(ccy.view());
  auto it = row_index_.find(key_);
  if (it != row_index_.end()) return customer_rows_[it->second];
  AgingRow row;
  row.customer_external_id = customer;
  row.customer_name = name;
  row.currency = std::string(ccy.view());
  row.exponent = ccy.exponent;
  row.buckets.assign(buckets_.count(), 0);
  row_index_.emplace(key_, customer_rows_.size());
  customer_rows_.push_back(std::move(row));
  return customer_rows_.back();
}

void AgingAccumulator::add(const domain::OpenItem& item) {
  int age = buckets_.age_days(item, as_of_);
  std::size_t b = buckets_.bucket_of(age);
  std::int64_t disputed = 0;
  if (separate_) {
    auto d = disputed_.find(item.invoice_id);
    if (d != disputed_.end() && item.open_minor > 0) disputed = std::min(item.open_minor, d->second);
  }
  const std::int64_t aged = item.open_minor - disputed;
  if (by_invoice_) {
    AgingRow row;
    row.customer_external_id = item.customer_external_id;
    row.customer_name = item.customer_name;
    row.currency = std::string(item.currency.view());
    row.exponent = item.currency.exponent;
    row.invoice_external_id = item.invoice_external_id;
    row.invoice_date = item.invoice_date;
    row.due_date = item.due_date;
    row.age_days = age;
    row.buckets.assign(buckets_.count(), 0);
    row.buckets[b] = aged;
    row.disputed = disputed;
    row.open_total = item.open_minor;
    invoice_rows_.push_back(std::move(row));
    return;
  }
  AgingRow& row = customer_row(item.customer_external_id, item.customer_name, item.currency);
  row.buckets[b] = core::checked_add(row.buckets[b], aged);
  row.disputed = core::checked_add(row.disputed, disputed);
  row.open_total = core::checked_add(row.open_total, item.open_minor);
}

void AgingAccumulator::add(const domain::UnappliedCredit& credit) {
  if (by_invoice_) {
    auto& t = unapplied_by_currency_[std::string(credit.currency.view())];
    t = core::checked_add(t, credit.amount_minor);
    return;
  }
  AgingRow& row = customer_row(credit.customer_external_id, credit.customer_name, credit.currency);
  row.unapplied_credit = core::checked_add(row.unapplied_credit, credit.amount_minor);
}

std::vector<AgingRow> AgingAccumulator::rows() const {
  if (!by_invoice_) {
    std::vector<AgingRow> out = customer_rows_;
    std::sort(out.begin(), out.end(), [](const AgingRow& a, const AgingRow& b) {
      return std::tie(a.customer_external_id, a.currency) < std::tie(b.customer_external_id, b.currency);
    });
    return out;
  }
  std::vector<AgingRow> out = invoice_rows_;
  std::sort(out.begin(), out.end(), [](const AgingRow& a, const AgingRow& b) {
    return std::tie(a.customer_external_id, a.currency, a.due_date, a.invoice_external_id) <
           std::tie(b.customer_external_id, b.currency, b.due_date, b.invoice_external_id);
  });
  return out;
}

std::vector<AgingRow> AgingAccumulator::totals() const {
  std::map<std::string, AgingRow> per_ccy;
  auto total_for = [&](const std::string& ccy, int exponent) -> AgingRow& {
    auto& t = per_ccy[ccy];
    if (t.buckets.empty()) {
      t.currency = ccy;
      t.exponent = exponent;
      t.buckets.assign(buckets_.count(), 0);
    }
    return t;
  };
  auto fold = [&](const AgingRow& r) {
    AgingRow& t = total_for(r.currency, r.exponent);
    for (std::size_t i = 0; i < r.buckets.size(); ++i) t.buckets[i] = core::checked_add(t.buckets[i], r.buckets[i]);
    t.open_total = core::checked_add(t.open_total, r.open_total);
    t.unapplied_credit = core::checked_add(t.unapplied_credit, r.unapplied_credit);
    t.disputed = core::checked_add(t.disputed, r.disputed);
  };
  if (by_invoice_) {
    for (const auto& r : invoice_rows_) fold(r);
    for (const auto& [ccy, amount] : unapplied_by_currency_) {
      auto c = core::find_currency(ccy, true);
      total_for(ccy, c ? c->exponent : 2).unapplied_credit += amount;
    }
  } else {
    for (const auto& r : customer_rows_) fold(r);
  }
  std::vector<AgingRow> out;
  for (auto& [ccy, t] : per_ccy) out.push_back(std::move(t));
  return out;
}

}  // namespace otc::engine
