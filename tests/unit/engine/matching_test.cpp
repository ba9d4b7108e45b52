#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/engine/matching.hpp"

using namespace otc;
using namespace otc::engine;

namespace {

core::Currency usd() { return *core::find_currency("USD"); }

OpenInvoice inv(std::int64_t id, std::string number, std::int64_t customer, std::int64_t open, int due = 0) {
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

MatchCustomer cust(std::int64_t id, std::string name, std::vector<std::string> accounts = {},
                   std::vector<std::string> aliases = {}) {
  MatchCustomer c;
  c.id = id;
  c.name = std::move(name);
  c.bank_accounts = std::move(accounts);
  c.aliases = std::move(aliases);
  return c;
}

domain::BankTransaction rcpt(std::int64_t amount, std::vector<std::string> refs = {}, std::string text = "",
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

MatchOptions opts() {
  MatchOptions o;
  o.threads = 1;
  return o;
}

// The small book most cases use.
std::vector<MatchCustomer> customers() {
  return {cust(10, "Acme Corporation Inc.", {"DE89 3704 0044 0532 0130 00"}), cust(20, "Globex LLC", {"111222333"}),
          cust(30, "Initech Ltd")};
}

std::vector<OpenInvoice> invoices() {
  return {inv(1, "INV-000123", 10, 123456, 10), inv(2, "INV-000124", 10, 50000, 20),
          inv(3, "INV-000200", 20, 99900, 5), inv(4, "INV-000201", 20, 75000, 15), inv(5, "INV-000300", 30, 20000, 1)};
}

MatchResult run(const std::vector<domain::BankTransaction>& receipts, const MatchOptions& o = opts()) {
  return match_receipts(receipts, invoices(), customers(), o);
}

}  // namespace

// ---- pass 1 ------------------------------------------------------------------------------------

TEST_CASE("Matching: structured reference with the exact amount applies", "[matching]") {
  const auto r = run({rcpt(123456, {"INV-000123"})});
  REQUIRE(r.applications.size() == 1);
  const Application& a = r.applications[0];
  CHECK(a.receipt == 0);
  CHECK(a.invoice_id == 1);
  CHECK(a.amount_minor == 123456);
  CHECK(a.rule == MatchRule::kReference);
  CHECK(rule_name(a.rule) == "reference");
  CHECK(a.confidence == 99);
  CHECK(a.deduction_minor == 0);
  CHECK(a.deduction_reason.empty());
  CHECK(r.unapplied.empty());
  CHECK(r.stats.applied_receipts == 1);
}

TEST_CASE("Matching: references in free text in customer formats apply", "[matching]") {
  auto [text, confidence] = GENERATE(table<std::string, int>({{"inv 123", 97},
                                                               {"#123", 97},
                                                               {"Invoice no. 000123", 97},
                                                               {"payment INV000123 thanks", 98},
                                                               {"INV-000123", 98}}));
  const auto r = run({rcpt(123456, {}, text)});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].confidence == confidence);
}

TEST_CASE("Matching: a reference whose amount disagrees is not applied for a stranger", "[matching]") {
  const auto r = run({rcpt(100000, {"INV-000123"}, "", "Hooli Inc")});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "referenced invoice does not agree with the amount and the payer does not confirm it");
  REQUIRE_FALSE(r.unapplied[0].suggestions.empty());
  CHECK(r.unapplied[0].suggestions[0].id == 1);
  CHECK(r.unapplied[0].suggestions[0].why ==
        "remittance references INV-000123 (Acme Corporation Inc., open USD 1234.56); paid USD 1000.00");
}

TEST_CASE("Matching: a typo in the reference is corrected when the amount and payer agree", "[matching]") {
  const auto r = run({rcpt(123456, {"INV-000132"}, "", "", "DE89370400440532013000")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].rule == MatchRule::kReferenceFuzzy);
  CHECK(r.applications[0].confidence == 90);
}

TEST_CASE("Matching: two referenced invoices that both fit go to the queue", "[matching]") {
  auto book = invoices();
  book.push_back(inv(6, "INV-000125", 10, 123456, 30));
  const auto r = match_receipts({rcpt(123456, {}, "inv 123 and 125")}, book, customers(), opts());
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "ambiguous: several referenced invoices fit equally");
  REQUIRE(r.unapplied[0].suggestions.size() >= 2);
  CHECK(r.unapplied[0].suggestions[0].id == 1);
  CHECK(r.unapplied[0].suggestions[1].id == 6);
}

TEST_CASE("Matching: within_tolerance edges", "[matching]") {
  CHECK(within_tolerance(100000, 98500, Tolerance{1500, 0}));
  CHECK_FALSE(within_tolerance(100000, 98499, Tolerance{1500, 0}));
  CHECK(within_tolerance(100000, 97500, Tolerance{0, 250}));
  CHECK_FALSE(within_tolerance(100000, 97499, Tolerance{0, 250}));
  CHECK_FALSE(within_tolerance(100000, 98500, Tolerance{1000, 250}));  // both set: both must hold
  CHECK(within_tolerance(100000, 99000, Tolerance{1000, 250}));
  CHECK_FALSE(within_tolerance(100000, 100000, Tolerance{1500, 0}));  // not short
  CHECK_FALSE(within_tolerance(100000, 99999, Tolerance{}));          // nothing tolerated
}

TEST_CASE("Matching: a short-pay at the tolerance edge is a deduction, one cent more a partial", "[matching]") {
  MatchOptions o = opts();
  o.tolerance.absolute_minor = 1500;
  const auto r = run({rcpt(121956, {"INV-000123"}, "", "ACME CORP"), rcpt(48499, {"INV-000124"}, "", "ACME CORP")}, o);
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].amount_minor == 121956);
  CHECK(r.applications[0].deduction_minor == 1500);
  CHECK(r.applications[0].deduction_reason == "SHORT-PAY");
  CHECK(r.applications[0].rule == MatchRule::kReference);
  CHECK(r.applications[0].confidence == 94);
  CHECK(r.applications[1].invoice_id == 2);
  CHECK(r.applications[1].amount_minor == 48499);  // short by 15.01
  CHECK(r.applications[1].deduction_minor == 0);
  CHECK(r.applications[1].rule == MatchRule::kPartial);
  CHECK(r.applications[1].confidence == 85);
}

TEST_CASE("Matching: percentage tolerance edge", "[matching]") {
  MatchOptions o = opts();
  o.tolerance.basis_points = 250;  // 2.5% of 750.00 = 18.75
  auto paid = GENERATE(73125, 73124);
  const auto r = run({rcpt(paid, {"INV-000201"}, "", "Globex")}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 4);
  CHECK(r.applications[0].amount_minor == paid);
  if (paid == 73125) {
    CHECK(r.applications[0].deduction_minor == 1875);
  } else {
    CHECK(r.applications[0].deduction_minor == 0);
    CHECK(r.applications[0].rule == MatchRule::kPartial);
  }
}

// ---- pass 2 ------------------------------------------------------------------------------------

TEST_CASE("Matching: a list of references that adds up applies to each", "[matching]") {
  const auto r = run({rcpt(173456, {"INV-000123, INV-000124"})});
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 1);
  CHECK(r.applications[0].amount_minor == 123456);
  CHECK(r.applications[1].invoice_id == 2);
  CHECK(r.applications[1].amount_minor == 50000);
  CHECK(r.applications[0].rule == MatchRule::kReferenceList);
  CHECK(r.applications[0].confidence == 97);
}

namespace {
std::vector<MatchCustomer> vandelay() { return {cust(40, "Vandelay Industries", {"ACCT-40"})}; }
}  // namespace

TEST_CASE("Matching: an exact-sum combination of the payer's invoices applies", "[matching]") {
  const std::vector<OpenInvoice> book = {inv(11, "INV-000411", 40, 10000, 1), inv(12, "INV-000412", 40, 25000, 2),
                                         inv(13, "INV-000413", 40, 40000, 3), inv(14, "INV-000414", 40, 100000, 4)};
  const auto r = match_receipts({rcpt(35000, {}, "", "", "ACCT-40")}, book, vandelay(), opts());
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 11);
  CHECK(r.applications[0].amount_minor == 10000);
  CHECK(r.applications[1].invoice_id == 12);
  CHECK(r.applications[1].amount_minor == 25000);
  CHECK(r.applications[0].rule == MatchRule::kCombination);
  CHECK(r.applications[0].confidence == 85);
}

TEST_CASE("Matching: two combinations that add up go to the queue", "[matching]") {
  const std::vector<OpenInvoice> book = {inv(11, "INV-000411", 40, 10000, 1), inv(12, "INV-000412", 40, 25000, 2),
                                         inv(13, "INV-000413", 40, 15000, 3), inv(14, "INV-000414", 40, 20000, 4)};
  const auto r = match_receipts({rcpt(35000, {}, "", "", "ACCT-40")}, book, vandelay(), opts());
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "ambiguous: several combinations of the payer's invoices add up to the amount");
  CHECK(r.unapplied[0].customer_id == 40);
}

TEST_CASE("Matching: the combination search respects its candidate bound", "[matching]") {
  std::vector<OpenInvoice> book;
  for (int i = 0; i < 41; ++i) book.push_back(inv(100 + i, "INV-00" + std::to_string(1000 + i), 40, 1000 + i, i));
  MatchOptions o = opts();
  auto r = match_receipts({rcpt(2001, {}, "", "", "ACCT-40")}, book, vandelay(), o);
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "combination search not finished within its bounds");

  o.max_combination_candidates = 41;
  r = match_receipts({rcpt(2001, {}, "", "", "ACCT-40")}, book, vandelay(), o);
  REQUIRE(r.applications.size() == 2);
  CHECK(r.applications[0].invoice_id == 100);
  CHECK(r.applications[1].invoice_id == 101);
}

// ---- pass 3 ------------------------------------------------------------------------------------

TEST_CASE("Matching: payer by name variant and a unique amount applies", "[matching]") {
  const auto r = run({rcpt(50000, {}, "PAYMENT THANK YOU", "ACME CORP")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 2);
  CHECK(r.applications[0].rule == MatchRule::kCustomerAmount);
  CHECK(r.applications[0].confidence == 90);
}

TEST_CASE("Matching: payer by bank account and a unique amount applies", "[matching]") {
  const auto r = run({rcpt(75000, {}, "", "", "111222333")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 4);
  CHECK(r.applications[0].confidence == 92);
}

namespace {
std::vector<MatchCustomer> stark() { return {cust(60, "Stark Industries Inc")}; }
std::vector<OpenInvoice> stark_book() {
  return {inv(21, "INV-000521", 60, 30000, 5), inv(22, "INV-000522", 60, 30000, 9), inv(23, "INV-000523", 60, 12345, 12)};
}
}  // namespace

TEST_CASE("Matching: two open invoices of the same amount go to the queue, oldest suggested first", "[matching]") {
  const auto r = match_receipts({rcpt(30000, {}, "", "STARK INDUSTRIES")}, stark_book(), stark(), opts());
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "ambiguous: several open invoices of the payer have this amount");
  REQUIRE(r.unapplied[0].suggestions.size() >= 2);
  CHECK(r.unapplied[0].suggestions[0].id == 21);
  CHECK(r.unapplied[0].suggestions[1].id == 22);
}

TEST_CASE("Matching: a payer name cut by the bank is recognised", "[matching]") {
  const auto r = match_receipts({rcpt(12345, {}, "", "STARK INDUSTRIE")}, stark_book(), stark(), opts());
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 23);
  CHECK(r.applications[0].confidence == 82);
}

// ---- pass 4 ------------------------------------------------------------------------------------

TEST_CASE("Matching: an overpayment pays the invoice and leaves the rest on account", "[matching]") {
  const auto r = run({rcpt(52000, {"INV-000124"}, "", "Acme Corp")});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 2);
  CHECK(r.applications[0].amount_minor == 50000);
  CHECK(r.applications[0].rule == MatchRule::kOverpayment);
  REQUIRE(r.on_account.size() == 1);
  CHECK(r.on_account[0].customer_id == 10);
  CHECK(r.on_account[0].amount_minor == 2000);
}

TEST_CASE("Matching: a short-pay without reference of a payer with few invoices", "[matching]") {
  MatchOptions o = opts();
  o.tolerance.basis_points = 250;
  const auto r = run({rcpt(98000, {}, "", "", "111222333")}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 3);
  CHECK(r.applications[0].amount_minor == 98000);
  CHECK(r.applications[0].deduction_minor == 1900);
  CHECK(r.applications[0].rule == MatchRule::kShortPay);
  CHECK(r.applications[0].confidence == 75);
}

// ---- pass 5 and the rest -------------------------------------------------------------------------

TEST_CASE("Matching: an unknown payer without references is queued", "[matching]") {
  const auto r = run({rcpt(777, {}, "", "Hooli XYZ")});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "no invoice reference and payer not identified");
  CHECK_FALSE(r.unapplied[0].customer_id.has_value());
}

TEST_CASE("Matching: a strong match keeps its invoice from a weaker one earlier in the file", "[matching]") {
  const auto r = run({rcpt(75000, {}, "", "", "111222333"), rcpt(75000, {"INV-000201"})});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].receipt == 1);
  CHECK(r.applications[0].invoice_id == 4);
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].receipt == 0);
  CHECK(r.unapplied[0].reason == "payer identified but no open invoice fits the amount");
  CHECK(r.unapplied[0].customer_id == 20);
}

TEST_CASE("Matching: a second payment of a paid invoice is queued", "[matching]") {
  const auto r = run({rcpt(20000, {"INV-000300"}), rcpt(20000, {"INV-000300"})});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].receipt == 0);
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "referenced invoice is already fully applied (duplicate payment?)");
}

TEST_CASE("Matching: debits, reversals and repeated lines are not matched", "[matching]") {
  auto debit = rcpt(1500, {}, "SERVICE CHARGE");
  debit.direction = domain::Direction::kDebit;
  auto reversal = rcpt(20000, {"INV-000300"});
  reversal.reversal = true;
  reversal.return_reason = "R01";
  auto line = rcpt(20000, {"INV-000300"});
  line.bank_reference = "X1";
  const auto r = run({debit, reversal, line, line});
  CHECK(r.debits == std::vector<std::uint32_t>{0});
  CHECK(r.reversals == std::vector<std::uint32_t>{1});
  REQUIRE(r.duplicates.size() == 1);
  CHECK(r.duplicates[0] == std::pair<std::uint32_t, std::uint32_t>{3, 2});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].receipt == 2);
  CHECK(r.unapplied.empty());
  CHECK(r.stats.receipts == 4);
  CHECK(r.stats.applied_receipts == 1);
}

TEST_CASE("Matching: another currency is never applied", "[matching]") {
  auto t = rcpt(123456, {"INV-000123"});
  t.currency = *core::find_currency("EUR");
  const auto r = run({t});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "referenced invoice is in another currency");
}

TEST_CASE("Matching: below the confidence threshold goes to the queue", "[matching]") {
  MatchOptions o = opts();
  o.min_confidence = 98;
  const auto r = run({rcpt(123456, {}, "inv 123"), rcpt(50000, {"INV-000124"})}, o);
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].receipt == 1);  // structured: 99
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].receipt == 0);     // free text: 97
  CHECK(r.unapplied[0].reason == "best match is below the confidence threshold");
}

TEST_CASE("Matching: a zero credit is queued", "[matching]") {
  const auto r = run({rcpt(0, {"INV-000123"})});
  CHECK(r.applications.empty());
  REQUIRE(r.unapplied.size() == 1);
  CHECK(r.unapplied[0].reason == "zero amount");
}

TEST_CASE("Matching: multi-part and plain numeric invoice numbers", "[matching]") {
  const std::vector<OpenInvoice> book = {inv(7, "INV-2024-00123", 30, 45000, 3), inv(8, "10023", 30, 9900, 4)};
  const std::vector<MatchCustomer> people = {cust(30, "Initech Ltd")};
  auto [text, id, confidence] = GENERATE(table<std::string, std::int64_t, int>({{"Invoice 2024-123", 7, 97},
                                                                                 {"inv #123", 7, 93},
                                                                                 {"payment 10023", 8, 95}}));
  const std::int64_t amount = id == 7 ? 45000 : 9900;
  const auto r = match_receipts({rcpt(amount, {}, text)}, book, people, opts());
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == id);
  CHECK(r.applications[0].confidence == confidence);
}

TEST_CASE("Matching: the payer's end-to-end id is read as a reference", "[matching]") {
  auto t = rcpt(20000);
  t.end_to_end_id = "INV-000300";
  const auto r = run({t});
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].invoice_id == 5);
  CHECK(r.applications[0].confidence == 98);
}
