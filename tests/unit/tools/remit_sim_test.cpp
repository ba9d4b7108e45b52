// The remittance simulator (tools/sim/remit_sim.cpp): deterministic data, consistent truth, the scorer.
#include <catch2/catch.hpp>

#include "otc/engine/matching.hpp"
#include "sim/remit_sim.hpp"

using namespace otc::engine;
using namespace otc::sim;

TEST_CASE("Matching: the remittance generator is deterministic per seed", "[matching]") {
  RemitSimConfig cfg;
  cfg.customers = 50;
  cfg.invoices = 400;
  cfg.receipts = 200;
  const RemitSimData a = simulate_remittance(cfg);
  const RemitSimData b = simulate_remittance(cfg);
  REQUIRE(a.receipts.size() == 200);
  REQUIRE(a.truth.size() == 200);
  REQUIRE(a.invoices.size() == 400);
  bool same = true;
  for (std::size_t i = 0; i < a.receipts.size(); ++i)
    same = same && a.receipts[i].amount_minor == b.receipts[i].amount_minor &&
           a.receipts[i].payer_name == b.receipts[i].payer_name &&
           a.receipts[i].remittance_refs == b.receipts[i].remittance_refs &&
           a.truth[i].parts == b.truth[i].parts;
  CHECK(same);
  cfg.seed = 43;
  const RemitSimData c = simulate_remittance(cfg);
  bool differs = false;
  for (std::size_t i = 0; i < a.receipts.size(); ++i)
    differs = differs || a.receipts[i].amount_minor != c.receipts[i].amount_minor;
  CHECK(differs);
}

TEST_CASE("Matching: the truth of a generated line pays what the line says", "[matching]") {
  RemitSimConfig cfg;
  cfg.customers = 50;
  cfg.invoices = 400;
  cfg.receipts = 300;
  const RemitSimData d = simulate_remittance(cfg);
  for (std::size_t r = 0; r < d.receipts.size(); ++r) {
    const auto& t = d.truth[r];
    std::int64_t sum = t.on_account_minor;
    for (const auto& p : t.parts) sum += p.second;
    if (t.parts.empty()) continue;
    CHECK(sum == d.receipts[r].amount_minor);  // cash applied + left on account = cash received
  }
}

TEST_CASE("Matching: the scorer counts wrong applications", "[matching]") {
  RemitSimData d;
  d.receipts.resize(2);
  d.truth.resize(2);
  d.truth[0].parts = {{7, 1000}};
  // truth[1] pays nothing
  MatchResult r;
  r.applications.push_back(Application{0, 7, 1000, MatchRule::kReference, 99, 0, ""});
  r.applications.push_back(Application{1, 8, 500, MatchRule::kCustomerAmount, 90, 0, ""});
  const RemitScore s = score_matches(d, r);
  CHECK(s.applications == 2);
  CHECK(s.wrong_applications == 1);
  CHECK(s.precision() == Approx(0.5));
  CHECK(s.applicable == 1);
  CHECK(s.auto_apply_rate() == Approx(1.0));
}
