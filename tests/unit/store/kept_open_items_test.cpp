#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "otc/store/sqlite_store.hpp"

using namespace otc;

namespace {
core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }
const core::Currency kUsd = *core::find_currency("USD");
const core::Currency kEur = *core::find_currency("EUR");

domain::Invoice invoice(const std::string& id, std::int64_t total, core::Date on, const core::Currency& ccy = kUsd) {
  domain::Invoice inv;
  inv.external_id = id;
  inv.currency = ccy;
  inv.invoice_date = on;
  inv.due_date = on.add_days(30);
  inv.total_minor = total;
  return inv;
}

domain::Payment payment(const std::string& id, std::int64_t amount, core::Date on) {
  domain::Payment p;
  p.external_id = id;
  p.currency = kUsd;
  p.received_date = on;
  p.amount_minor = amount;
  return p;
}

void apply(store::LedgerStore& l, std::int64_t inv, std::int64_t pay, std::int64_t amount, core::Date on) {
  store::ApplicationDraft a;
  a.invoice_id = inv;
  a.payment_id = pay;
  a.amount_minor = amount;
  a.applied_on = on;
  l.apply(a);
}

using Item = std::tuple<std::int64_t, std::string, std::string, std::string, std::int32_t, std::int32_t, std::int64_t, std::int64_t>;

std::vector<Item> items(store::LedgerStore& l, core::Date as_of, bool unordered) {
  std::vector<Item> out;
  auto take = [&](const domain::OpenItem& i) {
    out.emplace_back(i.invoice_id, i.invoice_external_id, i.customer_external_id, std::string(i.currency.view()), i.invoice_date.days(),
                     i.due_date.days(), i.total_minor, i.open_minor);
  };
  if (unordered) l.for_each_open_item_unordered(as_of, take);
  else l.for_each_open_item(as_of, take);
  std::sort(out.begin(), out.end());
  return out;
}

/// The kept rows give the same open items as the invoices, at every date of the ledger's life.
void same_at_every_date(store::LedgerStore& l) {
  l.begin_read();
  for (core::Date on = d(2026, 1, 1); on <= d(2026, 7, 1); on = on.add_days(1)) {
    INFO("as of " << on.iso());
    CHECK(items(l, on, true) == items(l, on, false));
  }
  l.commit();
}
}  // namespace

TEST_CASE("Kept open items: the same items as the invoices, now and at every past date", "[store][aging]") {
  auto l = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  l->begin_write();
  auto batch = l->add_batch("invoices", "i.csv", "", "otc test");
  auto c1 = l->ensure_customer("C1", "Acme", batch, 1);
  auto c2 = l->ensure_customer("C2", "Bolt", batch, 2);
  auto i1 = l->put_invoice(invoice("I1", 10000, d(2026, 1, 10)), c1, 1, batch, 2).id;
  auto i2 = l->put_invoice(invoice("I2", 5000, d(2026, 2, 1)), c1, 2, batch, 3).id;
  auto i3 = l->put_invoice(invoice("I3", 7000, d(2026, 2, 15), kEur), c1, 3, batch, 4).id;
  auto i4 = l->put_invoice(invoice("I4", 2500, d(2026, 3, 1)), c2, 4, batch, 5).id;
  l->put_invoice(invoice("I5", 900, d(2026, 4, 1)), c2, 5, batch, 6);
  l->commit();
  same_at_every_date(*l);

  l->begin_write();
  auto pb = l->add_batch("payments", "p.csv", "", "otc test");
  auto p1 = l->put_payment(payment("P1", 12000, d(2026, 2, 20)), c1, 11, pb, 2).id;
  apply(*l, i1, p1, 10000, d(2026, 2, 20));  // I1 settled on 2026-02-20
  apply(*l, i2, p1, 2000, d(2026, 3, 5));    // I2 partly paid later
  auto p2 = l->put_payment(payment("P2", 2500, d(2026, 3, 20)), c2, 12, pb, 3).id;
  apply(*l, i4, p2, 2500, d(2026, 3, 20));  // I4 settled
  l->add_adjustment(i3, "write_off", "small", 7000, d(2026, 5, 2), pb);  // I3 written off
  // Inside the writing transaction the kept rows are stale: the invoices answer.
  CHECK(items(*l, d(2026, 12, 31), true) == items(*l, d(2026, 12, 31), false));
  l->commit();
  same_at_every_date(*l);

  // A later change to one customer only (the per-customer refresh, not the full one).
  l->begin_write();
  auto p3 = l->put_payment(payment("P3", 3000, d(2026, 6, 1)), c1, 13, pb, 4).id;
  apply(*l, i2, p3, 3000, d(2026, 6, 1));
  l->commit();
  same_at_every_date(*l);

  l->begin_read();
  std::int64_t open_now = 0;
  for (const auto& it : items(*l, d(2026, 12, 31), true)) open_now += std::get<7>(it);
  CHECK(open_now == 900);  // only I5 is still open
  std::int64_t open_march = 0;
  for (const auto& it : items(*l, d(2026, 3, 10), true)) open_march += std::get<7>(it);
  CHECK(open_march == 3000 + 7000 + 2500);  // I2 3000 left, I3 7000 (EUR, summed raw), I4 settled on 03-20; I1 settled
  l->commit();
}
