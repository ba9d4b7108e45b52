// tools/sim/remit_render: the same generated receipts as CSV, BAI2, MT940, camt.053 and NACHA, read
// back by otc's readers (every receipt, every control total agreeing) and matched: precision and
// auto-apply per format meet the targets.
#include <catch2/catch.hpp>

#include <map>

#include "otc/import/bank/bank_reader.hpp"
#include "sim/remit_render.hpp"
#include "sim/remit_sim.hpp"

using namespace otc;
using namespace otc::sim;

TEST_CASE("Remittance renderings: every format read back and matched to target", "[tools][remit_render]") {
  RemitSimConfig cfg;
  cfg.seed = 7;
  cfg.customers = 300;
  cfg.invoices = 3000;
  cfg.receipts = 1000;
  const RemitSimData gen = simulate_remittance(cfg);
  engine::MatchOptions opt;
  opt.tolerance.basis_points = 250;
  opt.threads = 1;
  for (const auto f : kAllRenderings) {
    INFO(rendering_name(f));
    const std::string text = render_bank_file(gen.receipts, f);
    const auto read = import::read_bank_data(rendering_file_name(f), text, import::BankFormat::kAuto);  // strict
    REQUIRE(read.transactions.size() == gen.receipts.size());
    CHECK(read.all_checks_ok());
    std::map<std::string, std::vector<std::size_t>> by_ref;
    for (std::size_t r = gen.receipts.size(); r-- > 0;) by_ref[rendered_bank_reference(gen.receipts[r], f)].push_back(r);
    RemitSimData data;
    data.customers = gen.customers;
    data.invoices = gen.invoices;
    for (const auto& t : read.transactions) {
      auto& v = by_ref.at(t.bank_reference);
      REQUIRE_FALSE(v.empty());
      data.receipts.push_back(t);
      data.truth.push_back(gen.truth[v.back()]);
      v.pop_back();
    }
    const auto score = score_matches(data, engine::match_receipts(data.receipts, data.invoices, data.customers, opt));
    CHECK(score.precision() >= 0.999);
    CHECK(score.auto_apply_rate() >= 0.95);
  }
}
