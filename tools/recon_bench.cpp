// recon_bench: runs the billing reconciliation on recon_gen's CRM and ERP exports and reports wall
// time, rows per second and peak resident memory; with --truth, checks that the breaks are
// exactly the planted ones.
//
//   recon_bench --crm DIR/crm.csv --erp DIR/erp.csv --truth DIR/truth.csv [--tolerance 1]
//               [--budget-mb 24] [--threads 1|2] [--out breaks.csv]
//
// The exports are read by import::CsvBillingSource (include/otc/import/billing_lines.hpp), the
// same reader `otc reconcile billing` uses.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/engine/reconcile_billing.hpp"
#include "otc/import/billing_lines.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/report/row_sink.hpp"

namespace {

using otc::engine::BillingLine;

std::unique_ptr<otc::import::CsvBillingSource> open_side(const std::string& path, const char* kind) {
  otc::import::BillingReadOptions o;
  o.kind = kind;
  o.settings.default_currency = "USD";
  return std::make_unique<otc::import::CsvBillingSource>(path, o);
}

int usage() {
  std::fprintf(stderr,
               "usage: recon_bench --crm FILE --erp FILE [--truth FILE] [--tolerance MINOR] [--budget-mb N] "
               "[--threads 1|2] [--out FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string crm_path, erp_path, truth_path, out_path;
  otc::engine::BillingReconcileOptions options;
  // The engine spills where it is told: $TMPDIR, else /tmp.
  const char* tmp = std::getenv("TMPDIR");
  options.temp_dir = tmp && *tmp ? tmp : "/tmp";
  bool read_only = false;  // only parse both files: separates CSV reading time from the reconciliation
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    if (a == "--crm") crm_path = argv[++i];
    else if (a == "--erp") erp_path = argv[++i];
    else if (a == "--truth") truth_path = argv[++i];
    else if (a == "--out") out_path = argv[++i];
    else if (a == "--tolerance") options.amount_tolerance_minor = std::strtoll(argv[++i], nullptr, 10);
    else if (a == "--budget-mb") options.memory_budget_bytes = std::strtoull(argv[++i], nullptr, 10) << 20;
    else if (a == "--threads") options.parallel = std::string(argv[++i]) != "1";
    else if (a == "--read-only") read_only = std::string(argv[++i]) == "1";
    else return usage();
  }
  if (crm_path.empty() || erp_path.empty()) return usage();

  try {
    std::set<std::string> found;
    std::ofstream out_file;
    std::unique_ptr<otc::report::RowSink> sink;
    if (!out_path.empty()) {
      out_file.open(out_path, std::ios::binary);
      sink = otc::report::make_sink(otc::report::Format::kCsv, out_file);
      std::vector<otc::report::Column> columns;
      for (auto name : otc::engine::break_column_names()) columns.push_back({std::string(name)});
      sink->begin(columns);
    }
    std::vector<std::string> cells(7);
    auto start = std::chrono::steady_clock::now();
    auto crm_source = open_side(crm_path, "crm_lines");
    auto erp_source = open_side(erp_path, "erp_lines");
    auto& crm = *crm_source;
    auto& erp = *erp_source;
    if (read_only) {
      BillingLine line;
      std::uint64_t n = 0;
      while (crm.next(line)) ++n;
      while (erp.next(line)) ++n;
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "read_only rows %llu wall_seconds %.3f\n", static_cast<unsigned long long>(n), seconds);
      return 0;
    }
    auto summary = otc::engine::reconcile_billing(crm, erp, options, [&](const otc::engine::Break& b) {
      found.insert(std::string(otc::engine::break_type_name(b.type)) + "," + b.keys);
      if (sink) {
        auto c = otc::engine::break_cells(b);
        for (std::size_t k = 0; k < 7; ++k) cells[k] = std::move(c[k]);
        sink->row(cells);
      }
    });
    auto stop = std::chrono::steady_clock::now();
    if (sink) sink->end();
    for (const auto* side : {&crm, &erp})
      for (const auto& i : side->issues())
        std::fprintf(stderr, "recon_bench: bad row: %s: %s\n", otc::core::format_location(i.where).c_str(), i.message.c_str());
    if (!crm.issues().empty() || !erp.issues().empty()) return 1;
    double seconds = std::chrono::duration<double>(stop - start).count();
    rusage usage_info{};
    getrusage(RUSAGE_SELF, &usage_info);
    std::uint64_t rows = summary.crm_lines + summary.erp_lines;
    std::fprintf(stderr, "crm_lines %llu\nerp_lines %llu\nbreaks %llu\n", static_cast<unsigned long long>(summary.crm_lines),
                 static_cast<unsigned long long>(summary.erp_lines), static_cast<unsigned long long>(summary.breaks));
    for (std::size_t t = 0; t < otc::engine::kBreakTypeCount; ++t)
      if (summary.by_type[t] != 0)
        std::fprintf(stderr, "  %s %llu\n",
                     std::string(otc::engine::break_type_name(static_cast<otc::engine::BreakType>(t))).c_str(),
                     static_cast<unsigned long long>(summary.by_type[t]));
    std::fprintf(stderr, "spilled_runs %llu (%.1f MiB)\n", static_cast<unsigned long long>(summary.spilled_runs),
                 static_cast<double>(summary.spilled_bytes) / (1 << 20));
    std::fprintf(stderr, "wall_seconds %.3f\nrows_per_second %.0f\npeak_rss_mib %.1f\n", seconds,
                 static_cast<double>(rows) / seconds, static_cast<double>(usage_info.ru_maxrss) / 1024.0);

    if (!truth_path.empty()) {
      otc::import::CsvReader truth(truth_path);
      truth.next();  // header
      std::set<std::string> planted;
      while (truth.next()) planted.insert(std::string(truth.field(0)) + "," + std::string(truth.field(1)));
      std::size_t missing = 0, extra = 0;
      for (const auto& p : planted)
        if (found.count(p) == 0) {
          if (missing++ < 5) std::fprintf(stderr, "  not reported: %s\n", p.c_str());
        }
      for (const auto& f : found)
        if (planted.count(f) == 0) {
          if (extra++ < 5) std::fprintf(stderr, "  not planted: %s\n", f.c_str());
        }
      std::fprintf(stderr, "truth planted %zu reported %zu missing %zu extra %zu -> %s\n", planted.size(), found.size(),
                   missing, extra, missing == 0 && extra == 0 && found.size() == summary.breaks ? "EXACT" : "MISMATCH");
      return missing == 0 && extra == 0 ? 0 : 3;
    }
    return 0;
  } catch (const otc::core::Error& e) {
    std::fprintf(stderr, "recon_bench: error: %s: %s\n", otc::core::format_location(e.where()).c_str(), e.what());
    return 1;
  }
}
