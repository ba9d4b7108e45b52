// The indexes the matcher reads, built once per run: customers by id, name and bank account;
// invoices by key (digit runs), by last digit run and by amount; each customer's open invoices.
#include <algorithm>

#include "matching_internal.hpp"

namespace otc::engine::matching_detail {

void build_customers(Books& b) {
  b.customer_index.reserve(b.customers.size() * 2);
  std::string buf;
  for (std::uint32_t c = 0; c < b.customers.size(); ++c) {
    const MatchCustomer& mc = b.customers[c];
    b.customer_index.emplace(mc.id, c);
    b.names.add(c, mc.name);
    for (const std::string& alias : mc.aliases) b.names.add(c, alias);
    for (const std::string& account : mc.bank_accounts) {
      buf.clear();
      append_compact(account, buf);
      if (!buf.empty()) b.by_account.add(hash_bytes(buf), c);
      if (buf.size() >= kAccountTail) b.by_account_tail.add(hash_bytes(std::string_view(buf).substr(buf.size() - kAccountTail)), c);
    }
  }
  b.names.build();
  b.by_account.build();
  b.by_account_tail.build();
}

void build_invoices(Books& b) {
  const auto& inv = b.invoices;
  b.by_key.reserve(inv.size() + inv.size() / 8);
  b.by_amount.reserve(inv.size());
  b.hot.resize(inv.size());
  std::string key;
  for (std::uint32_t i = 0; i < inv.size(); ++i) {
    key.clear();
    append_invoice_key(inv[i].number, key);
    b.hot[i].open = inv[i].open_minor;
    b.hot[i].currency = static_cast<std::uint32_t>(currency_bits(inv[i].currency));
    if (!key.empty()) {
      b.hot[i].key_hash = hash_bytes(key);
      b.by_key.add(b.hot[i].key_hash, i);
      const std::string_view last = last_run_key(key);
      if (!last.empty()) b.by_key.add(hash_bytes(last), i);
    }
    b.by_amount.add(hash_pair(currency_bits(inv[i].currency), static_cast<std::uint64_t>(inv[i].open_minor)), i);
  }
  b.by_key.build();
  b.by_amount.build();
}

void build_customer_lists(Books& b) {
  const auto& inv = b.invoices;
  const std::size_t nc = b.customers.size();
  b.invoice_customer.assign(inv.size(), kNone);
  std::vector<std::uint32_t> counts(nc + 1, 0);
  for (std::uint32_t i = 0; i < inv.size(); ++i) {
    auto it = b.customer_index.find(inv[i].customer_id);
    if (it == b.customer_index.end()) continue;
    b.invoice_customer[i] = it->second;
    b.hot[i].customer = it->second;
    ++counts[it->second];
  }
  b.customer_begin.assign(nc + 1, 0);
  for (std::size_t c = 0; c < nc; ++c) b.customer_begin[c + 1] = b.customer_begin[c] + counts[c];
  b.customer_invoices.assign(b.customer_begin[nc], 0);
  std::vector<std::uint32_t> fill(b.customer_begin.begin(), b.customer_begin.end() - 1);
  for (std::uint32_t i = 0; i < inv.size(); ++i)
    if (b.invoice_customer[i] != kNone) b.customer_invoices[fill[b.invoice_customer[i]]++] = i;
  for (std::size_t c = 0; c < nc; ++c) {
    auto first = b.customer_invoices.begin() + b.customer_begin[c];
    auto last = b.customer_invoices.begin() + b.customer_begin[c + 1];
    std::sort(first, last, [&](std::uint32_t x, std::uint32_t y) {
      if (inv[x].due_date != inv[y].due_date) return inv[x].due_date < inv[y].due_date;
      return inv[x].id < inv[y].id;
    });
  }
}

}  // namespace otc::engine::matching_detail
