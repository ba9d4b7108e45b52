#pragma once
// The small books and the receipt builder the matching engine's unit tests share
// (tests/unit/engine/match*_test.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "otc/engine/matching.hpp"

namespace otc::engine::test {

using namespace otc;
using namespace otc::engine;

inline core::Currency usd() { return *core::find_currency("USD"); }

inline OpenInvoice inv(std::int64_t id, std::string number, std::int64_t customer, std::int64_t open, int due = 0) {
  OpenInvoice i;
  i.id = id;
  i.number = std::move(number);
  i.customer_id = customer;
  i.currency = usd();
  i.open_minor = open;
  i.invoice_date = core::Date::from_days(20000 + due - 30);
  i.due_date = core::Date::from_days(20000 + due);
  return i;
}

inline MatchCustomer cust(std::int64_t id, std::string name, std::vector<std::string> accounts = {},
                          std::vector<std::string> aliases = {}) {
  MatchCustomer c;
  c.id = id;
  c.name = std::move(name);
  c.bank_accounts = std::move(accounts);
  c.aliases = std::move(aliases);
  return c;
}

inline domain::BankTransaction rcpt(std::int64_t amount, std::vector<std::string> refs = {}, std::string text = "",
                                    std::string payer = "", std::string account = "") {
  static int seq = 0;
  domain::BankTransaction t;
  t.booking_date = t.value_date = core::Date::from_days(20100);
  t.amount_minor = amount;
  t.currency = usd();
  t.remittance_refs = std::move(refs);
  t.remittance_text = std::move(text);
  t.payer_name = std::move(payer);
  t.payer_account = std::move(account);
  t.bank_reference = "BR" + std::to_string(++seq);
  return t;
}

inline MatchOptions opts() {
  MatchOptions o;
  o.threads = 1;
  return o;
}

// The small book most cases use.
inline std::vector<MatchCustomer> customers() {
  return {cust(10, "Acme Corporation Inc.", {"DE89 3704 0044 0532 0130 00"}), cust(20, "Globex LLC", {"111222333"}),
          cust(30, "Initech Ltd")};
}

inline std::vector<OpenInvoice> invoices() {
  return {inv(1, "INV-000123", 10, 123456, 10), inv(2, "INV-000124", 10, 50000, 20),
          inv(3, "INV-000200", 20, 99900, 5), inv(4, "INV-000201", 20, 75000, 15), inv(5, "INV-000300", 30, 20000, 1)};
}

inline MatchResult run(const std::vector<domain::BankTransaction>& receipts, const MatchOptions& o = opts()) {
  return match_receipts(receipts, invoices(), customers(), o);
}

// A payer known by bank account (the combination cases give it their own invoices).
inline std::vector<MatchCustomer> vandelay() { return {cust(40, "Vandelay Industries", {"ACCT-40"})}; }

// A payer known by name only, with two open invoices of the same amount.
inline std::vector<MatchCustomer> stark() { return {cust(60, "Stark Industries Inc")}; }
inline std::vector<OpenInvoice> stark_book() {
  return {inv(21, "INV-000521", 60, 30000, 5), inv(22, "INV-000522", 60, 30000, 9), inv(23, "INV-000523", 60, 12345, 12)};
}

}  // namespace otc::engine::test
