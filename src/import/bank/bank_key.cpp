#include "otc/import/bank/bank_key.hpp"

namespace otc::import {

std::string bank_transaction_key(const domain::BankTransaction& t) {
  std::string k = t.account;
  k += '|';
  t.booking_date.append_iso(k);
  k += t.direction == domain::Direction::kCredit ? "|C|" : "|D|";
  core::append_amount(k, t.amount_minor, t.currency.exponent);
  k += ' ';
  k += t.currency.view();
  for (const std::string* part : {&t.bank_reference, &t.end_to_end_id, &t.payer_account, &t.payer_name, &t.remittance_text}) {
    k += '|';
    k += *part;
  }
  for (const auto& r : t.remittance_refs) {
    k += ';';
    k += r;
  }
  if (t.reversal) k += "|R";
  return k;
}

std::string bank_payment_id(const domain::BankTransaction& t, const std::string& key) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  std::string id = "BNK-";
  std::string day = t.booking_date.iso();
  for (char c : day)
    if (c != '-') id += c;
  id += '-';
  static const char* hex = "0123456789ABCDEF";
  for (int i = 11; i >= 0; --i) id += hex[(h >> (i * 4)) & 15];
  return id;
}

}  // namespace otc::import
