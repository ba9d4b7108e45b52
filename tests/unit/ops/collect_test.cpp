// Collections on a hand-made ledger (tests/fixtures/collections/): the work list's order,
// dunning twice, promises kept and broken, a plan with a missed installment, dispute exclusion,
// a write-off in aging, the roll-forward and the log. Figures worked by hand in docs/collections.md.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "ops_test_support.hpp"
#include "otc/ops/aging.hpp"
#include "otc/ops/collect.hpp"
#include "otc/ops/dispute.hpp"
#include "otc/ops/rollforward.hpp"

using namespace otc;
using otc::test::date;

namespace {

const ops::Invocation kInv{"otc collect"};

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(OTC_SOURCE_DIR) + "/tests/fixtures/collections/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The hand-made ledger: D4's only invoice disputed in full on 2026-11-01; F6 promised 1000.00 by
/// 2026-11-20 (made 11-10, nothing paid: broken); E5 promised 2000.00 by 11-25 (made 11-20, paid 11-24: kept).
struct CollectLedger : test::Ledger {
  import::CollectionsPolicy policy = import::default_collections_policy();
  CollectLedger() {
    import("customers", "customers.csv", fixture("customers.csv"));
    import("invoices", "invoices.csv", fixture("invoices.csv"));
    ops::DisputeOpen d;
    d.invoice = "INV-D1";
    d.reason = "pricing";
    d.owner = "dana";
    d.date = date(2026, 11, 1);
    REQUIRE(ops::open_dispute(*store, kInv, d).id == 1);
    promise("F6", "1000.00", date(2026, 11, 10), date(2026, 11, 20));
    promise("E5", "2000.00", date(2026, 11, 20), date(2026, 11, 25));
    import("payments", "payments.csv", fixture("payments.csv"));
  }
  ops::CollectResult promise(const std::string& c, const std::string& amount, core::Date made, core::Date due) {
    ops::PromiseOptions p;
    p.customer = c;
    p.amount = amount;
    p.made_on = made;
    p.due_date = due;
    return ops::collect_promise(*store, kInv, p);
  }
  ops::WorkListResult list(core::Date as_of) { return ops::collect_list(*store, kInv, policy, {as_of, ""}); }
  ops::DunningResult dunning(core::Date as_of, bool dry_run = false) {
    return ops::collect_dunning(*store, kInv, policy, {as_of, dry_run}, {});
  }
};

std::string order(const ops::WorkListResult& r) {
  std::string s;
  for (const auto& w : r.rows) s += (s.empty() ? "" : " ") + w.customer_id + ":" + std::to_string(w.score);
  return s;
}

}  // namespace

TEST_CASE("collect list: the hand-made ledger's order, scores and reasons", "[collect]") {
  CollectLedger l;
  auto r = l.list(date(2026, 11, 30));
  // B2 91 days + 4 (4,500.00) + 10 never contacted = 105; A1 60 + 12 + 10 = 82; F6 21 + 1 + 50 + 10 = 82
  // (A1 first: more past due); E5 30 + 3 + 10 = 43; C3 16 + 0 + 10 = 26. D4 is all disputed: absent.
  CHECK(order(r) == "B2:105 A1:82 F6:82 E5:43 C3:26");
  REQUIRE(r.rows.size() == 5);
  const auto& a1 = r.rows[1];
  CHECK(a1.past_due == 1200000);  // INV-A2 is not due yet
  CHECK(a1.oldest_days == 60);
  CHECK(a1.dunning_level == 0);
  CHECK(a1.next_dunning_level == 1);
  CHECK(a1.owner == "unassigned");
  CHECK(a1.credit_hold == "no");
  CHECK(a1.reasons == "oldest 60 days past due (+60); 12000.00 past due (+12); never contacted (+10)");
  CHECK(r.rows[2].promise_status == "broken");
  CHECK(r.rows[2].reasons == "oldest 21 days past due (+21); 1000.00 past due (+1); promise of 2026-11-20 broken (+50); never contacted (+10)");
  CHECK(r.rows[3].promise_status == "kept");
  CHECK(r.rows[3].past_due == 300000);
}

TEST_CASE("collect list: a contact in the last 30 days and an escalation move a customer", "[collect]") {
  CollectLedger l;
  ops::NoteOptions n{"B2", "left a voicemail", "", "call", date(2026, 11, 2)};
  CHECK(ops::collect_note(*l.store, kInv, n).changed);
  CHECK_FALSE(ops::collect_note(*l.store, kInv, n).changed);  // the same note twice is one note
  auto r = l.list(date(2026, 11, 30));
  CHECK(order(r) == "B2:95 A1:82 F6:82 E5:43 C3:26");  // B2 loses the +10
  CHECK(r.rows[0].last_contact_type == "call");
  CHECK(r.rows[0].last_contact_date == date(2026, 11, 2));
  // 2026-12-31: A1's INV-A1 is 91 days past due and INV-A2 30, 12,500.00 in all: the rule
  // over-90-10k (91 days, 10,000.00) sends it to senior-collector, +20, once.
  auto dec = l.list(date(2026, 12, 31));
  CHECK(dec.escalated == std::vector<std::string>{"A1 USD -> senior-collector (rule over-90-10k)"});
  // B2: 122 days (120) + 4 + 10 = 134 stays first; A1 91 + 12 + 10 + 20 = 133.
  REQUIRE(order(dec).rfind("B2:134 A1:133 ", 0) == 0);
  CHECK(dec.rows[1].owner == "senior-collector");
  CHECK(dec.rows[0].owner == "unassigned");
  CHECK(l.list(date(2026, 12, 31)).escalated.empty());
  auto mine = ops::collect_list(*l.store, kInv, l.policy, {date(2026, 12, 31), "senior-collector"});
  REQUIRE(mine.rows.size() == 1);
  CHECK(mine.rows[0].customer_id == "A1");
}

TEST_CASE("collect dunning: levels sent once; disputed and no-address customers skipped", "[collect]") {
  CollectLedger l;
  auto dry = l.dunning(date(2026, 11, 30), true);
  CHECK(dry.sent == 4);
  auto first = l.dunning(date(2026, 11, 30));
  std::string got;
  for (const auto& r : first.rows)
    got += r.customer_id + ":" + std::string(engine::to_string(r.action)) + ":" + std::to_string(r.level) + " ";
  CHECK(got == "A1:send:3 B2:send:3 C3:no address:0 D4:disputed:0 E5:send:2 F6:send:1 ");
  CHECK(first.sent == 4);
  CHECK(first.skipped == 2);
  CHECK(first.rows[0].file_name == "2026-11-30_A1_USD_level3.eml");
  CHECK(first.rows[0].message.find("To: \"Alpha Ltd\" <ap@alpha.example>\r\n") != std::string::npos);
  CHECK(first.rows[0].message.find("INV-A2") == std::string::npos);  // not past due
  auto second = l.dunning(date(2026, 11, 30));
  CHECK(second.sent == 0);
  CHECK(second.unchanged == 4);
  CHECK(second.skipped == 2);
  // A week later nobody reached a new level (E5 reaches 60 days on 2026-12-30).
  CHECK(l.dunning(date(2026, 12, 7)).sent == 0);
  auto later = l.dunning(date(2026, 12, 30));
  REQUIRE(later.sent == 2);  // E5 reaches level 3 (60 days), F6 level 2 (51 days)
  CHECK(later.rows[2].customer_id == "E5");
  CHECK(later.rows[2].level_before == 2);
  CHECK(later.rows[2].level == 3);
  // The list shows the levels reached and the dunning e-mail as the last contact.
  auto list = l.list(date(2026, 11, 30));
  CHECK(list.rows[0].dunning_level == 3);
  CHECK_FALSE(list.rows[0].next_dunning_level.has_value());
  CHECK(list.rows[0].last_contact_type == "email");
}

TEST_CASE("collect dunning: a promise still due holds dunning back", "[collect]") {
  CollectLedger l;
  // 2026-11-15: F6's INV-F1 is 6 days past due, its promise (by 11-20) still due.
  auto r = l.dunning(date(2026, 11, 15));
  bool found = false;
  for (const auto& row : r.rows)
    if (row.customer_id == "F6") {
      found = true;
      CHECK(row.action == engine::DunningAction::kSkipPromise);
    }
  CHECK(found);
}

TEST_CASE("collect promises: kept by a payment, broken the day after its date", "[collect]") {
  CollectLedger l;
  auto at = [&](core::Date d) {
    std::string s;
    for (const auto& p : ops::collect_promises(*l.store, d, std::nullopt))
      s += p.customer_id + ":" + p.status + ":" + core::format_amount(p.paid, 2) + " ";
    return s;
  };
  CHECK(at(date(2026, 11, 20)) == "E5:due:0.00 F6:due:0.00 ");
  CHECK(at(date(2026, 11, 21)) == "E5:due:0.00 F6:broken:0.00 ");
  CHECK(at(date(2026, 11, 24)) == "E5:kept:2000.00 F6:broken:0.00 ");
  CHECK(at(date(2026, 11, 9)) == "");  // made later
  auto kept = ops::collect_promises(*l.store, date(2026, 11, 30), engine::PromiseStatus::kKept);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].kept_on == date(2026, 11, 24));
  CHECK_FALSE(l.promise("E5", "2000.00", date(2026, 11, 20), date(2026, 11, 25)).changed);  // the same promise twice
}

TEST_CASE("collect plan: three monthly installments, the second missed", "[collect]") {
  CollectLedger l;
  ops::PlanOptions p;
  p.customer = "C3";
  p.installments = 3;
  p.every = "month";
  p.first = date(2026, 11, 20);
  p.made_on = date(2026, 11, 15);
  p.amount = "800.00";  // 266.67 + 266.67 + 266.66
  auto r = ops::collect_plan(*l.store, kInv, p);
  CHECK(r.note == "C3: plan 1, 800.00 USD in 3 installment(s) every month: 2026-11-20 266.67, 2026-12-20 266.67, 2027-01-20 266.66");
  CHECK_FALSE(ops::collect_plan(*l.store, kInv, p).changed);
  l.import("payments", "plan.csv",
           "payment_id,customer_id,payment_date,amount,currency,invoice_id,applied_amount\n"
           "PP-1,C3,2026-11-18,266.67,USD,INV-C1,\n"
           "PP-3,C3,2027-01-10,266.66,USD,INV-C1,\n");
  std::string s;
  for (const auto& x : ops::collect_promises(*l.store, date(2027, 1, 31), std::nullopt))
    if (x.customer_id == "C3") s += std::to_string(x.installment) + ":" + x.status + " ";
  CHECK(s == "1:kept 2:broken 3:kept ");
  CHECK(ops::split_installments(100, 3) == std::vector<std::int64_t>{34, 33, 33});
}

TEST_CASE("dispute: excluded from the list and dunning until resolved; a credit outcome issues a credit memo", "[collect]") {
  CollectLedger l;
  ops::DisputeOpen d;
  d.invoice = "INV-B1";
  d.amount = "1000.00";
  d.reason = "quantity";
  d.owner = "sam";
  d.date = date(2026, 11, 20);
  auto opened = ops::open_dispute(*l.store, kInv, d);
  CHECK(opened.id == 2);
  CHECK_FALSE(ops::open_dispute(*l.store, kInv, d).changed);
  auto r = l.list(date(2026, 11, 30));
  CHECK(r.rows[0].customer_id == "B2");
  CHECK(r.rows[0].past_due == 350000);
  CHECK(r.rows[0].disputed_open == 100000);
  CHECK(l.list(date(2026, 11, 19)).rows[0].past_due == 450000);  // not yet disputed then
  // Aging with disputes separate: B2's row total stays 4,500.00, 1,000.00 of it in `disputed`.
  ops::AgingOptions ao;
  ao.as_of = date(2026, 11, 30);
  ao.separate_disputes = true;
  auto aging = ops::aging_report(*l.store, ao);
  for (const auto& row : aging.rows())
    if (row.customer_external_id == "B2") {
      CHECK(row.open_total == 450000);
      CHECK(row.disputed == 100000);
      CHECK(row.buckets == std::vector<std::int64_t>{0, 200000, 0, 0, 150000, 0});
    }
  ops::DisputeResolve res{2, "credit", "agreed", date(2026, 12, 1)};
  auto done = ops::resolve_dispute(*l.store, kInv, res);
  CHECK(done.credit_memo == "CM-000001");
  CHECK_FALSE(ops::resolve_dispute(*l.store, kInv, res).changed);
  CHECK(l.list(date(2026, 12, 1)).rows[0].past_due == 350000);  // credited: 2,000.00 + 1,500.00 left
  auto open = ops::list_disputes(*l.store, date(2026, 12, 1), "open");
  REQUIRE(open.size() == 1);
  CHECK(open[0].invoice == "INV-D1");
  CHECK(open[0].age_days == 30);
  auto all = ops::list_disputes(*l.store, date(2026, 11, 30), "all");
  REQUIRE(all.size() == 2);
  CHECK(all[1].status == "open");  // resolved later than 11-30
}

TEST_CASE("collect write-off: aging drops from its date, the roll-forward and the log carry it", "[collect]") {
  CollectLedger l;
  ops::WriteOffOptions w{"INV-C1", "50.00", "small balance", "", date(2026, 11, 30)};
  auto r = ops::collect_write_off(*l.store, kInv, l.policy, w);
  CHECK(r.note == "INV-C1: 50.00 USD written off on 2026-11-30 (adjustment 1): small balance; open balance now 750.00");
  CHECK_FALSE(ops::collect_write_off(*l.store, kInv, l.policy, w).changed);
  // Before the write-off's date the invoice is whole; from it, 50.00 less.
  CHECK(l.open_ar(date(2026, 11, 29))["USD"] == 2380000);
  CHECK(l.open_ar(date(2026, 11, 30))["USD"] == 2375000);
  store::ReadTransaction tx(*l.store);
  auto rf = ops::ledger_rollforward(*l.store, date(2026, 11, 1), date(2026, 11, 30));
  tx.end();
  REQUIRE(rf.size() == 1);
  CHECK(rf[0].written_off == 5000);
  bool logged = false;
  l.store->for_each_audit("", "", [&](const store::AuditRecord& a) {
    if (a.entry.action == "write-off" && a.entry.entity_id == "INV-C1") logged = true;
  });
  CHECK(logged);
  // Over the policy's 1,000.00 it needs an approver.
  ops::WriteOffOptions big{"INV-A1", "1200.00", "bankrupt", "", date(2026, 11, 30)};
  CHECK_THROWS_WITH(ops::collect_write_off(*l.store, kInv, l.policy, big),
                    "a write-off of 1200.00 USD is over the policy's approval threshold 1000.00: it needs --approved-by NAME");
  big.approved_by = "cfo";
  CHECK(ops::collect_write_off(*l.store, kInv, l.policy, big).changed);
}

TEST_CASE("collect write-off: refused in a closed period", "[collect]") {
  CollectLedger l;
  {
    store::WriteTransaction tx(*l.store);
    l.store->set_period_lock("2026-11", true);
    tx.commit();
  }
  ops::WriteOffOptions w{"INV-C1", "50.00", "small balance", "", date(2026, 11, 30)};
  try {
    ops::collect_write_off(*l.store, kInv, l.policy, w);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kPeriodClosed);
  }
  CHECK(l.open_ar(date(2026, 11, 30))["USD"] == 2380000);
}
