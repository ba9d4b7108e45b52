#include <catch2/catch.hpp>

#include "cash_test_ledger.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/cash_corrections.hpp"

using namespace otc;
using namespace otc::cash_test;

namespace {
const ops::Invocation kInv{"otc cash"};

/// P1: 100.00 USD received 2026-01-20, customer unknown, nothing applied.
void add_payment(store::LedgerStore& s) {
  store::WriteTransaction tx(s);
  domain::Payment p;
  p.external_id = "P1";
  p.currency = usd();
  p.received_date = day(2026, 1, 20);
  p.amount_minor = 10000;
  s.put_payment(p, std::nullopt, 0, s.add_batch("payments", "p.csv", "", "otc test"), 2);
  tx.commit();
}

ops::ManualApplication request(std::string invoice, std::string amount, core::Date on = day(2026, 1, 5), bool date_given = false) {
  ops::ManualApplication a;
  a.date_given = date_given;
  a.payment = "P1";
  a.invoice = std::move(invoice);
  a.amount = std::move(amount);
  a.requested = on;
  return a;
}

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const core::Error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("cash apply: applies by hand, dated no earlier than the payment and the invoice", "[ops][cash_corrections]") {
  auto s = ledger();
  add_payment(*s);
  auto r = ops::apply_payment(*s, kInv, request("I1", "40.00"));
  CHECK(r.changed);
  CHECK(r.note.rfind("P1: applied 40.00 USD to I1 (application ", 0) == 0);
  CHECK(r.note.find(") on 2026-01-20, the receipt's date") != std::string::npos);
  CHECK(open_at(*s, day(2026, 1, 19)) == 35000);
  CHECK(open_at(*s, day(2026, 1, 20)) == 31000);  // dated the receipt
  // Without an amount: as much as both allow (the payment's remaining 60.00 against I1's 60.00);
  // --date 2026-01-25 dates it then, and says so.
  auto r2 = ops::apply_payment(*s, kInv, request("I1", "", day(2026, 1, 25), true));
  CHECK(r2.note.find(") on 2026-01-25, as --date says") != std::string::npos);
  CHECK(open_at(*s, day(2026, 1, 24)) == 31000);
  CHECK(open_at(*s, day(2026, 1, 25)) == 25000);
  store::ReadTransaction read(*s);
  auto pay = s->find_payment("P1");
  CHECK(pay->customer_id == s->find_customer("C1"));  // identified by the first manual application
  CHECK(pay->unapplied_minor == 0);
  read.end();
}

TEST_CASE("cash apply: refusals name the problem and write nothing", "[ops][cash_corrections]") {
  auto s = ledger();
  add_payment(*s);
  const std::string before = state(*s);
  auto unknown = request("I1", "");
  unknown.payment = "NOPE";
  CHECK(error_of([&] { ops::apply_payment(*s, kInv, unknown); }) == "no payment 'NOPE' in the ledger");
  CHECK(error_of([&] { ops::apply_payment(*s, kInv, request("I9", "")); }) == "no open invoice 'I9' in the ledger");
  CHECK(error_of([&] { ops::apply_payment(*s, kInv, request("I1", "150.00")); }) == "the payment has only 100.00 unapplied");
  CHECK(error_of([&] { ops::apply_payment(*s, kInv, request("I1", "-1")); }) == "AMOUNT '-1' is not a positive amount");
  CHECK(state(*s) == before);
  ops::apply_payment(*s, kInv, request("I1", "10.00"));
  // Now identified to C1: C2's invoice is refused.
  CHECK(error_of([&] { ops::apply_payment(*s, kInv, request("I2", "")); }) == "invoice 'I2' belongs to another customer than payment 'P1'");
}

TEST_CASE("cash unapply: reverses one application, dated no earlier than it", "[ops][cash_corrections]") {
  auto s = ledger();
  add_payment(*s);
  ops::apply_payment(*s, kInv, request("I1", "40.00"));
  std::int64_t id = 0;
  {
    store::ReadTransaction read(*s);
    id = s->applications_of_payment(s->find_payment("P1")->id).at(0).id;
    read.end();
  }
  auto r = ops::unapply(*s, kInv, id, day(2026, 1, 1), "wrong invoice");
  CHECK(r.note == "P1: unapplied 40.00 USD from I1: wrong invoice");
  CHECK(open_at(*s, day(2026, 1, 19)) == 35000);
  CHECK(open_at(*s, day(2026, 1, 20)) == 35000);  // the reversal takes the application's date
  const std::string before = state(*s);
  CHECK(error_of([&] { ops::unapply(*s, kInv, id, day(2026, 2, 1), "again"); }) == "application " + std::to_string(id) + " was already reversed");
  CHECK(error_of([&] { ops::unapply(*s, kInv, 999, day(2026, 2, 1), "x"); }) ==
        "no application 999 (ids are in `otc log` and apply-cash output)");
  CHECK(state(*s) == before);
}

TEST_CASE("cash reverse: reopens the invoices; an already reversed payment is left alone", "[ops][cash_corrections]") {
  auto s = ledger();
  add_payment(*s);
  ops::apply_payment(*s, kInv, request("I1", "100.00"));
  CHECK(open_at(*s, day(2026, 1, 31)) == 25000);
  auto r = ops::reverse_returned_payment(*s, kInv, "P1", day(2026, 2, 6), "NSF");
  CHECK(r.changed);
  CHECK(r.note == "P1: reversed (NSF), 1 invoice application(s) reopened");
  CHECK(open_at(*s, day(2026, 2, 5)) == 25000);
  CHECK(open_at(*s, day(2026, 2, 6)) == 35000);
  const std::string before = state(*s);
  auto again = ops::reverse_returned_payment(*s, kInv, "P1", day(2026, 2, 7), "NSF");
  CHECK_FALSE(again.changed);
  CHECK(again.note == "payment P1 is already reversed; nothing to do");
  CHECK(state(*s) == before);
  CHECK(error_of([&] { ops::reverse_returned_payment(*s, kInv, "P2", day(2026, 2, 7), "NSF"); }) == "no payment 'P2' in the ledger");
}
