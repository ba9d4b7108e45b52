#pragma once
// A small in-memory ledger for the cash use-case tests: customer C1 "Acme Corp" with invoice I1
// (100.00 USD, dated 2026-01-10) and C2 "Globex" with invoice I2 (250.00 USD, dated 2026-01-12).
#include <memory>
#include <string>

#include "otc/domain/bank_transaction.hpp"
#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::cash_test {

inline core::Date day(int y, int m, int d) { return *core::Date::from_ymd(y, m, d); }
inline core::Currency usd() { return *core::find_currency("USD"); }

inline std::unique_ptr<store::LedgerStore> ledger() {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::WriteTransaction tx(*s);
  auto batch = s->add_batch("invoices", "t.csv", "", "otc test");
  auto put = [&](const char* cust, const char* name, const char* id, core::Date date, std::int64_t total) {
    domain::Invoice i;
    i.external_id = id;
    i.customer_external_id = cust;
    i.currency = usd();
    i.invoice_date = date;
    i.due_date = date.add_days(30);
    i.total_minor = total;
    s->put_invoice(i, s->ensure_customer(cust, name, batch, 2), 1, batch, 2);
  };
  put("C1", "Acme Corp", "I1", day(2026, 1, 10), 10000);
  put("C2", "Globex", "I2", day(2026, 1, 12), 25000);
  tx.commit();
  return s;
}

/// A credit naming its invoice in the remittance.
inline domain::BankTransaction receipt(core::Date on, std::int64_t amount, std::string ref, std::string payer = "ACME CORPORATION") {
  domain::BankTransaction t;
  t.booking_date = t.value_date = on;
  t.amount_minor = amount;
  t.currency = usd();
  t.bank_reference = "BR-" + ref;
  t.payer_name = std::move(payer);
  t.payer_account = "ACCT-1";
  t.remittance_refs = {std::move(ref)};
  t.source_file = "bank.csv";
  t.source_line = 2;
  return t;
}

/// Open AR of the ledger as of a day.
inline std::int64_t open_at(store::LedgerStore& s, core::Date as_of) {
  std::int64_t sum = 0;
  store::ReadTransaction read(s);
  s.for_each_open_item(as_of, [&](const domain::OpenItem& i) { sum += i.open_minor; });
  read.end();
  return sum;
}

/// Everything a cash use case may change, in one string: open items, audit entries, aliases.
inline std::string state(store::LedgerStore& s) {
  std::string out;
  store::ReadTransaction read(s);
  s.for_each_open_item(core::Date::max(), [&](const domain::OpenItem& i) {
    out += i.invoice_external_id + "=" + std::to_string(i.open_minor) + ";";
  });
  s.for_each_audit("", "", [&](const store::AuditRecord& a) { out += a.entry.action + ":" + a.entry.detail + ";"; });
  s.for_each_alias([&](std::int64_t id, const std::string& alias) { out += std::to_string(id) + "~" + alias + ";"; });
  s.for_each_unapplied_payment(core::Date::max(), [&](const store::UnappliedPayment& u) { out += u.external_id + ";"; });
  read.end();
  return out;
}

}  // namespace otc::cash_test
