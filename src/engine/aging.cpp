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
  if (!by_invoice_) {  // a ledger's customers: grown once or twice, not from one
    customer_rows_.reserve(4096);
    row_index_.reserve(4096);
  }
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
  std::int64_t* sums = row.buckets.data();
  bool overflow = false;
  for (std::size_t i = 0; i < run.count; ++i) {
    const domain::OpenAmount& it = run.items[i];
    const int age = as_of_.days_since(due_basis ? it.due_date : it.invoice_date);
    const std::size_t b = table == 0 ? buckets_.bucket_of(age)
                          : age <= 0 ? bucket_by_age_[0]
                                     : bucket_by_age_[std::min(static_cast<std::size_t>(age), table - 1)];
    const std::int64_t disputed = separate_ ? disputed_part(it.invoice_id, it.open_minor) : 0;
    // The checked totals' rule (core::checked_total), the error raised once after the loop.
    overflow |= __builtin_add_overflow(sums[b], it.open_minor - disputed, &sums[b]);
    overflow |= __builtin_add_overflow(disputed_total, disputed, &disputed_total);
    overflow |= __builtin_add_overflow(open, it.open_minor, &open);
  }
  if (overflow) [[unlikely]]
    core::throw_total_overflow(what());
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
  struct Key {
    std::uint64_t key;
    const AgingRow* row;
  };
  std::vector<Key> keys;
  if (!by_invoice_) {
    keys.resize(customer_rows_.size());
    for (std::size_t i = 0; i < customer_rows_.size(); ++i) keys[i] = {prefix_key(customer_rows_[i].customer_external_id), &customer_rows_[i]};
    std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
      if (x.key != y.key) return x.key < y.key;
      return std::tie(x.row->customer_external_id, x.row->currency) < std::tie(y.row->customer_external_id, y.row->currency);
    });
  } else {
    // By invoice: each (customer, currency) group is ranked once (its rows mostly come together),
    // then the rows sort on one number, rank and due date, and compare invoice ids only on ties.
    std::vector<std::uint32_t> group_of(invoice_rows_.size());
    std::vector<const AgingRow*> groups;  // a row of each group
    std::unordered_map<std::string, std::uint32_t> group_index;
    std::string k;
    for (std::size_t i = 0; i < invoice_rows_.size(); ++i) {
      const AgingRow& r = invoice_rows_[i];
      if (i > 0 && r.customer_external_id == invoice_rows_[i - 1].customer_external_id && r.currency == invoice_rows_[i - 1].currency) {
        group_of[i] = group_of[i - 1];
        continue;
      }
      k.assign(r.customer_external_id);
      k.push_back('\x1f');
      k.append(r.currency);
      auto [it, fresh] = group_index.emplace(k, static_cast<std::uint32_t>(groups.size()));
      if (fresh) groups.push_back(&r);
      group_of[i] = it->second;
    }
    std::vector<std::uint32_t> order(groups.size());
    for (std::uint32_t g = 0; g < order.size(); ++g) order[g] = g;
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      return std::tie(groups[x]->customer_external_id, groups[x]->currency) < std::tie(groups[y]->customer_external_id, groups[y]->currency);
    });
    std::vector<std::uint32_t> rank(groups.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    keys.resize(invoice_rows_.size());
    for (std::size_t i = 0; i < invoice_rows_.size(); ++i) {
      const auto due = static_cast<std::uint32_t>(static_cast<std::int64_t>(invoice_rows_[i].due_date.days()) + (std::int64_t{1} << 31));
      keys[i] = {(std::uint64_t{rank[group_of[i]]} << 32) | due, &invoice_rows_[i]};
    }
    std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
      if (x.key != y.key) return x.key < y.key;
      return x.row->invoice_external_id < y.row->invoice_external_id;
    });
  }
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
