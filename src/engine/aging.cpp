#include "otc/core/text.hpp"
#include "otc/engine/aging.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

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
    : buckets_(std::move(buckets)), as_of_(as_of), by_invoice_(by_invoice) {
  // bucket_of is the rule; a table of its answers serves the runs (edges are increasing and
  // positive, so every age <= 0 falls where 0 does and every age past the last edge where it + 1 does).
  if (!buckets_.edges.empty() && buckets_.edges.back() < 100000 && buckets_.count() < 256) {
    bucket_by_age_.resize(static_cast<std::size_t>(buckets_.edges.back()) + 2);
    for (std::size_t a = 0; a < bucket_by_age_.size(); ++a)
      bucket_by_age_[a] = static_cast<std::uint8_t>(buckets_.bucket_of(static_cast<int>(a)));
  }
}

AgingRow& AgingAccumulator::customer_row(std::string_view customer, std::string_view name, const core::Currency& ccy) {
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

std::int64_t AgingAccumulator::disputed_part(std::int64_t invoice_id, std::int64_t open_minor) const {
  if (!separate_ || open_minor <= 0) return 0;
  auto d = disputed_.find(invoice_id);
  return d != disputed_.end() ? std::min(open_minor, d->second) : 0;
}

void AgingAccumulator::add(const domain::OpenItem& item) {
  if (!by_invoice_) {
    // By customer: a run of one item (the same bucket and dispute rules as every run).
    const domain::OpenAmount one{item.invoice_id, item.invoice_date, item.due_date, item.open_minor};
    domain::OpenItemRun run;
    run.customer_id = item.customer_id;
    run.customer_external_id = item.customer_external_id;
    run.customer_name = item.customer_name;
    run.currency = item.currency;
    run.items = &one;
    run.count = 1;
    add(run);
    return;
  }
  const int age = buckets_.age_days(item, as_of_);
  const std::int64_t disputed = disputed_part(item.invoice_id, item.open_minor);
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
  row.buckets[buckets_.bucket_of(age)] = item.open_minor - disputed;
  row.disputed = disputed;
  row.open_total = item.open_minor;
  invoice_rows_.push_back(std::move(row));
}

void AgingAccumulator::add(const domain::OpenItemRun& run) {
  if (by_invoice_) throw std::logic_error("aging by invoice takes open items one by one, not runs");
  AgingRow& row = customer_row(run.customer_external_id, run.customer_name, run.currency);
  auto what = [&] { return "customer " + row.customer_external_id + " in " + row.currency; };
  const bool due_basis = buckets_.basis == AgingBasis::kDueDate;
  std::int64_t open = row.open_total, disputed_total = row.disputed;
  const std::size_t table = bucket_by_age_.size();
  for (std::size_t i = 0; i < run.count; ++i) {
    const domain::OpenAmount& it = run.items[i];
    const int age = as_of_.days_since(due_basis ? it.due_date : it.invoice_date);
    const std::size_t b = table == 0 ? buckets_.bucket_of(age)
                          : age <= 0 ? bucket_by_age_[0]
                                     : bucket_by_age_[std::min(static_cast<std::size_t>(age), table - 1)];
    const std::int64_t disputed = separate_ ? disputed_part(it.invoice_id, it.open_minor) : 0;
    row.buckets[b] = core::checked_total(row.buckets[b], it.open_minor - disputed, what);
    disputed_total = core::checked_total(disputed_total, disputed, what);
    open = core::checked_total(open, it.open_minor, what);
  }
  row.open_total = open;
  row.disputed = disputed_total;
}

void AgingAccumulator::add(const domain::UnappliedCredit& credit) {
  if (by_invoice_) {
    auto& t = unapplied_by_currency_[std::string(credit.currency.view())];
    t = core::checked_total(t, credit.amount_minor, [&] { return "unapplied credit in " + std::string(credit.currency.view()); });
    return;
  }
  AgingRow& row = customer_row(credit.customer_external_id, credit.customer_name, credit.currency);
  row.unapplied_credit = core::checked_total(row.unapplied_credit, credit.amount_minor, [&] {
    return "unapplied credit of customer " + row.customer_external_id + " in " + row.currency;
  });
}

namespace {

/// The first 8 bytes of a text as a big-endian number (shorter texts padded with zero bytes):
/// comparing two of them orders as comparing the texts' first 8 bytes, so a sort compares whole
/// texts only when those are equal.
std::uint64_t prefix_key(std::string_view s) {
  std::uint64_t k = 0;
  const std::size_t n = std::min<std::size_t>(8, s.size());
  for (std::size_t i = 0; i < n; ++i) k |= std::uint64_t(static_cast<unsigned char>(s[i])) << (56 - 8 * i);
  return k;
}

}  // namespace

std::vector<const AgingRow*> AgingAccumulator::sorted_rows() const {
  const std::vector<AgingRow>& src = by_invoice_ ? invoice_rows_ : customer_rows_;
  struct Key {
    std::uint64_t prefix;
    const AgingRow* row;
  };
  std::vector<Key> keys(src.size());
  for (std::size_t i = 0; i < src.size(); ++i) keys[i] = {prefix_key(src[i].customer_external_id), &src[i]};
  const bool by_invoice = by_invoice_;
  std::sort(keys.begin(), keys.end(), [by_invoice](const Key& x, const Key& y) {
    if (x.prefix != y.prefix) return x.prefix < y.prefix;
    const AgingRow &a = *x.row, &b = *y.row;
    if (!by_invoice) return std::tie(a.customer_external_id, a.currency) < std::tie(b.customer_external_id, b.currency);
    return std::tie(a.customer_external_id, a.currency, a.due_date, a.invoice_external_id) <
           std::tie(b.customer_external_id, b.currency, b.due_date, b.invoice_external_id);
  });
  std::vector<const AgingRow*> out(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) out[i] = keys[i].row;
  return out;
}

std::vector<AgingRow> AgingAccumulator::rows() const {
  std::vector<AgingRow> out;
  const auto order = sorted_rows();
  out.reserve(order.size());
  for (const AgingRow* r : order) out.push_back(*r);
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
    auto what = [&] { return "all customers in " + r.currency; };
    for (std::size_t i = 0; i < r.buckets.size(); ++i) t.buckets[i] = core::checked_total(t.buckets[i], r.buckets[i], what);
    t.open_total = core::checked_total(t.open_total, r.open_total, what);
    t.unapplied_credit = core::checked_total(t.unapplied_credit, r.unapplied_credit, what);
    t.disputed = core::checked_total(t.disputed, r.disputed, what);
  };
  if (by_invoice_) {
    for (const auto& r : invoice_rows_) fold(r);
    for (const auto& [ccy, amount] : unapplied_by_currency_) {
      auto c = core::find_currency(ccy, true);
      auto& t = total_for(ccy, c ? c->exponent : 2).unapplied_credit;
      t = core::checked_total(t, amount, [&] { return "unapplied credit in " + ccy; });
    }
  } else {
    for (const auto& r : customer_rows_) fold(r);
  }
  std::vector<AgingRow> out;
  for (auto& [ccy, t] : per_ccy) out.push_back(std::move(t));
  return out;
}

}  // namespace otc::engine
