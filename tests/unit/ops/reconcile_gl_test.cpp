#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/ops/reconcile_gl.hpp"
#include "otc/store/sqlite_store.hpp"
#include "reconcile_test_support.hpp"

using namespace otc;

namespace {

core::Date d(int y, int m, int dd) { return *core::Date::from_ymd(y, m, dd); }

/// A ledger with INV-1 (USD 600.00, 2026-09-20) before October and INV-2 (USD 1,000.00) in it.
std::unique_ptr<store::LedgerStore> ledger() {
  auto s = store::open_sqlite_store(":memory:", store::OpenMode::kCreate);
  s->begin_write();
  auto batch = s->add_batch("invoices", "i.csv", "abc", "test");
  auto cust = s->ensure_customer("C1", "Acme", batch, 2);
  auto put = [&](const char* id, core::Date date, std::int64_t total, long line) {
    domain::Invoice inv;
    inv.external_id = id;
    inv.customer_external_id = "C1";
    inv.currency = *core::find_currency("USD");
    inv.invoice_date = date;
    inv.due_date = date.add_days(30);
    inv.total_minor = total;
    s->put_invoice(inv, cust, static_cast<std::uint64_t>(line), batch, line);
  };
  put("INV-1", d(2026, 9, 20), 60000, 2);
  put("INV-2", d(2026, 10, 5), 100000, 3);
  s->commit();
  return s;
}

ops::ReconcileGlOptions options_for(std::string file) {
  ops::ReconcileGlOptions o;
  o.file = std::move(file);
  o.period = *core::parse_period("2026-10");
  o.accounts = {"1200"};
  return o;
}

}  // namespace

TEST_CASE("reconcile gl: a GL that ties has no breaks; the currency comes from the ledger", "[ops][reconcile]") {
  auto s = ledger();
  auto gl = test::write_input("gl_tie.csv",
                       "date,account,debit,credit,source,journal_id\n"
                       "2026-09-30,1200,600.00,,Balance forward,BF\n"
                       "2026-10-05,1200,1000.00,,Invoice,INV-2\n"
                       "2026-10-05,4000,,1000.00,Invoice,INV-2\n");
  auto r = ops::reconcile_gl(*s, {"otc reconcile gl"}, options_for(gl));
  CHECK(r.gl.breaks.empty());
  CHECK_FALSE(r.exceptions);
  CHECK(r.summary ==
        "2 GL rows used, 1 of other accounts left out; USD closing AR: ledger 1600.00, GL 1600.00, difference 0.00; 0 breaks");
  auto log = test::audit_of(*s);
  REQUIRE(log.size() == 1);
  CHECK(log[0].entry.entity == "gl");
  CHECK(log[0].entry.entity_id == "2026-10");
  CHECK(log[0].entry.detail == r.summary);
  CHECK(log[0].entry.file_name == gl);
}

TEST_CASE("reconcile gl: an invoice missing from the GL and a GL opening from the trial balance", "[ops][reconcile]") {
  auto s = ledger();
  auto gl = test::write_input("gl_short.csv",
                       "date,account,debit,credit,source,journal_id\n"
                       "2026-10-05,1200,990.00,,Invoice,INV-2\n");
  auto o = options_for(gl);
  o.openings = {"USD=600.00"};
  bool reported = false;
  auto r = ops::reconcile_gl(*s, {"otc reconcile gl"}, o, [&](const ops::ReconcileGlResult& x) { reported = x.exceptions; });
  CHECK(reported);
  REQUIRE(r.gl.breaks.size() == 1);
  CHECK(r.gl.breaks[0].type == engine::BreakType::kRollforwardDifference);
  CHECK(r.gl.breaks[0].difference_minor == 1000);
  CHECK(r.summary ==
        "1 GL rows used; USD closing AR: ledger 1600.00, GL 1590.00, difference 10.00; 1 break (rollforward_difference 1)");
  CHECK(test::audit_of(*s).size() == 1);
}

TEST_CASE("reconcile gl: bad input changes nothing", "[ops][reconcile]") {
  auto s = ledger();
  auto gl = test::write_input("gl_bad.csv",
                       "date,account,debit,credit,source\n"
                       "2026-10-05,1200,abc,,Invoice\n");
  CHECK_THROWS_WITH(ops::reconcile_gl(*s, {"otc reconcile gl"}, options_for(gl)), "1 bad row; nothing was reconciled");
  auto o = options_for(test::write_input("gl_empty.csv", "date,account,debit,credit,source\n"));
  o.openings = {"XYZ=1.00"};
  try {
    ops::reconcile_gl(*s, {"otc reconcile gl"}, o);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kUsage);
    CHECK(std::string(e.what()) == "--gl-opening 'XYZ=1.00': give the currency, e.g. USD=12500.00");
  }
  CHECK(test::audit_of(*s).empty());
}
