// ops::void_invoice, credit_invoice and rebill_invoice against an in-memory ledger: eligibility,
// the credit-amount rules, memo numbering, closed periods, and the ledger after a refusal.
#include "otc/ops/invoice_corrections.hpp"

#include "invoice_support.hpp"
#include "otc/ops/invoice_run.hpp"

using namespace billing_test;

namespace {

/// The documented run through 2026-03-01: INV-000001 250.00 (01-01, seats), INV-000002 456.99
/// (01-15, annual), INV-000003 1,113.33 (02-01: 833.33, 250.00, 30.00), INV-000004 84.82 (02-10,
/// the upgrade), INV-000005 1,213.33 (03-01).
void billed_example(Ledger& l) {
  l.run_example();
  ops::InvoiceRunOptions o;
  o.through = d(2026, 3, 1);
  REQUIRE(ops::invoice_run(*l.store, kCall, o, {}).invoices == 5);
}

template <class Options>
Options on(const char* number, core::Date date, const char* reason = "test") {
  Options o;
  o.invoice = number;
  o.date = date;
  o.reason = reason;
  return o;
}

ops::CreditOptions credit(const char* number, core::Date date, std::string amount = {}, int line = 0) {
  auto o = on<ops::CreditOptions>(number, date);
  o.amount = std::move(amount);
  o.line = line;
  return o;
}

}  // namespace

TEST_CASE("void: an open invoice with nothing applied; its charges are billed again", "[ops][invoice-corrections]") {
  Ledger l;
  billed_example(l);
  bool before_commit = false;
  auto r = ops::void_invoice(*l.store, kCall, on<ops::CorrectionOptions>("INV-000001", d(2026, 1, 5), "wrong entity"),
                             [&](const ops::CorrectionResult& res) { before_commit = res.rows.size() == 1; });
  CHECK(before_commit);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].action == "void");
  CHECK(r.rows[0].document.empty());
  CHECK(r.rows[0].amount == 25000);
  CHECK(*r.rows[0].invoice_open == 0);
  CHECK(r.note == "voided INV-000001; its charges are unbilled again (the next invoice run bills them)");
  auto inv = l.invoice("INV-000001");
  CHECK(inv.status == "void");
  CHECK(inv.open == 0);
  auto audit = l.audit("void");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].entry.detail ==
        "voided on 2026-01-05, total 250.00 USD; its charges are unbilled again; reason: wrong entity");

  // The next run bills January's seats again, as INV-000006.
  ops::InvoiceRunOptions o;
  o.through = d(2026, 3, 1);
  std::vector<std::pair<std::string, std::int64_t>> again;
  ops::invoice_run(*l.store, kCall, o, [&](const std::string& n, const engine::InvoiceDraft& inv) {
    again.emplace_back(n, inv.total);
  });
  CHECK(again == std::vector<std::pair<std::string, std::int64_t>>{{"INV-000006", 25000}});

  // Eligibility: a void invoice is not corrected again.
  CHECK_THROWS_WITH(ops::void_invoice(*l.store, kCall, on<ops::CorrectionOptions>("INV-000001", d(2026, 1, 5))),
                    "invoice INV-000001 is void");
}

TEST_CASE("corrections: unknown invoice, a date before the invoice date", "[ops][invoice-corrections]") {
  Ledger l;
  billed_example(l);
  CHECK_THROWS_WITH(ops::void_invoice(*l.store, kCall, on<ops::CorrectionOptions>("INV-999999", d(2026, 3, 1))),
                    "invoice 'INV-999999' is not in the ledger");
  try {
    ops::credit_invoice(*l.store, kCall, credit("INV-000002", d(2026, 1, 14)));
    FAIL("expected an error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kUsage);
    CHECK(std::string(e.what()) == "the date 2026-01-14 is before invoice INV-000002's date 2026-01-15");
  }
  CHECK(l.invoice("INV-000002").open == 45699);
}

TEST_CASE("credit: the open balance, an amount, a line; never more than the open balance", "[ops][invoice-corrections]") {
  Ledger l;
  billed_example(l);
  // An amount: 1,113.33 - 100.00 = 1,013.33 open.
  auto r = ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 5), "100.00"));
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].document == "CM-000001");
  CHECK(r.rows[0].amount == 10000);
  CHECK(*r.rows[0].invoice_open == 101333);
  CHECK(r.note == "credit memo CM-000001 of 100.00 USD applied to INV-000003; open balance now 1013.33");
  CHECK(l.invoice("INV-000003").open == 101333);
  CHECK(l.invoice("INV-000003").credited == 10000);

  // Line 2 (the seats, 250.00) in full, once.
  r = ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 6), "", 2));
  CHECK(r.rows[0].document == "CM-000002");
  CHECK(r.rows[0].amount == 25000);
  CHECK(*r.rows[0].invoice_open == 76333);
  CHECK(l.audit("credit").back().entry.detail ==
        "credit memo CM-000002 of 250.00 USD (line 2) applied on 2026-02-06; reason: test");
  CHECK_THROWS_WITH(ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 6), "", 2)),
                    "line 2 of INV-000003 was already credited");
  CHECK_THROWS_WITH(ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 6), "", 9)),
                    "invoice INV-000003 has no line 9 (it has 3)");

  // More than is open, or not a positive amount: refused, nothing changes.
  CHECK_THROWS_WITH(ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 6), "763.34")),
                    "a credit of 763.34 exceeds invoice INV-000003's open balance 763.33 USD");
  CHECK_THROWS_WITH(ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 6), "-5")),
                    "--amount '-5' is not a positive amount in USD");
  CHECK(l.invoice("INV-000003").open == 76333);
  CHECK(l.billing->last_number("CM-") == 2);

  // The rest of the open balance; then nothing is left to credit.
  r = ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 7)));
  CHECK(r.rows[0].document == "CM-000003");
  CHECK(r.rows[0].amount == 76333);
  CHECK(*r.rows[0].invoice_open == 0);
  CHECK_THROWS_WITH(ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 7))),
                    "invoice INV-000003 has no open balance to credit");
}

TEST_CASE("void and rebill: only while nothing is applied", "[ops][invoice-corrections]") {
  Ledger l;
  billed_example(l);
  ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 5), "100.00"));
  CHECK_THROWS_WITH(ops::void_invoice(*l.store, kCall, on<ops::CorrectionOptions>("INV-000003", d(2026, 2, 5))),
                    "void INV-000003: it has applications (payments 0.00, credits 100.00, adjustments 0.00 USD); "
                    "void only while nothing is applied");
  CHECK_THROWS_WITH(ops::rebill_invoice(*l.store, kCall, on<ops::RebillOptions>("INV-000003", d(2026, 2, 5))),
                    "rebill INV-000003: it has applications (payments 0.00, credits 100.00, adjustments 0.00 USD); "
                    "rebill only while nothing is applied");
  auto inv = l.invoice("INV-000003");
  CHECK(inv.status == "open");
  CHECK(inv.open == 101333);
  CHECK(l.billing->last_number("CM-") == 1);
}

TEST_CASE("rebill: credited in full, the same charges billed again with their dates", "[ops][invoice-corrections]") {
  Ledger l;
  billed_example(l);
  auto o = on<ops::RebillOptions>("INV-000004", d(2026, 3, 2), "recheck");
  auto r = ops::rebill_invoice(*l.store, kCall, o);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].action == "credit");
  CHECK(r.rows[0].document == "CM-000001");
  CHECK(r.rows[0].amount == 8482);
  CHECK(*r.rows[0].invoice_open == 0);
  CHECK(r.rows[1].action == "rebill");
  CHECK(r.rows[1].document == "INV-000006");
  CHECK(r.rows[1].date == d(2026, 2, 10));  // the upgrade's date, kept
  CHECK(r.rows[1].amount == 8482);
  CHECK(r.note == "credited INV-000004 in full (CM-000001) and rebilled it as INV-000006 (84.82)");
  CHECK(l.invoice("INV-000004").open == 0);
  CHECK(l.invoice("INV-000006").open == 8482);
  CHECK(l.audit("rebill").back().entry.detail ==
        "credit memo CM-000001 of 84.82 USD on 2026-03-02; rebilled as INV-000006 (84.82); reason: recheck");
  // The released charge is on INV-000006 now: a run bills nothing more.
  ops::InvoiceRunOptions run;
  run.through = d(2026, 3, 1);
  CHECK(ops::invoice_run(*l.store, kCall, run, {}).invoices == 0);
}

TEST_CASE("corrections: a closed period refuses them and nothing changes", "[ops][invoice-corrections]") {
  Ledger l;
  billed_example(l);
  {
    store::WriteTransaction tx(*l.store);
    l.store->set_period_lock("2026-02", true);
    tx.commit();
  }
  CHECK_THROWS_WITH(ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 2, 15), "10.00")),
                    Catch::Contains("falls in a closed period (2026-02)"));
  CHECK(l.invoice("INV-000003").open == 111333);
  CHECK(l.billing->last_number("CM-") == 0);
  // Dated in an open period, the same credit is fine.
  auto r = ops::credit_invoice(*l.store, kCall, credit("INV-000003", d(2026, 3, 2), "10.00"));
  CHECK(r.rows[0].document == "CM-000001");
  CHECK(*r.rows[0].invoice_open == 110333);
}
