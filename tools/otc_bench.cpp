// otc_bench: generates seeded, skewed AR data and times the real otc binary on it.
// Usage: otc_bench OTC_BINARY [--invoices N]... [--dir DIR] [--seed S]
// Reports, per size: rows/s, wall time and peak RSS for import, aging (latest and point in time), dso.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "measured_run.hpp"
#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace {

using otc::tools::RunResult;
RunResult run(const std::vector<std::string>& args, const std::string& out) { return otc::tools::run_measured(args, out); }

// Writes customers.csv, invoices.csv and payments.csv. A few customers hold most invoices
// (Zipf-like weights); about 7% of invoices stay open, some partly paid.
void generate(const std::string& dir, long n_invoices, unsigned seed, long& n_payments) {
  std::mt19937_64 rng(seed);
  const long n_customers = std::max(20L, n_invoices / 200);
  std::vector<double> weights(static_cast<std::size_t>(n_customers));
  for (long i = 0; i < n_customers; ++i) weights[static_cast<std::size_t>(i)] = 1.0 / std::pow(static_cast<double>(i + 1), 1.1);
  std::discrete_distribution<long> pick_customer(weights.begin(), weights.end());
  const char* currencies[] = {"USD", "USD", "USD", "USD", "EUR", "GBP", "JPY"};

  FILE* cf = std::fopen((dir + "/customers.csv").c_str(), "w");
  std::fprintf(cf, "customer_id,name,currency,terms\n");
  for (long i = 0; i < n_customers; ++i)
    std::fprintf(cf, "C%06ld,\"Customer %ld, Inc.\",%s,Net %d\n", i, i, currencies[i % 7], (i % 3 + 1) * 15);
  std::fclose(cf);

  FILE* inv = std::fopen((dir + "/invoices.csv").c_str(), "w");
  FILE* pay = std::fopen((dir + "/payments.csv").c_str(), "w");
  std::setvbuf(inv, nullptr, _IOFBF, 1 << 20);
  std::setvbuf(pay, nullptr, _IOFBF, 1 << 20);
  std::fprintf(inv, "invoice_id,customer_id,invoice_date,due_date,amount,currency\n");
  std::fprintf(pay, "payment_id,customer_id,payment_date,amount,currency,invoice_id\n");
  const auto last = *otc::core::Date::from_ymd(2026, 10, 31);
  const int span_days = 730;
  std::uniform_int_distribution<int> day(0, span_days - 1);
  std::lognormal_distribution<double> size(7.0, 1.2);
  std::uniform_real_distribution<double> u(0, 1);
  n_payments = 0;
  std::string amount;
  for (long i = 0; i < n_invoices; ++i) {
    long c = pick_customer(rng);
    const char* ccy = currencies[c % 7];
    int exp = otc::core::find_currency(ccy)->exponent;
    auto date = last.add_days(-day(rng));
    int terms = static_cast<int>(c % 3 + 1) * 15;
    auto due = date.add_days(terms);
    std::int64_t minor = static_cast<std::int64_t>(size(rng) * (exp == 0 ? 100 : 100)) + 100;
    amount.clear();
    otc::core::append_amount(amount, minor, exp);
    std::fprintf(inv, "INV-%08ld,C%06ld,%s,%s,%s,%s\n", i, c, date.iso().c_str(), due.iso().c_str(), amount.c_str(), ccy);
    // Older invoices are almost all paid; the last ~60 days mostly open.
    int age = last.days_since(date);
    double p_open = age < 60 ? 0.55 : 0.02;
    if (u(rng) < p_open) continue;
    std::int64_t paid = u(rng) < 0.05 ? minor / 2 : minor;  // some partial payments
    auto paid_on = date.add_days(static_cast<int>(u(rng) * terms * 1.5));
    if (paid_on > last) paid_on = last;
    amount.clear();
    otc::core::append_amount(amount, paid, exp);
    std::fprintf(pay, "PAY-%08ld,C%06ld,%s,%s,%s,INV-%08ld\n", i, c, paid_on.iso().c_str(), amount.c_str(), ccy, i);
    ++n_payments;
  }
  std::fclose(inv);
  std::fclose(pay);
}

void report(const char* what, long rows, const RunResult& r) {
  std::printf("%-28s %10ld rows %9.3f s %12.0f rows/s %8ld MiB peak RSS%s\n", what, rows, r.seconds,
              rows > 0 ? rows / r.seconds : 0.0, r.peak_rss_kb / 1024, r.status == 0 || r.status == 3 ? "" : "  FAILED");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: otc_bench OTC_BINARY [--invoices N]... [--dir DIR] [--seed S]\n");
    return 2;
  }
  std::string otc = argv[1];
  std::vector<long> sizes;
  std::string dir = "bench-data";
  unsigned seed = 42;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--invoices") sizes.push_back(std::atol(argv[i + 1]));
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--seed") seed = static_cast<unsigned>(std::atol(argv[i + 1]));
  }
  if (sizes.empty()) sizes = {100000, 1000000};
  for (long n : sizes) {
    std::string d = dir + "/" + std::to_string(n);
    std::system(("rm -rf '" + d + "' && mkdir -p '" + d + "'").c_str());
    long n_pay = 0;
    auto t0 = std::chrono::steady_clock::now();
    generate(d, n, seed, n_pay);
    double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("== %ld invoices, %ld payments (generated in %.1f s, seed %u) ==\n", n, n_pay, gen, seed);
    std::string ledger = d + "/ledger.db";
    auto base = [&](std::vector<std::string> rest) {
      std::vector<std::string> v = {otc, "-q", "--ledger", ledger};
      v.insert(v.end(), rest.begin(), rest.end());
      return v;
    };
    std::string out = d + "/out.csv";
    run(base({"init"}), out);
    report("import customers", std::max(20L, n / 200), run(base({"import", "customers", d + "/customers.csv"}), out));
    report("import invoices", n, run(base({"import", "invoices", d + "/invoices.csv"}), out));
    report("import payments (applied)", n_pay, run(base({"import", "payments", d + "/payments.csv"}), out));
    report("re-import invoices (no-op)", n, run(base({"import", "invoices", d + "/invoices.csv"}), out));
    report("aging latest (by customer)", 0, run(base({"aging", "--as-of", "2026-10-31"}), out));
    report("aging latest (by invoice)", 0, run(base({"aging", "--as-of", "2026-10-31", "--by", "invoice"}), out));
    report("aging point-in-time -6m", 0, run(base({"aging", "--as-of", "2026-04-30"}), out));
    report("aging point-in-time -12m", 0, run(base({"aging", "--as-of", "2025-10-31"}), out));
    report("dso standard", 0, run(base({"dso", "--as-of", "2026-10-31"}), out));
    report("dso countback by customer", 0, run(base({"dso", "--as-of", "2026-10-31", "--method", "countback", "--by", "customer"}), out));
  }
  return 0;
}
