#include "ops_test_support.hpp"

using namespace otc;
using test::date;
using test::kInvoices;
using test::kPayments;

TEST_CASE("ops import: invoices and payments, with applications of imported payments", "[ops][import]") {
  test::Ledger l;
  auto inv = l.import("invoices", "invoices.csv", kInvoices);
  CHECK(inv.outcome == ops::ImportOutcome::kImported);
  CHECK(inv.summary.rows_read == 4);
  CHECK(inv.summary.inserted == 4);
  CHECK(inv.summary.unchanged == 0);
  CHECK(inv.summary.rejected == 0);
  CHECK(l.count("customers") == 2);  // C1 and C2 created as stubs

  auto pay = l.import("payments", "payments.csv", kPayments);
  CHECK(pay.summary.inserted == 4);
  CHECK(pay.summary.applied == 2);
  // USD: INV-1 1,000.00 - P1 400.00 + INV-2 500.00 + INV-4 1,200.00 - P3 900.00 = 1,400.00; EUR INV-3 250.50.
  auto open = l.open_ar(date(2026, 10, 31));
  CHECK(open["USD"] == 140000);
  CHECK(open["EUR"] == 25050);
  // P3 (received 2026-10-05) is applied on its received date: as of 2026-10-04 INV-4 is still wholly open.
  CHECK(l.open_ar(date(2026, 10, 4))["USD"] == 100000 - 40000 + 50000 + 120000);
  CHECK(l.issues.empty());
}

TEST_CASE("ops import: the same file twice adds nothing; the same rows in another file are unchanged", "[ops][import]") {
  test::Ledger l;
  auto first = l.import("invoices", "invoices.csv", kInvoices, "sha-1");
  REQUIRE(first.outcome == ops::ImportOutcome::kImported);
  auto again = l.import("invoices", "invoices.csv", kInvoices, "sha-1");
  CHECK(again.outcome == ops::ImportOutcome::kAlreadyImported);
  CHECK(again.summary.already_imported);
  CHECK(again.summary.previous.id == first.summary.batch_id);
  CHECK(again.summary.previous.file_name == "invoices.csv");
  auto copy = l.import("invoices", "copy.csv", kInvoices, "sha-2");
  CHECK(copy.outcome == ops::ImportOutcome::kImported);
  CHECK(copy.summary.inserted == 0);
  CHECK(copy.summary.unchanged == 4);
  CHECK(l.open_ar(date(2026, 10, 31))["USD"] == 270000);
}

TEST_CASE("ops import: a bad row leaves the ledger unchanged and every bad row is reported", "[ops][import]") {
  test::Ledger l;
  const std::string text =
      "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
      "INV-10,C1,2026-09-01,2026-10-01,100.00,USD\n"
      "INV-11,C1,2026-02-30,2026-10-01,100.00,USD\n"
      "INV-12,C1,2026-09-01,2026-10-01,12.345,USD\n";
  try {
    l.import("invoices", "bad.csv", text);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kInput);
    CHECK(std::string(e.what()) == "2 bad row(s); nothing was imported");
    CHECK(e.where().file == "bad.csv");
  }
  REQUIRE(l.issues.size() == 2);
  CHECK(l.issues[0].where.file == "bad.csv");
  CHECK(l.issues[0].where.line == 3);
  CHECK(l.issues[0].where.column == 3);
  CHECK(l.issues[0].where.text == "INV-11,C1,2026-02-30,2026-10-01,100.00,USD");
  CHECK(l.issues[0].where.caret == 10);
  CHECK(l.issues[0].message == "invoice_date '2026-02-30' is not a date in the form YYYY-MM-DD (declare the file's form with date_format in a mapping file or --date-format)");
  CHECK(l.issues[1].where.line == 4);
  CHECK(l.issues[1].where.column == 5);
  CHECK(l.count("customers") == 0);
  CHECK(l.count("invoices") == 0);
  // Nothing of the failed file was kept: importing it fixed is a first import.
  auto fixed = l.import("invoices", "bad.csv", "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
                                               "INV-10,C1,2026-09-01,2026-10-01,100.00,USD\n");
  CHECK(fixed.outcome == ops::ImportOutcome::kImported);
  CHECK(fixed.summary.inserted == 1);
}

TEST_CASE("ops import: a row dated in a closed period is a bad row", "[ops][import]") {
  test::Ledger l;
  {
    store::WriteTransaction tx(*l.store);
    l.store->set_period_lock("2026-09", true);
    tx.commit();
  }
  const std::string text =
      "invoice_id,customer_id,invoice_date,due_date,amount,currency\n"
      "INV-8,C1,2026-10-02,2026-11-01,10.00,USD\n"
      "INV-9,C1,2026-09-30,2026-10-30,20.00,USD\n";
  CHECK_THROWS_AS(l.import("invoices", "late.csv", text), core::Error);
  REQUIRE(l.issues.size() == 1);
  CHECK(l.issues[0].where.line == 3);
  CHECK(l.issues[0].where.column == 0);
  CHECK(l.issues[0].where.caret == -1);
  CHECK(l.issues[0].message == "the invoice date 2026-09-30 falls in a closed period (2026-09)");
  CHECK(l.count("invoices") == 0);

  // With skip_bad the good row goes in and the closed-period row to the rejects file.
  l.issues.clear();
  auto r = l.import("invoices", "late.csv", text, "sha-late", true);
  CHECK(r.outcome == ops::ImportOutcome::kImported);
  CHECK(r.summary.rows_read == 2);
  CHECK(r.summary.inserted == 1);
  CHECK(r.summary.rejected == 1);
  CHECK(l.open_ar(test::date(2026, 10, 31))["USD"] == 1000);
  std::ifstream rejects(l.dir / "late.csv.rejects.csv");
  std::string header, row;
  std::getline(rejects, header);
  std::getline(rejects, row);
  CHECK(row.rfind("3,INV-9,", 0) == 0);
}

TEST_CASE("ops import: a dry run counts and writes nothing", "[ops][import]") {
  test::Ledger l;
  auto r = l.import("invoices", "invoices.csv", kInvoices, {}, false, true);
  CHECK(r.outcome == ops::ImportOutcome::kDryRun);
  CHECK(r.summary.inserted == 4);
  CHECK(l.count("invoices") == 0);
  CHECK(l.import("invoices", "invoices.csv", kInvoices).summary.inserted == 4);
}

TEST_CASE("ops import: a conflicting row names the row already in the ledger", "[ops][import]") {
  test::Ledger l;
  l.import("invoices", "a.csv", "invoice_id,customer_id,invoice_date,due_date,amount,currency\nINV-1,C1,2026-09-01,2026-10-01,100.00,USD\n");
  CHECK_THROWS_AS(l.import("invoices", "b.csv",
                           "invoice_id,customer_id,invoice_date,due_date,amount,currency\nINV-1,C1,2026-09-01,2026-10-01,200.00,USD\n"),
                  core::Error);
  REQUIRE(l.issues.size() == 1);
  CHECK(l.issues[0].where.column == 1);
  CHECK(l.issues[0].message.find("invoice 'INV-1' is already in the ledger with different content (from a.csv:2)") == 0);
  CHECK(l.open_ar(test::date(2026, 10, 31))["USD"] == 10000);
}
