// billing_bench: generates a seeded book of contracts (mixed price models, 10% metered) and times the
// real otc binary importing it and billing it: a catch-up run, then one monthly `invoice run`.
// Usage: billing_bench OTC_BINARY [--contracts N]... [--dir DIR] [--seed S]
// Reports wall time, rows or invoices per second and peak RSS (wait4 rusage) per step.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "measured_run.hpp"
#include "otc/core/date.hpp"

namespace {

using otc::tools::RunResult;
RunResult run(const std::vector<std::string>& args, const std::string& out) { return otc::tools::run_measured(args, out); }

/// Data rows of a CSV report (lines after the header).
long data_rows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  long n = -1;
  while (std::getline(in, line)) ++n;
  return n < 0 ? 0 : n;
}

struct Generated {
  long customers = 0, contract_rows = 0, usage_rows = 0;
};

// customers.csv, contracts.csv (one row per line, ~3% amendments), usage.csv. About 1.3 contract
// lines per customer; lines start between 2025-11-01 and 2026-01-31 (a fifth mid-month).
Generated generate(const std::string& dir, long n_contracts, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Generated g;
  g.customers = std::max(1L, n_contracts * 10 / 13);
  const char* currencies[] = {"USD", "USD", "USD", "USD", "EUR", "GBP", "JPY"};

  FILE* cf = std::fopen((dir + "/customers.csv").c_str(), "w");
  std::setvbuf(cf, nullptr, _IOFBF, 1 << 20);
  std::fprintf(cf, "customer_id,name,terms\n");
  for (long i = 0; i < g.customers; ++i) std::fprintf(cf, "C%07ld,Customer %ld,Net %d\n", i, i, static_cast<int>(i % 3 + 1) * 15);
  std::fclose(cf);

  FILE* k = std::fopen((dir + "/contracts.csv").c_str(), "w");
  FILE* us = std::fopen((dir + "/usage.csv").c_str(), "w");
  std::setvbuf(k, nullptr, _IOFBF, 1 << 20);
  std::setvbuf(us, nullptr, _IOFBF, 1 << 20);
  std::fprintf(k, "contract_id,line_id,customer,product,metric,start_date,end_date,effective_date,frequency,timing,"
                  "anchor_day,price_model,price_per,unit_price,tiers,quantity,discount,currency,tax_rate\n");
  std::fprintf(us, "event_id,contract_id,customer,metric,quantity,usage_date\n");
  const auto first = *otc::core::Date::from_ymd(2025, 11, 1);
  long event = 0;
  for (long i = 0; i < n_contracts; ++i) {
    long c = i < g.customers ? i : static_cast<long>(u(rng) * static_cast<double>(g.customers));
    const char* ccy = currencies[c % 7];
    auto start = first.add_days(static_cast<int>(u(rng) * 92));
    bool mid_month = u(rng) < 0.2;
    if (!mid_month) start = *otc::core::Date::from_ymd(start.year(), start.month(), 1);
    std::string s = start.iso();
    double pick = u(rng);
    const bool jpy = c % 7 == 6;
    const char* tax = (c % 4 == 0) ? "8.875" : "";
    if (i % 10 == 0) {
      // Metered: graduated, volume or a minimum commitment, in arrears, with usage in every month.
      const char* model = i % 30 == 0 ? "usage_graduated" : i % 30 == 10 ? "usage_volume" : "minimum_commitment";
      bool commit = std::string(model) == "minimum_commitment";
      std::fprintf(k, "K%07ld,1,C%07ld,API,api,%s,,,monthly,arrears,1,%s,,%s,%s,%s,,%s,%s\n", i, c, s.c_str(), model,
                   commit ? (jpy ? "2" : "0.02") : "", commit ? "" : (jpy ? "1000:2;100000:1;inf:1" : "1000:0.02;100000:0.01;inf:0.005"),
                   commit ? "50000" : "", ccy, tax);
      for (auto day = start; day < *otc::core::Date::from_ymd(2026, 3, 1); day = day.add_days(3)) {
        // One record in five names only the customer (matched to the line by its metric).
        long units = static_cast<long>(u(rng) * 9000) + 100;
        if (event % 5 == 0)
          std::fprintf(us, "ev%09ld,,C%07ld,api,%ld,%s\n", event, c, units, day.iso().c_str());
        else
          std::fprintf(us, "ev%09ld,K%07ld,,api,%ld,%s\n", event, i, units, day.iso().c_str());
        ++event;
        ++g.usage_rows;
      }
    } else if (pick < 0.55) {
      // Seats, monthly, mostly in advance.
      std::fprintf(k, "K%07ld,1,C%07ld,SEATS,,%s,,,monthly,%s,1,per_seat,,%s,,%d,%s,%s,%s\n", i, c, s.c_str(),
                   u(rng) < 0.15 ? "arrears" : "advance", jpy ? "3500" : "35.00", 1 + static_cast<int>(u(rng) * 200),
                   u(rng) < 0.2 ? "10%" : "", ccy, tax);
      if (u(rng) < 0.05) {
        // An upgrade in February.
        std::fprintf(k, "K%07ld,1,,,,,,2026-02-%02d,,,,,,,,%d,,,\n", i, 2 + static_cast<int>(u(rng) * 26),
                     201 + static_cast<int>(u(rng) * 50));
        ++g.contract_rows;
      }
    } else if (pick < 0.85) {
      // An annual price billed monthly.
      std::fprintf(k, "K%07ld,1,C%07ld,PLATFORM,,%s,,,monthly,advance,1,flat,annual,%s,,,%s,%s,%s\n", i, c, s.c_str(),
                   jpy ? "1200000" : "12000.00", u(rng) < 0.1 ? (jpy ? "5000" : "50.00") : "", ccy, tax);
    } else {
      // Quarterly or annual billing, some with an end date.
      bool q = u(rng) < 0.6;
      std::fprintf(k, "K%07ld,1,C%07ld,SUPPORT,,%s,%s,,%s,advance,1,flat,annual,%s,,,,%s,%s\n", i, c, s.c_str(),
                   u(rng) < 0.3 ? "2026-12-31" : "", q ? "quarterly" : "annual", jpy ? "600000" : "6000.00", ccy, tax);
    }
    ++g.contract_rows;
  }
  std::fclose(k);
  std::fclose(us);
  return g;
}

void report(const char* what, long n, const char* unit, const RunResult& r) {
  std::printf("%-34s %9ld %-8s %8.3f s %11.0f %s/s %7ld MiB peak RSS%s\n", what, n, unit, r.seconds,
              n > 0 ? static_cast<double>(n) / r.seconds : 0.0, unit, r.peak_rss_kb / 1024,
              r.status == 0 ? "" : "  FAILED");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (const int rc = otc::tools::measured_child(argc, argv); rc >= 0) return rc;  // the launcher of one measured run
  if (argc < 2) {
    std::fprintf(stderr, "usage: billing_bench OTC_BINARY [--contracts N]... [--dir DIR] [--seed S]\n");
    return 2;
  }
  std::string otc = argv[1];
  std::vector<long> sizes;
  std::string dir = "billing-bench-data";
  unsigned seed = 42;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--contracts") sizes.push_back(std::atol(argv[i + 1]));
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--seed") seed = static_cast<unsigned>(std::atol(argv[i + 1]));
  }
  if (sizes.empty()) sizes = {100000};
  for (long n : sizes) {
    std::string d = dir + "/" + std::to_string(n);
    std::system(("rm -rf '" + d + "' && mkdir -p '" + d + "'").c_str());
    auto t0 = std::chrono::steady_clock::now();
    Generated g = generate(d, n, seed);
    double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("== %ld contracts (%ld rows), %ld customers, %ld usage events (generated in %.1f s, seed %u) ==\n", n,
                g.contract_rows, g.customers, g.usage_rows, gen, seed);
    std::string ledger = d + "/ledger.db";
    auto base = [&](std::vector<std::string> rest) {
      std::vector<std::string> v = {otc, "-q", "--ledger", ledger};
      v.insert(v.end(), rest.begin(), rest.end());
      return v;
    };
    std::string out = d + "/out.csv";
    run(base({"init"}), out);
    report("import customers", g.customers, "rows", run(base({"import", "customers", d + "/customers.csv"}), out));
    report("import contracts", g.contract_rows, "rows", run(base({"import", "contracts", d + "/contracts.csv"}), out));
    report("import usage", g.usage_rows, "rows", run(base({"import", "usage", d + "/usage.csv"}), out));
    RunResult r = run(base({"invoice", "run", "--through", "2026-01-31"}), out);
    report("invoice run catch-up (Nov-Jan)", data_rows(out), "invoices", r);
    r = run(base({"invoice", "run", "--through", "2026-02-28"}), out);
    report("invoice run monthly (February)", data_rows(out), "invoices", r);
    r = run(base({"invoice", "run", "--through", "2026-02-28"}), out);
    report("invoice run again (bills nothing)", data_rows(out), "invoices", r);
    r = run(base({"unbilled", "--as-of", "2026-03-15"}), out);
    report("unbilled as of 2026-03-15", data_rows(out), "items", r);
  }
  return 0;
}
