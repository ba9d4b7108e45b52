// otc_bench: generates seeded AR data shaped like real exports and times the real otc binary on it,
// side by side with the peers on the same files in the same run (the sqlite3 CLI's `.import` into
// keyed tables; DuckDB computing aging straight from the CSVs), so every figure is also a ratio.
//
// Usage: otc_bench OTC_BINARY [--invoices N]... [--dir DIR] [--seed S] [--order shuffled|friendly]
//                  [--duckdb NODE_MODULES_PARENT] [--no-peers] [--pg URI]
//
// `--pg URI` also times the same three-file import into a fresh schema of that PostgreSQL
// server (created by `otc init`, dropped with psql before and after), prints
// `RATIO pg import vs sqlite` and checks that the PostgreSQL ledger's aging totals (USD and
// every other currency) equal the SQLite ledger's to the cent.
//
// `shuffled` (the default) is how independent exports come: rows in no particular order, payments
// naming invoices at random, ~28% of invoices open, 10,000+ customers in four currencies.
// `friendly` is the old generator: rows in date order, ~7% open, N/200 customers.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "measured_run.hpp"
#include <malloc.h>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace {

using otc::tools::RunResult;
RunResult run(const std::vector<std::string>& args, const std::string& out) { return otc::tools::run_measured(args, out); }

struct Options {
  std::vector<long> sizes;
  std::string dir = "bench-data";
  unsigned seed = 42;
  bool shuffled = true;
  bool peers = true;
  std::string duckdb_modules;  // folder whose node_modules holds @duckdb/node-api
  std::string pg_uri;          // --pg: a libpq URI of a server to time the import against
};

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Generated {
  long customers = 0, invoices = 0, payments = 0, open_invoices = 0;
};

const otc::core::Date kLast = *otc::core::Date::from_ymd(2026, 10, 31);

// Writes customers.csv, invoices.csv and payments.csv into dir.
Generated generate(const std::string& dir, long n_invoices, unsigned seed, bool shuffled) {
  std::mt19937_64 rng(seed);
  Generated g;
  g.invoices = n_invoices;
  g.customers = shuffled ? std::max(10000L, n_invoices / 100) : std::max(20L, n_invoices / 200);
  // Zipf-like weights: a few customers hold many invoices. Real books are less skewed than the
  // friendly generator's 1.1.
  const double skew = shuffled ? 0.8 : 1.1;
  std::vector<double> weights(static_cast<std::size_t>(g.customers));
  for (long i = 0; i < g.customers; ++i) weights[static_cast<std::size_t>(i)] = 1.0 / std::pow(static_cast<double>(i + 1), skew);
  std::discrete_distribution<long> pick_customer(weights.begin(), weights.end());
  // Four currencies: USD most, then EUR, GBP and JPY (no decimals).
  const char* currencies[] = {"USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP", "GBP", "JPY"};
  const std::size_t n_ccy = shuffled ? 10 : 7;
  const char* friendly_ccy[] = {"USD", "USD", "USD", "USD", "EUR", "GBP", "JPY"};
  auto ccy_of = [&](long c) { return shuffled ? currencies[static_cast<std::size_t>(c) % n_ccy] : friendly_ccy[c % 7]; };

  // Customer ids scattered over the id space, so the file is not in key order either.
  std::vector<long> customer_no(static_cast<std::size_t>(g.customers));
  std::iota(customer_no.begin(), customer_no.end(), 0L);
  if (shuffled) std::shuffle(customer_no.begin(), customer_no.end(), rng);
  {
    std::ofstream cf(dir + "/customers.csv");
    cf << "customer_id,name,currency,terms\n";
    for (long k = 0; k < g.customers; ++k) {
      const long i = customer_no[static_cast<std::size_t>(k)];
      cf << 'C' << std::to_string(1000000 + i).substr(1) << ",\"Customer " << i << ", Inc.\"," << ccy_of(i) << ",Net "
         << (i % 3 + 1) * 15 << '\n';
    }
  }

  std::vector<std::string> inv_rows, pay_rows;
  inv_rows.reserve(static_cast<std::size_t>(n_invoices));
  pay_rows.reserve(static_cast<std::size_t>(n_invoices));
  const int span_days = 730;
  std::uniform_int_distribution<int> day(0, span_days - 1);
  std::lognormal_distribution<double> size(7.0, 1.2);
  std::uniform_real_distribution<double> u(0, 1);
  std::string amount;
  char buf[256];
  for (long i = 0; i < n_invoices; ++i) {
    const long c = pick_customer(rng);
    const char* ccy = ccy_of(c);
    const int exp = otc::core::find_currency(ccy)->exponent;
    const auto date = kLast.add_days(-day(rng));
    const int terms = static_cast<int>(c % 3 + 1) * 15;
    const auto due = date.add_days(terms);
    const std::int64_t minor = static_cast<std::int64_t>(size(rng) * 100) + 100;
    amount.clear();
    otc::core::append_amount(amount, minor, exp);
    std::snprintf(buf, sizeof buf, "INV-%08ld,C%06ld,%s,%s,%s,%s\n", i, c, date.iso().c_str(), due.iso().c_str(),
                  amount.c_str(), ccy);
    inv_rows.emplace_back(buf);
    const int age = kLast.days_since(date);
    // Shuffled: recent invoices mostly open, a fifth of older ones still open (disputes, slow
    // payers) — about 28% open in all with the partial payments. Friendly: ~7% open.
    const double p_open = shuffled ? (age < 60 ? 0.8 : 0.2) : (age < 60 ? 0.55 : 0.02);
    if (u(rng) < p_open) {
      ++g.open_invoices;
      continue;
    }
    const bool partial = u(rng) < 0.05;
    if (partial) ++g.open_invoices;
    const std::int64_t paid = partial ? minor / 2 : minor;
    auto paid_on = date.add_days(static_cast<int>(u(rng) * terms * 1.5));
    if (paid_on > kLast) paid_on = kLast;
    amount.clear();
    otc::core::append_amount(amount, paid, exp);
    std::snprintf(buf, sizeof buf, "PAY-%08ld,C%06ld,%s,%s,%s,INV-%08ld\n", i, c, paid_on.iso().c_str(), amount.c_str(),
                  ccy, i);
    pay_rows.emplace_back(buf);
  }
  g.payments = static_cast<long>(pay_rows.size());
  if (shuffled) {
    std::shuffle(inv_rows.begin(), inv_rows.end(), rng);
    std::shuffle(pay_rows.begin(), pay_rows.end(), rng);
  }
  auto write = [&](const std::string& path, const char* header, const std::vector<std::string>& rows) {
    FILE* f = std::fopen(path.c_str(), "w");
    std::setvbuf(f, nullptr, _IOFBF, 1 << 20);
    std::fputs(header, f);
    for (const auto& r : rows) std::fputs(r.c_str(), f);
    std::fclose(f);
  };
  write(dir + "/invoices.csv", "invoice_id,customer_id,invoice_date,due_date,amount,currency\n", inv_rows);
  write(dir + "/payments.csv", "payment_id,customer_id,payment_date,amount,currency,invoice_id\n", pay_rows);
  return g;
}

void report(const char* what, long rows, const RunResult& r) {
  std::printf("%-34s %10ld rows %9.3f s %12.0f rows/s %8ld MiB peak RSS%s\n", what, rows, r.seconds,
              rows > 0 ? rows / r.seconds : 0.0, r.peak_rss_kb / 1024, r.status == 0 || r.status == 3 ? "" : "  FAILED");
  std::fflush(stdout);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Open AR per currency in minor units from `otc aging --totals` output (the TOTAL rows).
std::map<std::string, std::int64_t> otc_totals(const std::string& csv) {
  std::map<std::string, std::int64_t> out;
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(",TOTAL,") == std::string::npos) continue;
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (cells.size() < 12) continue;
    const std::string ccy = cells[3];
    const int exp = otc::core::find_currency(ccy)->exponent;
    auto r = otc::core::parse_amount(cells[10], exp);
    if (r.ok()) out[ccy] = r.minor;
  }
  return out;
}

// {"USD": "123.45", ...} from the DuckDB script's JSON line, in minor units of each currency.
std::map<std::string, std::int64_t> duck_totals(const std::string& json, double& seconds) {
  std::map<std::string, std::int64_t> out;
  seconds = -1;
  auto s = json.find("\"seconds\":");
  if (s != std::string::npos) seconds = std::atof(json.c_str() + s + 10);
  auto t = json.find("\"totals\":{");
  if (t == std::string::npos) return out;
  std::size_t p = t + 10;
  while (true) {
    auto k0 = json.find('"', p);
    if (k0 == std::string::npos) break;
    auto k1 = json.find('"', k0 + 1);
    auto v0 = json.find('"', k1 + 1);
    auto v1 = json.find('"', v0 + 1);
    if (k1 == std::string::npos || v0 == std::string::npos || v1 == std::string::npos) break;
    const std::string ccy = json.substr(k0 + 1, k1 - k0 - 1);
    auto r = otc::core::parse_amount(json.substr(v0 + 1, v1 - v0 - 1), 2);
    if (r.ok()) {
      const int exp = otc::core::find_currency(ccy)->exponent;
      std::int64_t v = r.minor;
      for (int e = exp; e < 2; ++e) v /= 10;  // the script sums in hundredths
      out[ccy] = v;
    }
    p = v1 + 1;
    if (json[p] == '}') break;
  }
  return out;
}

std::string join_totals(const std::map<std::string, std::int64_t>& t) {
  std::string s;
  for (const auto& [ccy, v] : t) {
    if (!s.empty()) s += ' ';
    s += ccy + '=' + otc::core::format_amount(v, otc::core::find_currency(ccy)->exponent);
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (const int rc = otc::tools::measured_child(argc, argv); rc >= 0) return rc;  // the launcher of one measured run
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: otc_bench OTC_BINARY [--invoices N]... [--dir DIR] [--seed S] [--order shuffled|friendly]"
                 " [--duckdb NODE_MODULES_PARENT] [--no-peers] [--pg URI]\n");
    return 2;
  }
  const std::string otc = argv[1];
  Options o;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--invoices") o.sizes.push_back(std::atol(next().c_str()));
    else if (a == "--dir") o.dir = next();
    else if (a == "--seed") o.seed = static_cast<unsigned>(std::atol(next().c_str()));
    else if (a == "--order") o.shuffled = next() != "friendly";
    else if (a == "--duckdb") o.duckdb_modules = next();
    else if (a == "--no-peers") o.peers = false;
    else if (a == "--pg") o.pg_uri = next();
    else {
      std::fprintf(stderr, "otc_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (o.sizes.empty()) o.sizes = {100000, 1000000};
  const char* as_of = "2026-10-31";
  int failures = 0;
  for (long n : o.sizes) {
    const std::string d = o.dir + "/" + std::to_string(n) + (o.shuffled ? "" : "-friendly");
    std::system(("rm -rf '" + d + "' && mkdir -p '" + d + "'").c_str());
    auto t0 = std::chrono::steady_clock::now();
    const Generated g = generate(d, n, o.seed, o.shuffled);
    // The generated rows are written and freed: give the memory back, so that the runs below,
    // which start as copies of this process, do not count it in their peak RSS.
    malloc_trim(0);
    const double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("== %ld invoices (%.1f%% open), %ld payments, %ld customers, %s order (generated in %.1f s, seed %u) ==\n",
                n, 100.0 * g.open_invoices / n, g.payments, g.customers, o.shuffled ? "shuffled" : "friendly", gen, o.seed);
    const std::string ledger = d + "/ledger.db";
    auto base = [&](std::vector<std::string> rest) {
      std::vector<std::string> v = {otc, "-q", "--ledger", ledger};
      v.insert(v.end(), rest.begin(), rest.end());
      return v;
    };
    const std::string out = d + "/out.csv";
    run(base({"init"}), out);
    const RunResult ic = run(base({"import", "customers", d + "/customers.csv"}), out);
    report("import customers", g.customers, ic);
    const RunResult ii = run(base({"import", "invoices", d + "/invoices.csv"}), out);
    report("import invoices", n, ii);
    const RunResult ip = run(base({"import", "payments", d + "/payments.csv"}), out);
    report("import payments (applied)", g.payments, ip);
    const double otc_import = ic.seconds + ii.seconds + ip.seconds;
    const long otc_import_rss = std::max({ic.peak_rss_kb, ii.peak_rss_kb, ip.peak_rss_kb}) / 1024;
    report("re-import invoices (no-op)", n, run(base({"import", "invoices", d + "/invoices.csv"}), out));
    const RunResult al = run(base({"aging", "--as-of", as_of, "--totals"}), out);
    report("aging latest (by customer)", 0, al);
    const std::string otc_aging = slurp(out);
    const RunResult ai = run(base({"aging", "--as-of", as_of, "--by", "invoice"}), out);
    report("aging latest (by invoice)", 0, ai);
    const RunResult ap = run(base({"aging", "--as-of", "2026-04-30"}), out);
    report("aging point-in-time -6m", 0, ap);
    report("aging point-in-time -12m", 0, run(base({"aging", "--as-of", "2025-10-31"}), out));
    report("dso standard", 0, run(base({"dso", "--as-of", as_of}), out));
    report("dso countback by customer", 0,
           run(base({"dso", "--as-of", as_of, "--method", "countback", "--by", "customer"}), out));
    if (!o.pg_uri.empty()) {
      // The same three files into a fresh PostgreSQL schema, right after the SQLite run.
      const std::string schema = "otc_bench_" + std::to_string(n) + "_" + std::to_string(getpid());
      const std::string drop = "psql -X -q -v ON_ERROR_STOP=1 " + shell_quote(o.pg_uri) + " -c 'DROP SCHEMA IF EXISTS " + schema +
                               " CASCADE' >/dev/null 2>&1";
      std::system(drop.c_str());
      auto pg = [&](std::vector<std::string> rest) {
        std::vector<std::string> v = {otc, "-q", "--ledger", o.pg_uri, "--pg-schema", schema};
        v.insert(v.end(), rest.begin(), rest.end());
        return v;
      };
      const RunResult pi = run(pg({"init"}), out);
      if (pi.status != 0) std::printf("pg init FAILED (status %d)\n", pi.status);
      const RunResult pc = run(pg({"import", "customers", d + "/customers.csv"}), out);
      report("pg: import customers", g.customers, pc);
      const RunResult pv = run(pg({"import", "invoices", d + "/invoices.csv"}), out);
      report("pg: import invoices", n, pv);
      const RunResult pp = run(pg({"import", "payments", d + "/payments.csv"}), out);
      report("pg: import payments (applied)", g.payments, pp);
      const double pg_import = pc.seconds + pv.seconds + pp.seconds;
      std::printf("RATIO pg import vs sqlite: pg %.2f s / sqlite %.2f s = %.2f (invoices alone %.2f s / %.2f s = %.2f; target <= 2.0)\n",
                  pg_import, otc_import, pg_import / otc_import, pv.seconds, ii.seconds, pv.seconds / ii.seconds);
      report("pg: re-import invoices (no-op)", n, run(pg({"import", "invoices", d + "/invoices.csv"}), out));
      const RunResult pa = run(pg({"aging", "--as-of", as_of, "--totals"}), out);
      report("pg: aging latest (by customer)", 0, pa);
      const auto pg_tot = otc_totals(slurp(out));
      const auto sq_tot = otc_totals(otc_aging);
      const bool same = !sq_tot.empty() && pg_tot == sq_tot && sq_tot.count("USD");
      std::printf("CHECK aging USD total pg vs sqlite: %s (USD pg %s, sqlite %s)\n  pg:     %s\n  sqlite: %s\n",
                  same ? "equal to the cent" : "DIFFERENT",
                  pg_tot.count("USD") ? otc::core::format_amount(pg_tot.at("USD"), 2).c_str() : "-",
                  sq_tot.count("USD") ? otc::core::format_amount(sq_tot.at("USD"), 2).c_str() : "-", join_totals(pg_tot).c_str(),
                  join_totals(sq_tot).c_str());
      if (!same || pv.status != 0 || pp.status != 0) ++failures;
      std::system(drop.c_str());
    }
    if (!o.peers) continue;

    // Peer 1: the sqlite3 CLI's own .import of the same three files into tables keyed by their ids.
    const std::string peer_db = d + "/sqlite3_peer.db";
    std::remove(peer_db.c_str());
    const std::string script = d + "/sqlite3_peer.sql";
    {
      std::ofstream s(script);
      s << "CREATE TABLE customers(customer_id TEXT PRIMARY KEY, name TEXT, currency TEXT, terms TEXT);\n"
           "CREATE TABLE invoices(invoice_id TEXT PRIMARY KEY, customer_id TEXT, invoice_date TEXT, due_date TEXT,"
           " amount TEXT, currency TEXT);\n"
           "CREATE TABLE payments(payment_id TEXT PRIMARY KEY, customer_id TEXT, payment_date TEXT, amount TEXT,"
           " currency TEXT, invoice_id TEXT);\n"
        << ".import --csv --skip 1 " << d << "/customers.csv customers\n"
        << ".import --csv --skip 1 " << d << "/invoices.csv invoices\n"
        << ".import --csv --skip 1 " << d << "/payments.csv payments\n";
    }
    const RunResult sq = run({"/bin/sh", "-c", "sqlite3 '" + peer_db + "' < '" + script + "'"}, d + "/sqlite3_peer.out");
    report("peer: sqlite3 .import (3 files)", g.customers + n + g.payments, sq);
    std::printf("RATIO import: otc %.2f s (%ld MiB) / sqlite3 .import %.2f s = %.2f (target <= 1.0)\n", otc_import,
                otc_import_rss, sq.seconds, otc_import / sq.seconds);

    // Peer 2: DuckDB aging straight from the CSVs (query time inside the process, startup excluded).
    if (!o.duckdb_modules.empty()) {
      const std::string json_path = d + "/duckdb_peer.json";
      const std::string cmd = "NODE_PATH='" + o.duckdb_modules + "/node_modules' node '" + o.duckdb_modules +
                              "/duckdb_aging.mjs' '" + d + "' " + as_of;
      const RunResult dk = run({"/bin/sh", "-c", cmd}, json_path);
      double duck_seconds = 0;
      const auto duck = duck_totals(slurp(json_path), duck_seconds);
      std::printf("%-34s %10s      %9.3f s (query) %6.3f s (process) %5ld MiB peak RSS%s\n", "peer: DuckDB aging from CSV",
                  "", duck_seconds, dk.seconds, dk.peak_rss_kb / 1024, dk.status == 0 ? "" : "  FAILED");
      std::printf("RATIO aging latest: DuckDB %.3f s / otc %.3f s = %.1fx (target >= 20x); point in time -6m %.3f s"
                  " (target <= 0.300 s)\n",
                  duck_seconds, al.seconds, duck_seconds / al.seconds, ap.seconds);
      const auto mine = otc_totals(otc_aging);
      const bool same = !mine.empty() && mine == duck;
      std::printf("CHECK open AR per currency, otc vs DuckDB: %s\n  otc:    %s\n  DuckDB: %s\n",
                  same ? "equal to the cent" : "DIFFERENT", join_totals(mine).c_str(), join_totals(duck).c_str());
      if (!same) ++failures;
    }
  }
  return failures ? 1 : 0;
}
