#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "otc/engine/reconcile_gl.hpp"

using namespace otc;
using engine::BreakType;
using engine::GlRow;
using engine::RollComponent;

namespace {

core::Date day(const char* iso) { return *core::parse_iso_date(iso); }

GlRow gl(const char* date, const char* account, std::int64_t debit, std::int64_t credit, const char* source,
         const char* journal = "") {
  GlRow r;
  r.date = day(date);
  r.account = account;
  r.debit_minor = debit;
  r.credit_minor = credit;
  r.currency = *core::find_currency("USD");
  r.source = source;
  r.journal_id = journal;
  return r;
}

engine::LedgerRollForward march_ledger() {
  engine::LedgerRollForward l;
  l.currency = *core::find_currency("USD");
  l.opening = 1'000'000;
  l.invoiced = 500'000;
  l.collected = 420'000;
  l.credited = 30'000;
  l.written_off = 10'000;
  l.fx = 0;
  l.closing = 1'040'000;
  return l;
}

std::vector<GlRow> march_gl() {
  return {
      gl("2026-02-15", "1200", 1'000'000, 0, "Invoice", "INV-0001"),  // before the period: opening
      gl("2026-03-05", "1200", 300'000, 0, "Invoice", "INV-0101"),
      gl("2026-03-05", "4000", 0, 300'000, "Invoice", "INV-0101"),  // revenue side: another account
      gl("2026-03-20", "1200", 200'000, 0, "Invoice", "INV-0102"),
      gl("2026-03-10", "1200", 0, 400'000, "Customer Payment", "PMT-11"),
      gl("2026-03-25", "1200", 0, 20'000, "DZ", "1400000123"),
      gl("2026-03-12", "1200", 0, 30'000, "Credit Memo", "CM-7"),
      gl("2026-03-31", "1200", 0, 10'000, "Bad Debt Write-off", "WO-1"),
      gl("2026-04-01", "1200", 99'900, 0, "Invoice", "INV-0201"),  // after the period
  };
}

engine::GlOptions march_options() {
  engine::GlOptions o;
  o.period_start = day("2026-03-01");
  o.period_end = day("2026-03-31");
  o.accounts = {"1200"};
  return o;
}

}  // namespace

TEST_CASE("GL roll-forward: the ledger and the AR control account tie to the cent", "[reconcile]") {
  auto r = engine::reconcile_gl({march_ledger()}, march_gl(), march_options());
  CHECK(r.breaks.empty());
  CHECK(r.rows_used == 7);
  CHECK(r.rows_other_accounts == 1);
  CHECK(r.rows_after_period == 1);
  REQUIRE(r.rows.size() == 7);  // opening, invoiced, collected, credited, written_off, fx, closing
  CHECK(r.rows[0].component == RollComponent::kOpening);
  CHECK(r.rows[0].gl_minor == 1'000'000);
  REQUIRE(r.rows[0].gl_sources.size() == 1);
  CHECK(r.rows[0].gl_sources[0].source == "before 2026-03-01");
  CHECK(r.rows[2].component == RollComponent::kCollected);
  CHECK(r.rows[2].ledger_minor == 420'000);
  CHECK(r.rows[2].gl_minor == 420'000);
  REQUIRE(r.rows[2].gl_sources.size() == 2);
  CHECK(r.rows[2].gl_sources[0].source == "Customer Payment");
  CHECK(r.rows[2].gl_sources[0].amount_minor == 400'000);
  CHECK(r.rows[2].gl_sources[1].source == "DZ");
  CHECK(r.rows[6].component == RollComponent::kClosing);
  CHECK(r.rows[6].ledger_minor == 1'040'000);
  CHECK(r.rows[6].gl_minor == 1'040'000);
  CHECK(r.rows[6].difference_minor() == 0);
}

TEST_CASE("GL roll-forward: a planted difference is the one break, listed by source", "[reconcile]") {
  auto rows = march_gl();
  SECTION("a receipt posted in the GL for 12.34 more than in the ledger") {
    rows[4].credit_minor = 401'234;
    auto r = engine::reconcile_gl({march_ledger()}, rows, march_options());
    REQUIRE(r.breaks.size() == 1);
    const auto& b = r.breaks[0];
    CHECK(b.type == BreakType::kRollforwardDifference);
    CHECK(b.keys == "currency=USD|component=collected");
    CHECK(b.left == "4200.00");
    CHECK(b.right == "4212.34");
    CHECK(b.difference == "-12.34");
    CHECK(b.difference_minor == -1234);
    CHECK(b.suggestion ==
          "the GL has more collected than the other side; GL by source: Customer Payment 4012.34 (1 row); DZ 200.00 "
          "(1 row); in the GL, not in the ledger: 1400000123, PMT-11; find the postings in one and not the other (cut-off, manual journals)");
    CHECK(r.rows.back().difference_minor() == 1234);  // the closing shows it too, but is not a second break
  }
  SECTION("a manual journal on the AR account") {
    rows.push_back(gl("2026-03-15", "1200", 0, 5'000, "Journal", "JE-42"));
    auto r = engine::reconcile_gl({march_ledger()}, rows, march_options());
    REQUIRE(r.breaks.size() == 1);
    CHECK(r.breaks[0].type == BreakType::kUnmappedGlSource);
    CHECK(r.breaks[0].keys == "currency=USD|source=Journal");
    CHECK(r.breaks[0].right == "-50.00");
    CHECK(r.breaks[0].difference_minor == 5'000);
    CHECK(r.breaks[0].suggestion ==
          "1 GL row of source 'Journal' (e.g. JE-42) moves AR outside the ledger's components; map the source to a "
          "component or reverse the manual entry");
    SECTION("unless a rule maps it") {
      auto o = march_options();
      o.rules = {{"journal", RollComponent::kCollected, true}};
      auto mapped = engine::reconcile_gl({march_ledger()}, rows, o);
      REQUIRE(mapped.breaks.size() == 1);
      CHECK(mapped.breaks[0].keys == "currency=USD|component=collected");
      CHECK(mapped.breaks[0].difference_minor == -5'000);
    }
  }
  SECTION("the ledger's closing does not follow from its own movements") {
    auto ledger = march_ledger();
    ledger.closing = 1'040'001;
    auto r = engine::reconcile_gl({ledger}, rows, march_options());
    REQUIRE(r.breaks.size() == 1);
    CHECK(r.breaks[0].type == BreakType::kRollforwardOutOfBalance);
    CHECK(r.breaks[0].difference_minor == 1);
  }
  SECTION("a tolerance absorbs small differences") {
    rows[4].credit_minor = 400'001;
    auto o = march_options();
    o.tolerance_minor = 1;
    CHECK(engine::reconcile_gl({march_ledger()}, rows, o).breaks.empty());
  }
}

TEST_CASE("GL roll-forward: sources map to components", "[reconcile]") {
  engine::GlOptions o;
  CHECK(engine::classify_gl_source("Invoice", o) == RollComponent::kInvoiced);
  CHECK(engine::classify_gl_source("DR", o) == RollComponent::kInvoiced);
  CHECK(engine::classify_gl_source("Customer Payment", o) == RollComponent::kCollected);
  CHECK(engine::classify_gl_source("Customer Refund", o) == RollComponent::kCollected);
  CHECK(engine::classify_gl_source("Credit Memo", o) == RollComponent::kCredited);
  CHECK(engine::classify_gl_source("Write-off", o) == RollComponent::kWrittenOff);
  CHECK(engine::classify_gl_source("Unrealized FX Revaluation", o) == RollComponent::kFx);
  CHECK(engine::classify_gl_source("Journal", o) == RollComponent::kOther);
  CHECK(engine::roll_component_name(RollComponent::kWrittenOff) == "written_off");
  CHECK(engine::parse_roll_component("fx") == RollComponent::kFx);
}
