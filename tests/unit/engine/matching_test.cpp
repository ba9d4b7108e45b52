// match_receipts (matching.cpp): receipt status, the order of passes, the result; and the whole
// engine on simulated remittances (tools/sim).
#include <catch2/catch.hpp>

#include "matching_test_support.hpp"
#include "sim/remit_sim.hpp"

using namespace otc::engine::test;
using namespace otc::sim;

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

TEST_CASE("Matching: quality on the default mix meets the targets", "[matching]") {
  RemitSimConfig cfg;
  cfg.customers = 400;
  cfg.invoices = 4000;
  cfg.receipts = 1500;
  const RemitSimData d = simulate_remittance(cfg);
  MatchOptions o;
  o.tolerance.basis_points = 250;
  const MatchResult r = match_receipts(d.receipts, d.invoices, d.customers, o);
  const RemitScore s = score_matches(d, r);
  CHECK(s.applications > 1000);
  CHECK(s.precision() >= 0.999);
  CHECK(s.auto_apply_rate() >= 0.95);
  // Lines that pay nothing are never applied.
  CHECK(s.by_scenario[static_cast<int>(RemitScenario::kDuplicateLine)].applied == 0);
  CHECK(s.by_scenario[static_cast<int>(RemitScenario::kDebit)].applied == 0);
}
