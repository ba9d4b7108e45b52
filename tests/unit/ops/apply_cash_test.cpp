#include <catch2/catch.hpp>

#include "cash_test_ledger.hpp"
#include "otc/core/error.hpp"
#include "otc/import/bank/bank_key.hpp"
#include "otc/ops/apply_cash.hpp"

using namespace otc;
using namespace otc::cash_test;

namespace {
const ops::Invocation kInv{"otc apply-cash bank.csv"};
const std::vector<ops::BankFileInfo> kFiles{{"bank.csv", "abc123"}};
}  // namespace

TEST_CASE("apply_cash: a receipt naming its invoice is applied, dated no earlier than the invoice", "[ops][apply_cash]") {
  auto s = ledger();
  // Received before the invoice date: the application takes the invoice's date.
  std::vector<domain::BankTransaction> in{receipt(day(2026, 1, 5), 10000, "I1")};
  int calls = 0;
  ops::ApplyCashOptions opts;
  opts.before_commit = [&](const ops::ApplyCashResult& r) {
    ++calls;
    CHECK(r.rows.size() == 1);
  };
  auto r = ops::apply_cash(*s, kInv, in, kFiles, opts);
  CHECK(calls == 1);
  CHECK(r.written);
  CHECK(r.new_receipts == 1);
  CHECK(r.applied_receipts == 1);
  CHECK_FALSE(r.exceptions_remain());
  REQUIRE(r.rows.size() == 1);
  const auto& row = r.rows[0];
  CHECK(row.application_id > 0);
  CHECK(row.invoice_id == "I1");
  CHECK(row.customer_id == "C1");
  CHECK(row.amount_minor == 10000);
  CHECK(row.rule == "reference");
  CHECK(row.payment_id == import::bank_payment_id(in[0], ops::bank_transaction_keys(in)[0]));

  CHECK(open_at(*s, day(2026, 1, 9)) == 0);       // before either invoice
  CHECK(open_at(*s, day(2026, 1, 10)) == 0);      // I1 paid on its own date
  CHECK(open_at(*s, day(2026, 1, 12)) == 25000);  // only I2 open
  store::ReadTransaction read(*s);
  auto app = s->find_application(row.application_id);
  REQUIRE(app);
  CHECK(app->applied_on == day(2026, 1, 10));
  auto pay = s->find_payment(row.payment_id);
  REQUIRE(pay);
  CHECK(pay->customer_id == s->find_customer("C1"));  // customer attribution
  CHECK(pay->unapplied_minor == 0);
  // Alias learning: the name paid under on a reference match is now an alias of C1.
  bool learned = false;
  s->for_each_alias([&](std::int64_t id, const std::string&) { learned |= id == *s->find_customer("C1"); });
  CHECK(learned);
  std::vector<std::string> audit;
  s->for_each_audit("", "apply-cash", [&](const store::AuditRecord& a) {
    audit.push_back(a.entry.detail);
    CHECK(a.entry.file_name == "bank.csv");
    CHECK(a.entry.sha256 == "abc123");
  });
  read.end();
  CHECK(audit == std::vector<std::string>{"1 receipts posted, 1 applications, 0 unapplied, 0 already posted, 0 debits, 0 returns"});
}

TEST_CASE("apply_cash: the same transactions twice post nothing and leave the ledger as it was", "[ops][apply_cash]") {
  auto s = ledger();
  std::vector<domain::BankTransaction> in{receipt(day(2026, 1, 20), 10000, "I1"), receipt(day(2026, 1, 20), 25000, "I2", "GLOBEX LTD")};
  auto first = ops::apply_cash(*s, kInv, in, kFiles, {});
  CHECK(first.new_receipts == 2);
  CHECK(open_at(*s, day(2026, 1, 31)) == 0);
  const std::string before = state(*s);
  bool reported = false;
  ops::ApplyCashOptions opts;
  opts.before_commit = [&](const ops::ApplyCashResult& r) { reported = r.rows.empty(); };
  auto second = ops::apply_cash(*s, kInv, in, kFiles, opts);
  CHECK(reported);
  CHECK_FALSE(second.written);
  CHECK(second.new_receipts == 0);
  CHECK(second.already_posted == 2);
  CHECK(state(*s) == before);  // not even an audit entry
}

TEST_CASE("apply_cash: identical transactions in one file without a bank reference are two receipts, told apart by occurrence", "[ops][apply_cash]") {
  auto t = receipt(day(2026, 1, 20), 5000, "I1");
  t.bank_reference.clear();  // nothing says the two lines are the same entry
  auto u = t;
  u.source_file = "other.csv";
  auto keys = ops::bank_transaction_keys({t, t, u});
  std::string natural = import::bank_transaction_key(t);
  CHECK(keys == std::vector<std::string>{natural + "#1", natural + "#2", natural + "#1"});

  auto s = ledger();
  auto r = ops::apply_cash(*s, kInv, {t, t, u}, kFiles, {});
  CHECK(r.new_receipts == 2);  // the other file's copy is the same receipt as the first
  CHECK(r.already_posted == 1);
  CHECK(r.duplicates == 0);
  store::ReadTransaction read(*s);
  auto first = s->find_payment(import::bank_payment_id(t, keys[0]));
  auto second = s->find_payment(import::bank_payment_id(t, keys[1]));
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->id != second->id);  // two payments
  read.end();
}

TEST_CASE("apply_cash: the same bank reference, date and amount twice in one file is a duplicate, not posted", "[ops][apply_cash]") {
  auto t = receipt(day(2026, 1, 20), 5000, "I1");
  auto repeat = t;
  repeat.source_line = 3;
  CHECK(ops::duplicate_lines({t, repeat}) == std::vector<std::size_t>{ops::kNoRepeat, 0});
  auto other_day = repeat;
  other_day.booking_date = day(2026, 1, 21);
  CHECK(ops::duplicate_lines({t, other_day}) == std::vector<std::size_t>{ops::kNoRepeat, ops::kNoRepeat});

  auto s = ledger();
  auto r = ops::apply_cash(*s, kInv, {t, repeat}, kFiles, {});
  CHECK(r.new_receipts == 1);
  CHECK(r.duplicates == 1);
  CHECK(r.unapplied == 0);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1].rule == "duplicate");
  CHECK(r.rows[1].note == "repeats bank.csv:2 (same bank reference, date and amount): not posted");
  CHECK(r.rows[1].payment_id.empty());
  // Again: nothing new, and the copy is still not posted.
  const std::string before = state(*s);
  auto again = ops::apply_cash(*s, kInv, {t, repeat}, kFiles, {});
  CHECK(again.new_receipts == 0);
  CHECK(again.duplicates == 1);
  CHECK(state(*s) == before);
}

TEST_CASE("apply_cash: a re-run that posts nothing still reports cash left unapplied (exit 3)", "[ops][apply_cash]") {
  auto s = ledger();
  auto unknown = receipt(day(2026, 1, 20), 777, "NOTHING", "SOMEONE ELSE");
  unknown.payer_account = "ACCT-X";
  auto first = ops::apply_cash(*s, kInv, {unknown}, kFiles, {});
  CHECK(first.unapplied == 1);
  CHECK(first.exceptions_remain());
  auto second = ops::apply_cash(*s, kInv, {unknown}, kFiles, {});
  CHECK(second.new_receipts == 0);
  CHECK(second.still_unapplied == 1);
  CHECK(second.exceptions_remain());
  REQUIRE_FALSE(second.notes.empty());
  CHECK(second.notes.back() == "1 receipt(s) posted by an earlier run are still unapplied (7.77 USD): see `otc cash unapplied`");
}

TEST_CASE("apply_cash: a zero-amount entry (NACHA notification of change) is reported, not posted", "[ops][apply_cash]") {
  auto s = ledger();
  auto noc = receipt(day(2026, 1, 20), 0, "I1");
  noc.return_reason = "C01";
  noc.remittance_text = "notification of change C01: corrected data 1918171614";
  const std::string before = state(*s);
  auto r = ops::apply_cash(*s, kInv, {noc}, kFiles, {});
  CHECK(r.zero_amount == 1);
  CHECK(r.new_receipts == 0);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0] == "bank.csv:2: notification of change C01: corrected data 1918171614 (ACME CORPORATION, bank reference BR-I1): reported, not posted");
  CHECK(state(*s) == before);
}

TEST_CASE("apply_cash: a returned item reverses the payment it returns and reopens its invoice", "[ops][apply_cash]") {
  auto s = ledger();
  auto paid = ops::apply_cash(*s, kInv, {receipt(day(2026, 1, 20), 10000, "I1")}, kFiles, {});
  REQUIRE(paid.rows.size() == 1);
  CHECK(open_at(*s, day(2026, 1, 31)) == 25000);

  domain::BankTransaction ret;
  ret.booking_date = ret.value_date = day(2026, 2, 3);
  ret.amount_minor = 10000;
  ret.currency = usd();
  ret.direction = domain::Direction::kDebit;
  ret.reversal = true;
  ret.return_reason = "R01";
  ret.payer_account = "ACCT-1";
  ret.source_file = "returns.ach";
  ret.source_line = 7;
  auto r = ops::apply_cash(*s, kInv, {ret}, {{"returns.ach", ""}}, {});
  CHECK(r.written);
  CHECK(r.returns == 1);
  CHECK(r.reversed_returns == 1);
  CHECK_FALSE(r.exceptions_remain());
  CHECK(r.notes == std::vector<std::string>{"returns.ach:7 returned item 100.00 USD (R01): reversed payment " + paid.rows[0].payment_id +
                                            ", 1 application(s) reopened"});
  CHECK(open_at(*s, day(2026, 2, 2)) == 25000);   // history before the return stays as it was
  CHECK(open_at(*s, day(2026, 2, 3)) == 35000);   // I1 open again
  {
    store::ReadTransaction read(*s);
    CHECK(s->find_payment(paid.rows[0].payment_id)->reversed);
    read.end();
  }
  // The same return file again reverses nothing more.
  const std::string before = state(*s);
  auto again = ops::apply_cash(*s, kInv, {ret}, {{"returns.ach", ""}}, {});
  CHECK(again.already_posted == 1);
  CHECK_FALSE(again.written);
  CHECK(state(*s) == before);
}

TEST_CASE("apply_cash: a return naming no single payment is left for `cash reverse` (exit 3)", "[ops][apply_cash]") {
  auto s = ledger();
  domain::BankTransaction ret;
  ret.booking_date = ret.value_date = day(2026, 2, 3);
  ret.amount_minor = 777;
  ret.currency = usd();
  ret.reversal = true;
  ret.source_file = "returns.ach";
  ret.source_line = 4;
  const std::string before = state(*s);
  auto r = ops::apply_cash(*s, kInv, {ret}, {{"returns.ach", ""}}, {});
  CHECK(r.unresolved_returns == 1);
  CHECK(r.exceptions_remain());
  CHECK(r.notes == std::vector<std::string>{
                       "returns.ach:4 returned item 7.77 USD: no single posted payment it returns; reverse it with `otc cash reverse PAYMENT --reason return`"});
  CHECK_FALSE(r.written);  // nothing new
  CHECK(state(*s) == before);
}

TEST_CASE("apply_cash: an unmatched receipt is posted unapplied with its customer and suggestions", "[ops][apply_cash]") {
  auto s = ledger();
  auto t = receipt(day(2026, 1, 20), 1234, "NOTHING-LIKE-IT", "Someone Else Entirely");
  t.remittance_refs.clear();
  auto r = ops::apply_cash(*s, kInv, {t}, kFiles, {});
  CHECK(r.written);
  CHECK(r.unapplied == 1);
  CHECK(r.exceptions_remain());
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].rule == "unapplied");
  CHECK(r.rows[0].amount_minor == 1234);
  CHECK(r.rows[0].application_id == 0);
  CHECK(open_at(*s, day(2026, 1, 31)) == 35000);
}

TEST_CASE("apply_cash: a dry run reports the applications and writes nothing", "[ops][apply_cash]") {
  auto s = ledger();
  const std::string before = state(*s);
  ops::ApplyCashOptions opts;
  opts.dry_run = true;
  auto r = ops::apply_cash(*s, kInv, {receipt(day(2026, 1, 20), 10000, "I1")}, kFiles, opts);
  CHECK_FALSE(r.written);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].invoice_id == "I1");
  CHECK(state(*s) == before);
}

TEST_CASE("apply_cash: a failure leaves the ledger exactly as it was", "[ops][apply_cash]") {
  auto s = ledger();
  auto t = receipt(day(2026, 1, 20), 10000, "I1");
  // Another transaction already holds the payment id this one would get.
  {
    store::WriteTransaction tx(*s);
    domain::Payment p;
    p.external_id = import::bank_payment_id(t, ops::bank_transaction_keys({t})[0]);
    p.currency = usd();
    p.received_date = day(2026, 1, 1);
    p.amount_minor = 1;
    p.bank_key = "something else";
    s->put_payment(p, std::nullopt, 0, s->add_batch("payments", "p.csv", "", "otc test"), 2);
    tx.commit();
  }
  const std::string before = state(*s);
  bool reported = false;
  ops::ApplyCashOptions opts;
  opts.before_commit = [&](const ops::ApplyCashResult&) { reported = true; };
  try {
    ops::apply_cash(*s, kInv, {t}, kFiles, opts);
    FAIL("expected an error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kLedger);
    CHECK(std::string(e.what()).find("already exists for another transaction") != std::string::npos);
  }
  CHECK_FALSE(reported);
  CHECK(state(*s) == before);
  CHECK(open_at(*s, day(2026, 1, 31)) == 35000);
}

TEST_CASE("confirms_payer: reference matches teach the payer's name, amount-only matches do not", "[ops][apply_cash]") {
  CHECK(ops::confirms_payer(engine::MatchRule::kReference));
  CHECK(ops::confirms_payer(engine::MatchRule::kReferenceList));
  CHECK(ops::confirms_payer(engine::MatchRule::kPartial));
  CHECK(ops::confirms_payer(engine::MatchRule::kOverpayment));
  CHECK_FALSE(ops::confirms_payer(engine::MatchRule::kCustomerAmount));
  CHECK_FALSE(ops::confirms_payer(engine::MatchRule::kReferenceFuzzy));
}

TEST_CASE("apply_cash: placeholder bank references and other payers do not make duplicates", "[ops][apply_cash]") {
  auto t = receipt(day(2026, 1, 20), 5000, "I1");
  t.bank_reference = "0000000000";
  CHECK(ops::duplicate_lines({t, t}) == std::vector<std::size_t>{ops::kNoRepeat, ops::kNoRepeat});
  auto a = receipt(day(2026, 1, 20), 5000, "I1");
  auto b = a;
  b.payer_name = "SOMEONE ELSE";
  CHECK(ops::duplicate_lines({a, b}) == std::vector<std::size_t>{ops::kNoRepeat, ops::kNoRepeat});
}

TEST_CASE("apply_cash: a re-run does not alert for an overpayment's rest left on account", "[ops][apply_cash]") {
  auto s = ledger();
  // 120.00 from Acme for I1 (100.00): I1 paid, 20.00 on account; the first run needs nobody.
  auto over = receipt(day(2026, 1, 20), 12000, "I1");
  auto first = ops::apply_cash(*s, kInv, {over}, kFiles, {});
  REQUIRE(first.rows.size() == 2);
  CHECK(first.rows[1].rule == "on_account");
  CHECK_FALSE(first.exceptions_remain());
  auto second = ops::apply_cash(*s, kInv, {over}, kFiles, {});
  CHECK(second.still_unapplied == 0);
  CHECK_FALSE(second.exceptions_remain());
}
