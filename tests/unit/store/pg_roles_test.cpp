// The PostgreSQL billing, collections and credit roles (src/store/pg/billing*.cpp,
// collections.cpp, credit.cpp) against SQLite's: the same calls on both backends read back the
// same rows in the same order. Runs only when OTC_TEST_PG_URI names a server
// (postgresql://USER@/DB?host=SOCKET_DIR); each run works in its own schema and drops it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

#include "otc/engine/billing.hpp"
#include "otc/ops/import_contracts.hpp"
#include "otc/store/open_store.hpp"
#include "otc/store/transaction.hpp"
#include "store/pg/pg_ledger.hpp"

using namespace otc;

namespace {

core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
const core::Currency kUsd = *core::find_currency("USD");

domain::ContractLine line(std::string contract, std::string customer, domain::PriceModel model, std::int64_t price_micros) {
  domain::ContractLine v;
  v.contract_id = std::move(contract);
  v.line_id = "1";
  v.customer = std::move(customer);
  v.product = "SEATS";
  v.metric = "SEATS";
  v.description = "Team \"seats\", with a \\ and a comma";
  v.start = d(2026, 1, 1);
  v.frequency = domain::BillingFrequency::kMonthly;
  v.timing = domain::BillingTiming::kAdvance;
  v.anchor_day = 1;
  v.model = model;
  v.price_per = domain::BillingFrequency::kMonthly;
  v.unit_price_micros = price_micros;
  v.quantity = 10 * domain::kDecimalScale;
  v.currency = kUsd;
  v.net_days = 30;
  return v;
}

std::string opt(const std::optional<core::Date>& x) { return x ? x->iso() : "-"; }

/// The same story told to a ledger, and everything the three roles read back, as text.
std::vector<std::string> story(store::LedgerStore& l) {
  std::vector<std::string> t;
  auto say = [&](std::string s) { t.push_back(std::move(s)); };
  std::int64_t batch = 0, c1 = 0, c2 = 0;
  {
    store::WriteTransaction tx(l);
    batch = l.add_batch("test", "test.csv", "", "test");
    c1 = l.ensure_customer("C1", "One Inc.", batch, 0);
    c2 = l.ensure_customer("C2", "Two Ltd", batch, 0);
    for (auto v : {line("K-2", "C2", domain::PriceModel::kFlat, 99'500'000), line("K-1", "C1", domain::PriceModel::kPerSeat, 25'000'000)}) {
      auto ref = l.find_contract_line(v.contract_id, v.line_id);
      std::int64_t id = ref ? ref->id : l.add_contract_line(v.contract_id, v.line_id, l.find_customer(v.customer).value(), v.customer);
      say("put " + std::to_string(static_cast<int>(l.put_contract_version(id, v, import::content_hash(v), batch).outcome)));
      say("again " + std::to_string(static_cast<int>(l.put_contract_version(id, v, import::content_hash(v), batch).outcome)));
      auto amended = v;
      amended.effective = d(2026, 3, 1);
      amended.quantity = 12 * domain::kDecimalScale;
      say("amend " + std::to_string(static_cast<int>(l.put_contract_version(id, amended, import::content_hash(amended), batch).outcome)));
    }
    say("customer of K-1 " + l.contract_customer("K-1").value_or("-"));
    domain::UsageRecord u;
    u.event_id = "E1";
    u.contract_id = "K-1";
    u.line_id = "1";
    u.customer = "C1";
    u.metric = "SEATS";
    u.date = d(2026, 2, 3);
    u.quantity = 5;
    say("usage " + std::to_string(l.put_usage(u, batch)) + " " + std::to_string(l.put_usage(u, batch)));
    // Bill through April, as `invoice run` does.
    l.for_each_customer_book(d(2026, 4, 1), std::nullopt, [&](store::CustomerBook& b) {
      say("book " + b.customer + " versions " + std::to_string(b.versions.size()) + " billed " + std::to_string(b.billed.size()) +
          " usage " + std::to_string(b.usage.size()));
      auto plan = engine::plan_billing(b.versions, b.usage, b.billed, d(2026, 4, 1));
      for (const auto& inv : plan.invoices) {
        auto number = l.next_number("INV-");
        l.post_invoice(inv, b.customer_id, number, batch);
        say("invoice " + number + " " + std::to_string(inv.total) + " lines " + std::to_string(inv.lines.size()));
      }
    });
    tx.commit();
  }
  {
    store::WriteTransaction tx(l);
    l.for_each_customer_book(d(2026, 4, 1), std::string_view("C1"), [&](store::CustomerBook& b) {
      std::string keys;
      for (const auto& c : b.billed) keys += " " + c.contract_id + "/" + c.line_id + "@" + c.key.date.iso();
      say("book again " + b.customer + keys);
    });
    auto first = l.find_issued_invoice("INV-000001").value();
    l.void_invoice(first.id, d(2026, 4, 2), "wrong", batch);
    auto second = l.find_issued_invoice("INV-000002").value();
    store::CreditMemoDraft m{"CM-000001", second.id, second.customer_id, kUsd, d(2026, 4, 2), 1000, "goodwill", 1, batch};
    auto memo = l.post_credit_memo(m);
    l.release_for_rebill(second.id, d(2026, 4, 2), "rebill", memo, batch);
    for (const auto& c : l.charges_of(second.id)) say("charge " + c.contract_id + "/" + c.line_id + " " + c.key.date.iso());
    say("last " + std::to_string(l.last_number("INV-")));
    l.set_last_number("CM-", 7);
    say("next " + l.next_number("CM-") + " " + l.next_number("NEW-"));
    tx.commit();
  }
  l.for_each_billed_invoice([&](const store::IssuedInvoice& i) {
    say("issued " + i.number + " " + i.customer + " " + i.customer_name + " " + std::to_string(i.total) + " open " +
        std::to_string(i.open) + " " + i.status + " credited " + std::to_string(i.credited) + " " + i.released.value_or("-"));
    std::vector<store::IssuedLine> lines;
    l.load_lines(i.id, lines);
    for (const auto& x : lines)
      say("  line " + std::to_string(x.line_no) + " " + x.description + " " + x.quantity + " " + x.unit_price + " " +
          std::to_string(x.amount) + " " + opt(x.service_from) + ".." + opt(x.service_to) + " credited " + std::to_string(x.credited));
  });
  l.for_each_billed_line(std::nullopt, std::nullopt, [&](const store::BilledLineRecord& r) {
    say("billed line " + r.invoice + "/" + std::to_string(r.line_no) + " " + r.customer + " " + r.contract_id + " " +
        opt(r.service_from) + " " + std::to_string(r.amount_minor) + " " + std::to_string(r.credited_minor));
  });
  // Collections.
  auto inv = l.find_issued_invoice("INV-000003").value();
  {
    store::WriteTransaction tx(l);
    store::NoteRecord n{0, c1, inv.id, "", d(2026, 4, 5), "call", "will pay, \"soon\""};
    say("note " + std::to_string(l.add_note(n).has_value()) + " " + std::to_string(l.add_note(n).has_value()));
    n.invoice_id.reset();
    n.date = d(2026, 4, 4);
    n.text = "second";
    l.add_note(n);
    store::PromiseRecord p;
    p.customer_id = c1;
    p.currency = kUsd;
    p.amount_minor = 5000;
    p.made_on = d(2026, 4, 5);
    p.due_date = d(2026, 4, 20);
    p.invoice_ids = {inv.id};
    say("promise " + std::to_string(l.add_promise(p).has_value()) + " " + std::to_string(l.add_promise(p).has_value()));
    store::PlanDraft plan{c2, kUsd, 30000, 3, "month", d(2026, 5, 1), d(2026, 4, 5)};
    auto [plan_id, fresh] = l.add_plan(plan);
    auto again = l.add_plan(plan);
    say("plan " + std::to_string(fresh) + " " + std::to_string(again.second) + " " + std::to_string(again.first == plan_id));
    p.customer_id = c2;
    p.plan_id = plan_id;
    p.installment = 1;
    p.invoice_ids.clear();
    l.add_promise(p);
    store::DisputeRecord dr;
    dr.invoice_id = inv.id;
    dr.amount_minor = 700;
    dr.reason = "pricing";
    dr.owner = "ann";
    dr.opened_on = d(2026, 4, 6);
    dr.note = "10% off";
    auto id = l.add_dispute(dr);
    say("same dispute " + std::to_string(l.find_same_dispute(inv.id, d(2026, 4, 6), 700, "pricing").has_value()));
    l.resolve_dispute(id, d(2026, 4, 8), "credit", "agreed", "");
    l.resolve_dispute(id, d(2026, 4, 9), "reject", "twice", "CM-9");
    store::DunningRecord dn{0, c1, kUsd, 1, d(2026, 4, 7), "friendly", "email", "C1_1.eml", 12345, {inv.id}};
    l.add_dunning(dn);
    dn.customer_id = c2;
    l.add_dunning(dn);
    store::EscalationRecord e{c1, kUsd, "over_90", "lead", d(2026, 4, 7)};
    say("escalate " + std::to_string(l.add_escalation(e)) + " " + std::to_string(l.add_escalation(e)));
    auto wo = l.post_write_off(inv.id, d(2026, 4, 9), 100, "small", "cfo");
    say("write-off found " + std::to_string(l.find_write_off(inv.id, d(2026, 4, 9), 100, "small") == wo) + " any amount " +
        std::to_string(l.find_write_off(inv.id, d(2026, 4, 9), -1, "small") == wo));
    tx.commit();
  }
  for (const auto& n : l.notes(d(2026, 12, 31), std::nullopt)) say("note " + n.date.iso() + " " + n.kind + " " + n.text + " " + n.invoice);
  say("notes of C2 " + std::to_string(l.notes(d(2026, 12, 31), c2).size()));
  for (const auto& p : l.promises(d(2026, 12, 31)))
    say("promise " + std::to_string(p.customer_id == c1) + " " + std::to_string(p.amount_minor) + " " + p.due_date.iso() + " [" +
        p.invoices + "] installment " + std::to_string(p.installment));
  for (const auto& x : l.disputes(d(2026, 12, 31)))
    say("dispute " + x.invoice + " " + std::to_string(x.amount_minor) + " " + opt(x.resolved_on) + " " + x.outcome + " " +
        x.resolution_note + " [" + x.credit_memo + "]");
  for (const auto& x : l.dunning_notices(d(2026, 12, 31)))
    say("dunning " + std::to_string(x.customer_id == c1) + " " + std::to_string(x.level) + " " + x.file_name + " " +
        std::to_string(x.invoice_ids.size()));
  for (const auto& x : l.escalations(d(2026, 12, 31))) say("escalation " + x.rule + " " + x.owner + " " + x.escalated_on.iso());
  for (auto c : {c1, c2})
    for (const auto& e : l.customer_events(c))
      say("event " + e.date.iso() + " " + e.kind + " " + e.id + " " + e.document + " " + e.currency + " " +
          std::to_string(e.amount_minor.value_or(-1)) + " " + e.detail);
  l.for_each_customer_contact([&](const store::CustomerContact& c) { say("contact " + c.external_id + " " + c.name); });
  say("contact C2 " + std::to_string(l.find_customer_contact("C2").has_value()) + " C9 " +
      std::to_string(l.find_customer_contact("C9").has_value()));
  // Credit.
  {
    store::WriteTransaction tx(l);
    l.put_credit_limit({c2, kUsd, 100000, d(2026, 9, 30), d(2026, 4, 1)});
    l.put_credit_limit({c1, kUsd, 5000, std::nullopt, d(2026, 4, 1)});
    l.put_credit_limit({c1, kUsd, 6000, std::nullopt, d(2026, 4, 2)});
    l.add_credit_hold_event({0, c1, "hold", d(2026, 4, 3), std::nullopt, "bounced", "2026-04-03T10:00:00Z"});
    l.add_credit_hold_event({0, c1, "release", d(2026, 4, 4), d(2026, 5, 1), "approved", "2026-04-04T10:00:00Z"});
    l.put_seller_profile("seller.toml", "name = \"Seller\"\n");
    l.put_seller_profile("seller.toml", "name = \"Seller\"\n");
    tx.commit();
  }
  for (const auto& c : l.credit_customers()) say("credit customer " + c.external_id + " " + c.name);
  say("credit C1 " + l.credit_customer("C1").value().name);
  for (const auto& x : l.credit_limits())
    say("limit " + std::to_string(x.customer_id == c1) + " " + std::to_string(x.limit_minor) + " " + opt(x.review_by) + " " + x.set_on.iso());
  for (const auto& x : l.credit_hold_events()) say("hold " + x.action + " " + x.effective_on.iso() + " " + opt(x.until) + " " + x.at);
  say("seller " + l.seller_profile().value().first);
  for (auto c : {c1, c2}) {
    auto f = l.customer_facts(c);
    say("facts " + f.customer.external_id + " invoices " + std::to_string(f.invoices.size()) + " payments " +
        std::to_string(f.payments.size()) + " applications " + std::to_string(f.applications.size()) + " adjustments " +
        std::to_string(f.adjustments.size()));
    for (const auto& a : f.applications) say("  application " + a.invoice_external_id + " " + a.credit_memo_external_id + " " + std::to_string(a.amount_minor));
    for (const auto& v : f.invoices) say("  invoice " + v.external_id + " void " + opt(v.void_on));
  }
  say("payment " + std::to_string(l.payment_fact("P-none", nullptr).has_value()));
  say("reversed " + std::to_string(l.reversed_payment_counts(d(2026, 1, 1), d(2026, 12, 31)).size()));
  return t;
}

}  // namespace

TEST_CASE("the PostgreSQL billing, collections and credit roles read back what SQLite does", "[pg_roles]") {
  const char* uri = std::getenv("OTC_TEST_PG_URI");
  if (!uri || !*uri) {
    SUCCEED("OTC_TEST_PG_URI not set: PostgreSQL not tested");
    return;
  }
  auto sqlite = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  const auto want = story(*sqlite);
  store::StoreOptions options;
  options.pg_schema = "t_pg_roles_" + std::to_string(::getpid());
  auto pg = store::open_store(uri, store::OpenMode::kCreate, options);
  struct Drop {
    store::LedgerStore& l;
    std::string schema;
    ~Drop() {
      try {
        dynamic_cast<store::pg::PgLedger&>(l).db().exec("DROP SCHEMA " + schema + " CASCADE");
      } catch (...) {
      }
    }
  } drop{*pg, options.pg_schema};
  const auto got = story(*pg);
  CHECK(got.size() == want.size());
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    INFO("row " << i);
    CHECK(got[i] == want[i]);
  }
}

namespace {

/// More contract lines than one cursor chunk (Stream::kChunk = 4000 in src/store/pg/billing.cpp):
/// the customer books, a billing pass and the books read again.
std::vector<std::string> many_lines(store::LedgerStore& l) {
  std::vector<std::string> t;
  {
    store::WriteTransaction tx(l);
    const auto batch = l.add_batch("test", "many.csv", "", "test");
    for (int i = 0; i < 4100; ++i) {
      const std::string customer = "C" + std::to_string(1000 + i % 37);
      auto v = line("K-" + std::to_string(10000 + i), customer, domain::PriceModel::kPerSeat, 1'000'000 + i);
      v.start = d(2026, 1 + i % 3, 1);
      auto cust = l.ensure_customer(customer, customer, batch, 0);
      auto id = l.add_contract_line(v.contract_id, v.line_id, cust, customer);
      l.put_contract_version(id, v, import::content_hash(v), batch);
    }
    l.for_each_customer_book(d(2026, 3, 31), std::nullopt, [&](store::CustomerBook& b) {
      t.push_back(b.customer + " " + std::to_string(b.versions.size()) + " " + b.versions.front().contract_id + ".." +
                  b.versions.back().contract_id);
      auto plan = engine::plan_billing(b.versions, b.usage, b.billed, d(2026, 3, 31));
      for (const auto& inv : plan.invoices) l.post_invoice(inv, b.customer_id, l.next_number("INV-"), batch);
    });
    tx.commit();
  }
  store::ReadTransaction tx(l);
  l.for_each_customer_book(d(2026, 3, 31), std::nullopt, [&](store::CustomerBook& b) {
    t.push_back(b.customer + " billed " + std::to_string(b.billed.size()) + " " + b.billed.front().contract_id + "@" +
                b.billed.front().key.date.iso() + ".." + b.billed.back().contract_id + "@" + b.billed.back().key.date.iso());
  });
  t.push_back("last " + std::to_string(l.last_number("INV-")));
  return t;
}

}  // namespace

TEST_CASE("the PostgreSQL customer books span several cursor chunks as SQLite's do", "[pg_roles]") {
  const char* uri = std::getenv("OTC_TEST_PG_URI");
  if (!uri || !*uri) {
    SUCCEED("OTC_TEST_PG_URI not set: PostgreSQL not tested");
    return;
  }
  auto sqlite = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  const auto want = many_lines(*sqlite);
  REQUIRE(want.size() == 2 * 37 + 1);
  store::StoreOptions options;
  options.pg_schema = "t_pg_roles_many_" + std::to_string(::getpid());
  auto pg = store::open_store(uri, store::OpenMode::kCreate, options);
  struct Drop {
    store::LedgerStore& l;
    std::string schema;
    ~Drop() {
      try {
        dynamic_cast<store::pg::PgLedger&>(l).db().exec("DROP SCHEMA " + schema + " CASCADE");
      } catch (...) {
      }
    }
  } drop{*pg, options.pg_schema};
  CHECK(many_lines(*pg) == want);
}
