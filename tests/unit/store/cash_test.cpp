#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/store/sqlite_store.hpp"
#include "otc/store/transaction.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
const core::Currency kUsd = *core::find_currency("USD");

struct Ledger {
  std::unique_ptr<store::LedgerStore> ledger = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  store::CashStore& cash = *ledger;
  std::int64_t batch = 0, customer = 0, invoice = 0;

  Ledger() {
    ledger->begin_write();
    batch = ledger->add_batch("test", "t.csv", "", "otc test");
    customer = ledger->ensure_customer("C1", "Acme", batch, 1);
    domain::Invoice inv;
    inv.external_id = "I1";
    inv.currency = kUsd;
    inv.invoice_date = d(2026, 3, 1);
    inv.due_date = d(2026, 3, 31);
    inv.total_minor = 10000;
    invoice = ledger->put_invoice(inv, customer, 1, batch, 2).id;
  }

  std::int64_t pay(const char* id, std::int64_t amount, const char* bank_key = "") {
    domain::Payment p;
    p.external_id = id;
    p.currency = kUsd;
    p.received_date = d(2026, 3, 5);
    p.amount_minor = amount;
    p.bank_key = bank_key;
    return cash.put_payment(p, customer, 7, batch, 3).id;
  }

  std::int64_t apply(std::int64_t payment, std::int64_t amount, std::int64_t reverses = 0) {
    store::ApplicationDraft a;
    a.invoice_id = invoice;
    a.payment_id = payment;
    a.amount_minor = amount;
    a.applied_on = d(2026, 3, 5);
    a.reverses_id = reverses;
    return cash.apply(a);
  }
};
}  // namespace

TEST_CASE("Cash: applications keep both balances; a reversal marks the one it reverses", "[store][cash]") {
  Ledger l;
  auto p = l.pay("P1", 6000, "BANK-1");
  CHECK(l.cash.bank_key_exists("BANK-1"));
  CHECK_FALSE(l.cash.bank_key_exists("BANK-2"));
  auto a = l.apply(p, 6000);
  CHECK(l.cash.has_application(p, l.invoice));
  CHECK(l.ledger->find_invoice("I1")->open_minor == 4000);
  CHECK(l.cash.find_payment("P1")->unapplied_minor == 0);

  auto posted = l.cash.find_application(a);
  REQUIRE(posted);
  CHECK(posted->invoice_external_id == "I1");
  CHECK(posted->payment_external_id == "P1");
  CHECK_FALSE(posted->reversed);
  l.apply(p, -6000, a);  // unapply
  CHECK(l.cash.find_application(a)->reversed);
  auto apps = l.cash.applications_of_payment(p);
  REQUIRE(apps.size() == 1);  // the reversing row is not listed
  CHECK(apps[0].id == a);
  CHECK(l.ledger->find_invoice("I1")->open_minor == 10000);

  l.cash.add_adjustment(l.invoice, "write_off", "small", 100, d(2026, 3, 6), l.batch);
  CHECK(l.ledger->find_invoice("I1")->open_minor == 9900);
}

TEST_CASE("Cash: a returned payment leaves the ledger; candidates are posted payments of the amount", "[store][cash]") {
  Ledger l;
  auto p1 = l.pay("P1", 2500);
  auto p2 = l.pay("P2", 2500);
  l.pay("P3", 2600);
  auto c = l.cash.payments_with_amount(2500, kUsd, d(2026, 3, 1), d(2026, 3, 31));
  REQUIRE(c.size() == 2);
  CHECK(c[0].external_id == "P1");
  CHECK(c[1].external_id == "P2");
  l.cash.mark_payment_reversed(p1, d(2026, 3, 9), "NSF");
  CHECK(l.cash.find_payment("P1")->reversed);
  CHECK(l.cash.find_payment("P1")->unapplied_minor == 0);
  c = l.cash.payments_with_amount(2500, kUsd, d(2026, 3, 1), d(2026, 3, 31));
  REQUIRE(c.size() == 1);
  CHECK(c[0].id == p2);

  auto other = l.ledger->ensure_customer("C2", "Beta", l.batch, 4);
  l.cash.set_payment_customer(p2, other);
  CHECK(l.cash.find_payment("P2")->customer_id == other);
  l.cash.replace_suggestions(p2, {{"invoice", "I1", 80, "amount"}, {"customer", "C1", 60, "name"}});
  l.cash.replace_suggestions(p2, {{"invoice", "I1", 90, "reference"}});  // replaces, not adds
  std::vector<std::string> seen;
  l.ledger->for_each_unapplied_payment(d(2026, 3, 31), [&](const store::UnappliedPayment& u) {
    if (u.external_id == "P2") seen.push_back(u.suggestions);
  });
  CHECK(seen == std::vector<std::string>{"1. invoice I1 (90): reference"});
}
