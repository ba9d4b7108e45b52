#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/engine/reconcile_bank.hpp"

using namespace otc;
using engine::BankMatchRule;
using engine::BreakType;
using engine::LedgerReceipt;

namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

domain::BankTransaction credit(const char* date, std::int64_t minor, std::string ref = "", std::string payer = "") {
  domain::BankTransaction t;
  t.booking_date = t.value_date = day(date);
  t.amount_minor = minor;
  t.currency = *core::find_currency("USD");
  t.bank_reference = std::move(ref);
  t.payer_name = std::move(payer);
  return t;
}

LedgerReceipt receipt(std::string id, const char* date, std::int64_t minor, std::string ref = "") {
  LedgerReceipt r;
  r.payment_id = std::move(id);
  r.date = day(date);
  r.amount_minor = minor;
  r.currency = *core::find_currency("USD");
  r.bank_reference = std::move(ref);
  return r;
}

}  // namespace

TEST_CASE("Bank vs ledger: planted unmatched items on each side are reported and nothing else", "[reconcile]") {
  std::vector<domain::BankTransaction> bank = {
      credit("2026-03-02", 125000, "BR-1", "ACME"),       // 0: reference match
      credit("2026-03-03", 50000, "", "GLOBEX"),          // 1: amount + date, receipt a day later
      credit("2026-03-05", 77700, "BR-3", "INITECH"),     // 2: planted: no receipt
      credit("2026-03-06", 30000, "br-4 ", "HOOLI"),      // 3: reference match, amounts differ
  };
  domain::BankTransaction debit = credit("2026-03-04", 99900, "BR-9");
  debit.direction = domain::Direction::kDebit;           // 4: a debit is never a deposit
  bank.push_back(debit);
  std::vector<LedgerReceipt> ledger = {
      receipt("P-1", "2026-03-02", 125000, "BR-1"),
      receipt("P-2", "2026-03-04", 50000),
      receipt("P-3", "2026-03-09", 42000),                // planted: no deposit
      receipt("P-4", "2026-03-06", 29000, "BR-4"),
  };
  auto r = engine::reconcile_bank(bank, ledger, {});
  CHECK(r.deposits_in_range == 4);
  CHECK(r.receipts_in_range == 4);
  REQUIRE(r.matches.size() == 3);
  CHECK(r.matches[0].deposit == 0);
  CHECK(r.matches[0].receipt == 0);
  CHECK(r.matches[0].rule == BankMatchRule::kReference);
  CHECK(r.matches[1].deposit == 1);
  CHECK(r.matches[1].receipt == 1);
  CHECK(r.matches[1].rule == BankMatchRule::kAmountDate);
  CHECK(r.matches[1].day_difference == 1);
  CHECK(r.matches[2].deposit == 3);
  CHECK(r.matches[2].receipt == 3);

  REQUIRE(r.breaks.size() == 3);
  CHECK(r.breaks[0].type == BreakType::kUnmatchedDeposit);
  CHECK(r.breaks[0].keys == "date=2026-03-05|bank_reference=BR-3|payer=INITECH");
  CHECK(r.breaks[0].left == "777.00");
  CHECK(r.breaks[0].difference_minor == 77700);
  CHECK(r.breaks[1].type == BreakType::kUnmatchedReceipt);
  CHECK(r.breaks[1].keys == "payment=P-3|date=2026-03-09");
  CHECK(r.breaks[1].right == "420.00");
  CHECK(r.breaks[1].difference == "-420.00");
  CHECK(r.breaks[1].suggestion ==
        "no bank credit of 420.00 USD within 3 days of 2026-03-09; find the deposit, or reverse the receipt if the "
        "money never arrived");
  CHECK(r.breaks[2].type == BreakType::kReceiptAmountDifference);
  CHECK(r.breaks[2].keys == "payment=P-4|date=2026-03-06|bank_reference=BR-4");
  CHECK(r.breaks[2].difference == "10.00");
}

TEST_CASE("Bank vs ledger: equal amounts pair nearest date first", "[reconcile]") {
  std::vector<domain::BankTransaction> bank = {credit("2026-03-02", 9900), credit("2026-03-05", 9900)};
  std::vector<LedgerReceipt> ledger = {receipt("P-1", "2026-03-05", 9900), receipt("P-2", "2026-03-03", 9900)};
  auto r = engine::reconcile_bank(bank, ledger, {});
  CHECK(r.breaks.empty());
  REQUIRE(r.matches.size() == 2);
  CHECK(r.matches[0].receipt == 1);  // 03-02 deposit with the 03-03 receipt
  CHECK(r.matches[1].receipt == 0);  // 03-05 with 03-05
  CHECK(r.matches[1].day_difference == 0);
}

TEST_CASE("Bank vs ledger: the window and the range", "[reconcile]") {
  std::vector<domain::BankTransaction> bank = {credit("2026-03-31", 5000), credit("2026-03-10", 1234)};
  std::vector<LedgerReceipt> ledger = {receipt("P-1", "2026-04-02", 5000), receipt("P-2", "2026-03-20", 1234)};
  engine::BankReconcileOptions o;
  o.from = day("2026-03-01");
  o.to = day("2026-03-31");
  o.date_window_days = 3;
  auto r = engine::reconcile_bank(bank, ledger, o);
  // The month-end deposit matches the receipt posted two days later (outside the range);
  // the 1234 items are ten days apart: one break on each side.
  REQUIRE(r.breaks.size() == 2);
  CHECK(r.breaks[0].type == BreakType::kUnmatchedDeposit);
  CHECK(r.breaks[0].keys == "date=2026-03-10");
  CHECK(r.breaks[1].type == BreakType::kUnmatchedReceipt);
  CHECK(r.breaks[1].keys == "payment=P-2|date=2026-03-20");
  CHECK(r.receipts_in_range == 1);

  o.date_window_days = 10;
  CHECK(engine::reconcile_bank(bank, ledger, o).breaks.empty());
  o.date_window_days = 1;
  o.to = day("2026-04-30");
  CHECK(engine::reconcile_bank(bank, ledger, o).breaks.size() == 4);
}
