// The pure collections rules: promises, dunning levels, the priority score and the list's order.
#include <catch2/catch.hpp>

#include "otc/engine/collections.hpp"
#include "otc/engine/dunning.hpp"
#include "otc/engine/promises.hpp"

using namespace otc;
using namespace otc::engine;

namespace {
core::Date d(int y, int m, int day) { return *core::Date::from_ymd(y, m, day); }
}  // namespace

TEST_CASE("promises: kept when the cash in its window reaches the amount, broken the day after its date", "[promises]") {
  std::vector<PromiseTerms> one{{1, d(2026, 11, 10), d(2026, 11, 20), 100000}};
  SECTION("cash before the promise was made does not count") {
    auto o = evaluate_promises(one, {{d(2026, 11, 9), 100000}}, d(2026, 11, 20));
    CHECK(o[0].status == PromiseStatus::kDue);
    CHECK(evaluate_promises(one, {{d(2026, 11, 9), 100000}}, d(2026, 11, 21))[0].status == PromiseStatus::kBroken);
  }
  SECTION("two payments reach it on the second's date") {
    auto o = evaluate_promises(one, {{d(2026, 11, 12), 40000}, {d(2026, 11, 20), 60000}}, d(2026, 12, 1));
    CHECK(o[0].status == PromiseStatus::kKept);
    CHECK(o[0].kept_on == d(2026, 11, 20));
  }
  SECTION("a payment the day after its date is too late") {
    auto o = evaluate_promises(one, {{d(2026, 11, 21), 100000}}, d(2026, 11, 21));
    CHECK(o[0].status == PromiseStatus::kBroken);
    CHECK(o[0].paid_minor == 0);
  }
  SECTION("an unapply takes the payment back") {
    auto o = evaluate_promises(one, {{d(2026, 11, 12), 100000}, {d(2026, 11, 15), -100000}}, d(2026, 11, 30));
    CHECK(o[0].status == PromiseStatus::kBroken);
  }
}

TEST_CASE("promises: a plan's installments share the cash in date order", "[promises]") {
  std::vector<PromiseTerms> plan{{1, d(2026, 1, 1), d(2026, 1, 15), 100},
                                 {2, d(2026, 1, 1), d(2026, 2, 15), 100},
                                 {3, d(2026, 1, 1), d(2026, 3, 15), 100}};
  auto o = evaluate_promises(plan, {{d(2026, 1, 10), 100}, {d(2026, 3, 1), 100}}, d(2026, 3, 31));
  CHECK(o[0].status == PromiseStatus::kKept);
  CHECK(o[1].status == PromiseStatus::kBroken);
  CHECK(o[2].status == PromiseStatus::kKept);
  auto prepaid = evaluate_promises(plan, {{d(2026, 1, 10), 200}}, d(2026, 3, 31));
  CHECK(prepaid[1].status == PromiseStatus::kKept);
  CHECK(prepaid[1].kept_on == d(2026, 1, 16));
  CHECK(prepaid[2].status == PromiseStatus::kBroken);
}

TEST_CASE("dunning: the level from days past due, never the same level twice in a cycle", "[dunning]") {
  std::vector<DunningLevel> levels{{1, 1, "l1.txt", "email"}, {2, 30, "l2.txt", "email"}, {3, 60, "l3.txt", "email"}};
  CHECK(level_for(levels, 0) == 0);
  CHECK(level_for(levels, 29) == 1);
  CHECK(level_for(levels, 30) == 2);
  CHECK(level_for(levels, 400) == 3);
  CHECK(level_reached({{2, {7, 8}}}, {8}) == 2);
  CHECK(level_reached({{2, {7, 8}}}, {9}) == 0);  // those invoices were paid: a new cycle
  DunningFacts f{100, 0, false, true, 2, 2};
  CHECK(decide_dunning(f) == DunningAction::kNothingNew);
  f.target_level = 3;
  CHECK(decide_dunning(f) == DunningAction::kSend);
  f.promise_due = true;
  CHECK(decide_dunning(f) == DunningAction::kSkipPromise);
  f.promise_due = false;
  f.has_address = false;
  CHECK(decide_dunning(f) == DunningAction::kSkipNoAddress);
  CHECK(to_string(DunningAction::kSkipNoAddress) == "no address");
  f.has_address = true;
  f.later_notice = true;  // a notice dated after this run: never send out of order
  CHECK(decide_dunning(f) == DunningAction::kSkipLaterNotice);
  CHECK(to_string(DunningAction::kSkipLaterNotice) == "later notice");
  f.target_level = 2;  // nothing new to send is still "already sent"
  CHECK(decide_dunning(f) == DunningAction::kNothingNew);
  f.target_level = 3;
  f.later_notice = false;
  f.undisputed_past_due = 0;
  f.disputed_past_due = 50;
  CHECK(decide_dunning(f) == DunningAction::kSkipDisputed);
}

TEST_CASE("collections: past due leaves disputed parts out; the score and the order", "[collections]") {
  std::vector<CollectionItem> items{{1, "I1", d(2026, 9, 1), d(2026, 10, 1), 100000, 100000},
                                    {2, "I2", d(2026, 10, 1), d(2026, 10, 31), 50000, 20000},
                                    {3, "I3", d(2026, 11, 1), d(2026, 12, 1), 7000, 0}};
  auto p = past_due_of(items, d(2026, 11, 30));
  CHECK(p.undisputed == 30000);
  CHECK(p.disputed == 120000);
  CHECK(p.open_disputed == 120000);
  CHECK(p.oldest_days == 30);  // I1 is all disputed: I2's age counts
  CHECK(p.invoice_ids == std::vector<std::int64_t>{2});
  ScoreInput in;
  in.past_due_minor = 4500000;  // 45,000.00
  in.oldest_days = 130;
  in.promise_broken = true;
  in.broken_promise_date = d(2026, 11, 1);
  in.last_contact = d(2026, 11, 1);
  in.as_of = d(2026, 11, 30);
  auto s = priority_score(in);
  CHECK(s.points == 120 + 45 + 50);  // contact 29 days ago: no +10
  in.as_of = d(2026, 12, 1);
  CHECK(priority_score(in).reasons.back() == "no contact since 2026-11-01 (+10)");
  CHECK(work_order({10, 5, 1, "B", "USD"}, {10, 4, 9, "A", "USD"}));
  CHECK(work_order({10, 5, 1, "A", "EUR"}, {10, 5, 1, "A", "USD"}));
  CHECK_FALSE(work_order({9, 500, 1, "A", "USD"}, {10, 5, 1, "B", "USD"}));
}
