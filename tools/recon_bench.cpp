// recon_bench: runs the billing reconciliation on recon_gen's CRM and ERP exports and reports wall
// time, rows per second and peak resident memory; with --truth, checks that the breaks are
// exactly the planted ones.
//
//   recon_bench --crm DIR/crm.csv --erp DIR/erp.csv --truth DIR/truth.csv [--tolerance 1]
//               [--budget-mb 24] [--threads 1|2] [--out breaks.csv]
//
// CsvBillingSource below is the reference way to feed CSV exports to the engine: it reads with
// the project's CsvReader and builds the key from the named key columns.
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
#include "otc/import/csv_reader.hpp"
#include "otc/report/row_sink.hpp"

namespace {

using otc::engine::BillingLine;

class CsvBillingSource : public otc::engine::BillingLineSource {
 public:
  // The file is opened on the first next() and closed at its end: CsvReader holds a large read
  // buffer, so a side that is done should not keep it.
  CsvBillingSource(std::string path, std::vector<std::string> key_columns, std::string document_column)
      : path_(std::move(path)), key_columns_(std::move(key_columns)), document_column_(std::move(document_column)) {}

  bool next(BillingLine& out) override {
    if (done_) return false;
    if (!csv_) open();
    if (!csv_->next()) {
      csv_.reset();
      done_ = true;
      return false;
    }
    out.key.clear();
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      if (k != 0) out.key.push_back('|');
      out.key.append(field(keys_[k]));
    }
    out.customer.assign(field(customer_));
    std::string_view code = field(currency_);
    if (code != std::string_view(last_currency_.code, 3)) {
      auto c = otc::core::find_currency(code, true);
      if (!c) fail(currency_, "not a currency code");
      last_currency_ = *c;
    }
    out.currency = last_currency_;
    out.quantity = micros(quantity_);
    out.unit_price = micros(price_);
    out.discount = micros(discount_);
    auto a = otc::core::parse_amount(field(amount_), out.currency.exponent);
    if (!a.ok()) fail(amount_, std::string(otc::core::describe(*a.error)));
    out.amount_minor = a.minor;
    if (document_ >= 0) out.document.assign(field(document_));
    out.source_line = csv_->line();
    return true;
  }

 private:
  void open() {
    csv_ = std::make_unique<otc::import::CsvReader>(path_);
    if (!csv_->next()) throw otc::core::Error(otc::core::ErrorKind::kInput, "empty file", {path_, 1, 0});
    std::map<std::string, int> col;
    for (std::size_t i = 0; i < csv_->size(); ++i) col[std::string(csv_->field(i))] = static_cast<int>(i);
    auto need = [&](const std::string& name) {
      auto it = col.find(name);
      if (it == col.end()) throw otc::core::Error(otc::core::ErrorKind::kInput, "no column " + name, {path_, 1, 0});
      return it->second;
    };
    for (const auto& k : key_columns_) keys_.push_back(need(k));
    customer_ = need("customer_id");
    quantity_ = need("quantity");
    price_ = need("unit_price");
    discount_ = need("discount");
    amount_ = need("amount");
    currency_ = need("currency");
    document_ = document_column_.empty() ? -1 : need(document_column_);
  }
  std::string_view field(int i) const { return csv_->field(static_cast<std::size_t>(i)); }
  [[noreturn]] void fail(int column, const std::string& why) const {
    throw otc::core::Error(otc::core::ErrorKind::kInput, why, {csv_->file_name(), csv_->line(), column + 1});
  }
  std::int64_t micros(int i) const {
    auto v = otc::engine::parse_micros(field(i));
    if (!v) fail(i, "not a number with at most 6 decimals");
    return *v;
  }

  std::string path_;
  std::vector<std::string> key_columns_;
  std::string document_column_;
  std::unique_ptr<otc::import::CsvReader> csv_;
  bool done_ = false;
  std::vector<int> keys_;
  int customer_ = -1, quantity_ = -1, price_ = -1, discount_ = -1, amount_ = -1, currency_ = -1, document_ = -1;
  otc::core::Currency last_currency_{};
};

int usage() {
  std::fprintf(stderr,
               "usage: recon_bench --crm FILE --erp FILE [--truth FILE] [--tolerance MINOR] [--budget-mb N] "
               "[--threads 1|2] [--out FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string crm_path, erp_path, truth_path, out_path;
  otc::engine::BillingOptions options;
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
    const std::vector<std::string> keys = {"contract_id", "period", "product"};
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
    CsvBillingSource crm(crm_path, keys, "");
    CsvBillingSource erp(erp_path, keys, "invoice_line");
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
