// match_eval: generates a noisy remittance set in memory (the same generator as remit_gen), runs the
// cash-application engine on it and reports precision, auto-apply rate and wall time.
//
//   match_eval                                     # default mix: 2,000 customers, 20,000 invoices, 5,000 receipts
//   match_eval --receipts 100000 --invoices 1000000 --customers 50000   # the speed target
#include <chrono>
#include <cstdlib>
#include <map>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "otc/core/money.hpp"
#include "otc/engine/matching.hpp"
#include "otc/import/bank/bank_reader.hpp"
#include "sim/remit_render.hpp"
#include "sim/remit_sim.hpp"

namespace {

std::string join_refs(const otc::domain::BankTransaction& t) {
  std::string s;
  for (const std::string& r : t.remittance_refs) {
    if (!s.empty()) s += " | ";
    s += r;
  }
  return s;
}

void show_receipt(const otc::sim::RemitSimData& data, std::uint32_t r) {
  const auto& t = data.receipts[r];
  const auto& truth = data.truth[r];
  std::fprintf(stderr, "  receipt %u [%s] amount %s payer '%s' acct '%s' refs '%s' text '%s'\n", r,
               otc::sim::scenario_name(truth.scenario), otc::core::format_amount(t.amount_minor, 2).c_str(),
               t.payer_name.c_str(), t.payer_account.c_str(), join_refs(t).c_str(), t.remittance_text.c_str());
  for (const auto& [id, amount] : truth.parts) {
    const auto& inv = data.invoices[static_cast<std::size_t>(id - 1)];
    std::fprintf(stderr, "    truth: %s (id %lld, customer %lld) %s\n", inv.number.c_str(), static_cast<long long>(id),
                 static_cast<long long>(inv.customer_id), otc::core::format_amount(amount, 2).c_str());
  }
  if (truth.parts.empty()) std::fprintf(stderr, "    truth: none\n");
}

// The receipts written as a bank file of `format` and read back with otc's readers; the truth
// follows each transaction by its bank reference (and occurrence, for repeated lines).
otc::sim::RemitSimData through_format(const otc::sim::RemitSimData& data, otc::sim::BankRendering format) {
  using otc::sim::BankRendering;
  const std::string text = otc::sim::render_bank_file(data.receipts, format);
  otc::import::BankReadOptions ro;
  otc::import::BankReadResult read;
  try {
    read = otc::import::read_bank_data(std::string("bank.") + otc::sim::rendering_name(format), text,
                                       otc::import::BankFormat::kAuto, ro);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "match_eval: %s: %s\n", otc::sim::rendering_name(format), e.what());
    std::exit(1);
  }
  std::map<std::string, std::vector<std::size_t>> by_ref;
  for (std::size_t r = data.receipts.size(); r-- > 0;)
    by_ref[otc::sim::rendered_bank_reference(data.receipts[r], format)].push_back(r);
  otc::sim::RemitSimData out;
  out.customers = data.customers;
  out.invoices = data.invoices;
  for (const auto& t : read.transactions) {
    auto it = by_ref.find(t.bank_reference);
    if (it == by_ref.end() || it->second.empty()) {
      std::fprintf(stderr, "match_eval: %s: transaction with bank reference '%s' is not a generated receipt\n",
                   otc::sim::rendering_name(format), t.bank_reference.c_str());
      continue;
    }
    const std::size_t r = it->second.back();
    it->second.pop_back();
    out.receipts.push_back(t);
    out.truth.push_back(data.truth[r]);
  }
  if (out.receipts.size() != data.receipts.size())
    std::fprintf(stderr, "match_eval: %s: %zu of %zu receipts read back\n", otc::sim::rendering_name(format),
                 out.receipts.size(), data.receipts.size());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"match_eval: measure the cash-application engine on generated remittance data"};
  otc::sim::RemitSimConfig cfg;
  otc::engine::MatchOptions opt;
  opt.tolerance.basis_points = 250;
  int show_wrong = 0;
  int show_missed = 0;
  std::string format = "none";
  app.add_option("--seed", cfg.seed, "generator seed")->capture_default_str();
  app.add_option("--customers", cfg.customers, "customers")->capture_default_str();
  app.add_option("--invoices", cfg.invoices, "open invoices")->capture_default_str();
  app.add_option("--receipts", cfg.receipts, "bank lines")->capture_default_str();
  app.add_option("--tolerance-bps", opt.tolerance.basis_points, "short-pay tolerance, basis points")->capture_default_str();
  app.add_option("--tolerance-minor", opt.tolerance.absolute_minor, "short-pay tolerance, minor units")->capture_default_str();
  app.add_option("--name-threshold", opt.name_threshold, "payer-name score needed")->capture_default_str();
  app.add_option("--name-margin", opt.name_margin, "lead over the next customer needed")->capture_default_str();
  app.add_option("--max-candidates", opt.max_combination_candidates, "combination search: candidates")->capture_default_str();
  app.add_option("--threads", opt.threads, "worker threads")->capture_default_str();
  app.add_option("--show-wrong", show_wrong, "print up to N wrongly applied receipts to stderr");
  app.add_option("--show-missed", show_missed, "print up to N applicable receipts left unapplied to stderr");
  app.add_option("--format", format,
                 "write the receipts as a bank file and read them back first: csv, bai2, mt940, camt053, nacha, csv-us; "
                 "'all' prints one line per format; 'none' (default) matches the generated receipts directly")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  if (format == "all") {
    const otc::sim::RemitSimData generated = otc::sim::simulate_remittance(cfg);
    std::printf("%-8s %9s %9s %7s %11s %11s\n", "format", "receipts", "applied", "wrong", "precision", "auto-apply");
    for (const auto f : otc::sim::kAllRenderings) {
      const auto data = through_format(generated, f);
      const auto result = otc::engine::match_receipts(data.receipts, data.invoices, data.customers, opt);
      const auto score = otc::sim::score_matches(data, result);
      std::printf("%-8s %9zu %9zu %7zu %10.3f%% %10.2f%%\n", otc::sim::rendering_name(f), score.receipts,
                  score.applications, score.wrong_applications, 100.0 * score.precision(), 100.0 * score.auto_apply_rate());
    }
    return 0;
  }

  const auto g0 = std::chrono::steady_clock::now();
  otc::sim::RemitSimData data = otc::sim::simulate_remittance(cfg);
  if (format != "none") {
    bool known = false;
    for (const auto f : otc::sim::kAllRenderings)
      if (format == otc::sim::rendering_name(f)) {
        data = through_format(data, f);
        known = true;
      }
    if (!known) {
      std::fprintf(stderr, "match_eval: --format '%s' is not csv, bai2, mt940, camt053, nacha, all or none\n", format.c_str());
      return 1;
    }
  }
  const auto g1 = std::chrono::steady_clock::now();
  const otc::engine::MatchResult result =
      otc::engine::match_receipts(data.receipts, data.invoices, data.customers, opt);
  const auto g2 = std::chrono::steady_clock::now();
  const otc::sim::RemitScore score = otc::sim::score_matches(data, result);

  const double gen_s = std::chrono::duration<double>(g1 - g0).count();
  const double match_s = std::chrono::duration<double>(g2 - g1).count();
  std::printf("customers %d, open invoices %zu, receipts %zu (seed %llu)\n", cfg.customers, data.invoices.size(),
              data.receipts.size(), static_cast<unsigned long long>(cfg.seed));
  std::printf("%-18s %8s %8s %8s\n", "scenario", "receipts", "applied", "wrong");
  for (int s = 0; s < otc::sim::kRemitScenarioCount; ++s) {
    const auto& b = score.by_scenario[s];
    std::printf("%-18s %8zu %8zu %8zu\n", otc::sim::scenario_name(static_cast<otc::sim::RemitScenario>(s)),
                b.receipts, b.applied, b.wrong);
  }
  std::printf("applications       %zu (wrong %zu)\n", score.applications, score.wrong_applications);
  std::printf("precision          %.4f%%  (1 - wrong/applications)\n", 100.0 * score.precision());
  std::printf("auto-apply rate    %.2f%%  (%zu of %zu receipts that pay an invoice)\n", 100.0 * score.auto_apply_rate(),
              score.applied_applicable, score.applicable);
  std::printf("applied, all lines %.2f%%  (%zu of %zu bank lines)\n",
              score.receipts ? 100.0 * static_cast<double>(score.applied_receipts) / static_cast<double>(score.receipts) : 0.0,
              score.applied_receipts, score.receipts);
  std::printf("exactly right      %zu receipts\n", score.fully_right_receipts);
  std::printf("unapplied %zu, duplicates %zu, debits %zu\n", result.unapplied.size(), result.duplicates.size(),
              result.debits.size());
  std::printf("time: generate %.3f s, match %.3f s (%d threads)\n", gen_s, match_s, opt.threads);

  if (show_wrong > 0) {
    std::vector<char> seen(data.receipts.size(), 0);
    int shown = 0;
    for (const auto& a : result.applications) {
      if (shown >= show_wrong) break;
      const auto& t = data.truth[a.receipt];
      bool right = false;
      for (const auto& p : t.parts) right = right || (p.first == a.invoice_id && p.second == a.amount_minor);
      if (right || seen[a.receipt]) continue;
      seen[a.receipt] = 1;
      ++shown;
      std::fprintf(stderr, "WRONG: rule %s conf %d applied invoice %lld amount %s\n",
                   std::string(otc::engine::rule_name(a.rule)).c_str(), a.confidence, static_cast<long long>(a.invoice_id),
                   otc::core::format_amount(a.amount_minor, 2).c_str());
      show_receipt(data, a.receipt);
      const auto& inv = data.invoices[static_cast<std::size_t>(a.invoice_id - 1)];
      std::fprintf(stderr, "    applied to: %s customer %lld open %s\n", inv.number.c_str(),
                   static_cast<long long>(inv.customer_id), otc::core::format_amount(inv.open_minor, 2).c_str());
    }
  }
  if (show_missed > 0) {
    int shown = 0;
    for (const auto& u : result.unapplied) {
      if (shown >= show_missed) break;
      if (data.truth[u.receipt].parts.empty()) continue;
      ++shown;
      std::fprintf(stderr, "MISSED: %s\n", u.reason.c_str());
      show_receipt(data, u.receipt);
      for (const auto& s : u.suggestions)
        std::fprintf(stderr, "    suggestion %lld score %d: %s\n", static_cast<long long>(s.id), s.score, s.why.c_str());
    }
  }
  return 0;
}
