// ops::invoice_run against an in-memory ledger: the documented five-invoice run, numbering,
// a second run that writes nothing, and dry runs.
#include "otc/ops/invoice_run.hpp"

#include "invoice_support.hpp"

using namespace billing_test;

namespace {

struct Posted {
  std::string number;
  std::string customer;
  std::string invoice_date;
  std::int64_t total = 0;
  std::size_t lines = 0;
};

std::vector<Posted> run(Ledger& l, ops::InvoiceRunOptions o, ops::InvoiceRunResult* result = nullptr) {
  std::vector<Posted> out;
  bool before_commit = false;
  auto r = ops::invoice_run(
      *l.store, kCall, o,
      [&](const std::string& number, const engine::InvoiceDraft& inv) {
        out.push_back({number, inv.customer, inv.invoice_date.iso(), inv.total, inv.lines.size()});
      },
      [&](const ops::InvoiceRunResult& res) {
        before_commit = true;
        CHECK(res.invoices == static_cast<long>(out.size()));
      });
  CHECK(before_commit);
  if (result) *result = r;
  return out;
}

ops::InvoiceRunOptions through(core::Date day) {
  ops::InvoiceRunOptions o;
  o.through = day;
  return o;
}

}  // namespace

TEST_CASE("invoice_run: the documented run bills five invoices, numbered in order", "[ops][invoice-run]") {
  Ledger l;
  l.run_example();
  ops::InvoiceRunResult r;
  auto posted = run(l, through(d(2026, 3, 1)), &r);
  REQUIRE(posted.size() == 5);
  // 01-01: 10 × 25.00; 01-15: 10,000.00 / 12 × 17/31; 02-01: 833.33 + 250.00 + 30 × 1.00;
  // 02-10: 5 × 25.00 × 19/28; 03-01: 833.33 + 15 × 25.00 + 5 × 1.00.
  CHECK(posted[0].number == "INV-000001");
  CHECK(posted[0].invoice_date == "2026-01-01");
  CHECK(posted[0].total == 25000);
  CHECK(posted[1].invoice_date == "2026-01-15");
  CHECK(posted[1].total == 45699);
  CHECK(posted[2].invoice_date == "2026-02-01");
  CHECK(posted[2].total == 111333);
  CHECK(posted[2].lines == 3);
  CHECK(posted[3].invoice_date == "2026-02-10");
  CHECK(posted[3].total == 8482);
  CHECK(posted[4].number == "INV-000005");
  CHECK(posted[4].total == 121333);
  CHECK(r.invoices == 5);
  CHECK(r.lines == 9);  // 1 + 1 + 3 + 1 + 3
  CHECK(r.customers == 1);
  CHECK(r.first == "INV-000001");
  CHECK(r.last == "INV-000005");
  CHECK(r.note == "billed 5 invoices (INV-000001 to INV-000005, 9 lines) through 2026-03-01");

  // Posted in the ledger, the sequence stored once.
  CHECK(l.invoice("INV-000003").open == 111333);
  CHECK(l.invoice("INV-000003").due_date == d(2026, 3, 3));
  CHECK(l.billing->last_number("INV-") == 5);
  auto audit = l.audit("invoice_run");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].entry.entity_id == "INV-000001..INV-000005");
  CHECK(audit[0].entry.detail == "through 2026-03-01: 5 invoices, 9 lines, for 1 customers with contracts");
  CHECK(audit[0].entry.command == "otc test");
  CHECK(audit[0].entry.batch_id > 0);
}

TEST_CASE("invoice_run: a second run bills nothing and writes nothing", "[ops][invoice-run]") {
  Ledger l;
  l.run_example();
  run(l, through(d(2026, 3, 1)));
  ops::InvoiceRunResult r;
  CHECK(run(l, through(d(2026, 3, 1)), &r).empty());
  CHECK(r.note == "nothing to bill through 2026-03-01: every charge due is already invoiced");
  CHECK(l.audit("invoice_run").size() == 1);  // no second batch, no second audit entry
  CHECK(l.billing->last_number("INV-") == 5);
}

TEST_CASE("invoice_run: a later run bills only what fell due since", "[ops][invoice-run]") {
  Ledger l;
  l.run_example();
  run(l, through(d(2026, 2, 9)));  // 01-01, 01-15, 02-01
  auto later = run(l, through(d(2026, 3, 1)));
  REQUIRE(later.size() == 2);
  CHECK(later[0].number == "INV-000004");
  CHECK(later[0].total == 8482);
  CHECK(later[1].number == "INV-000005");
  CHECK(later[1].total == 121333);
}

TEST_CASE("invoice_run: a dry run reports the invoices and rolls back", "[ops][invoice-run]") {
  Ledger l;
  l.run_example();
  auto o = through(d(2026, 1, 31));
  o.dry_run = true;
  ops::InvoiceRunResult r;
  auto posted = run(l, o, &r);
  REQUIRE(posted.size() == 2);
  CHECK(posted[1].total == 45699);
  CHECK(r.note == "dry run: would bill 2 invoices (INV-000001 to INV-000002, 2 lines) through 2026-01-31; nothing was written");
  CHECK(!l.billing->find_issued_invoice("INV-000001"));
  CHECK(l.billing->last_number("INV-") == 0);
  CHECK(l.audit("invoice_run").empty());

  o.through = d(2025, 12, 31);
  CHECK(run(l, o, &r).empty());
  CHECK(r.note == "dry run: nothing to bill through 2025-12-31");
}

TEST_CASE("invoice_run: each prefix has its own sequence; half-even rounding", "[ops][invoice-run]") {
  Ledger l;
  l.run_example();
  auto o = through(d(2026, 1, 15));
  o.prefix = "AB-";
  o.billing = ops::billing_options("half-even");
  CHECK(o.billing.rounding == core::Rounding::kHalfEven);
  auto posted = run(l, o);
  REQUIRE(posted.size() == 2);
  CHECK(posted[0].number == "AB-000001");
  CHECK(posted[1].number == "AB-000002");
  CHECK(posted[1].total == 45699);  // 456.9892.. is no half: both rules give 456.99
  CHECK(l.billing->last_number("INV-") == 0);
  CHECK(ops::billing_options("half-up").rounding == core::Rounding::kHalfUp);
}
