// remit_gen: writes a seeded, noisy remittance data set with known truth, for benchmarks and for
// trying `otc apply-cash` by hand. Same generator as match_eval (tools/sim/remit_sim.hpp).
//
//   remit_gen --seed 7 --customers 2000 --invoices 20000 --receipts 5000 --out /tmp/remit
//
// Files in --out: customers.csv (customer_id, name, aliases, bank_accounts; lists joined by ';'),
// invoices.csv (the open invoices), bank.csv (generic CSV bank layout: date, amount, currency,
// reference, payer_name, payer_account, description, bank_reference; debits negative) and
// truth.csv (per bank line: the invoices it pays and how much, or "none").
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "otc/core/money.hpp"
#include "otc/report/row_sink.hpp"
#include "sim/remit_render.hpp"
#include "sim/remit_sim.hpp"

namespace {

using otc::report::CellKind;
using otc::report::Column;

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const std::string& p : parts) {
    if (!s.empty()) s += ';';
    s += p;
  }
  return s;
}

class CsvFile {
 public:
  CsvFile(const std::filesystem::path& path, const std::vector<Column>& columns) : out_(path) {
    if (!out_) throw std::runtime_error("cannot write " + path.string());
    sink_ = otc::report::make_sink(otc::report::Format::kCsv, out_);
    sink_->begin(columns);
  }
  ~CsvFile() { sink_->end(); }
  void row(const std::vector<std::string>& cells) { sink_->row(cells); }

 private:
  std::ofstream out_;
  std::unique_ptr<otc::report::RowSink> sink_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"remit_gen: write a noisy remittance data set with known truth"};
  otc::sim::RemitSimConfig cfg;
  std::string out_dir = ".";
  bool all_formats = false;
  app.add_option("--seed", cfg.seed, "generator seed")->capture_default_str();
  app.add_option("--customers", cfg.customers, "customers")->capture_default_str();
  app.add_option("--invoices", cfg.invoices, "open invoices")->capture_default_str();
  app.add_option("--receipts", cfg.receipts, "bank lines")->capture_default_str();
  app.add_option("--out", out_dir, "output directory (created when missing)")->capture_default_str();
  app.add_flag("--all-formats", all_formats,
               "also write the same receipts as bank.bai2, bank.mt940, bank.camt053.xml, bank.ach (NACHA) and bank_us.csv (a US bank CSV export)");
  CLI11_PARSE(app, argc, argv);

  try {
    const otc::sim::RemitSimData data = otc::sim::simulate_remittance(cfg);
    const std::filesystem::path dir(out_dir);
    std::filesystem::create_directories(dir);
    {
      CsvFile f(dir / "customers.csv", {{"customer_id", CellKind::kText}, {"name", CellKind::kText},
                                       {"aliases", CellKind::kText}, {"bank_accounts", CellKind::kText}});
      for (const auto& c : data.customers) f.row({std::to_string(c.id), c.name, join(c.aliases), join(c.bank_accounts)});
    }
    {
      CsvFile f(dir / "invoices.csv",
                {{"invoice_id", CellKind::kText}, {"invoice_number", CellKind::kText}, {"customer_id", CellKind::kText},
                 {"currency", CellKind::kText}, {"open_amount", CellKind::kNumber}, {"invoice_date", CellKind::kDate},
                 {"due_date", CellKind::kDate}});
      for (const auto& inv : data.invoices)
        f.row({std::to_string(inv.id), inv.number, std::to_string(inv.customer_id), std::string(inv.currency.view()),
               otc::core::format_amount(inv.open_minor, inv.currency.exponent), inv.invoice_date.iso(),
               inv.due_date.iso()});
    }
    {
      CsvFile bank(dir / "bank.csv",
                   {{"date", CellKind::kDate}, {"amount", CellKind::kNumber}, {"currency", CellKind::kText},
                    {"reference", CellKind::kText}, {"payer_name", CellKind::kText}, {"payer_account", CellKind::kText},
                    {"description", CellKind::kText}, {"bank_reference", CellKind::kText}});
      CsvFile truth(dir / "truth.csv",
                    {{"line", CellKind::kNumber}, {"bank_reference", CellKind::kText}, {"scenario", CellKind::kText},
                     {"invoice_ids", CellKind::kText}, {"amounts", CellKind::kText}, {"on_account", CellKind::kNumber},
                     {"nacha_trace", CellKind::kText}});
      for (std::size_t r = 0; r < data.receipts.size(); ++r) {
        const auto& t = data.receipts[r];
        const std::int64_t signed_amount =
            t.direction == otc::domain::Direction::kDebit ? -t.amount_minor : t.amount_minor;
        bank.row({t.booking_date.iso(), otc::core::format_amount(signed_amount, t.currency.exponent),
                  std::string(t.currency.view()), join(t.remittance_refs), t.payer_name, t.payer_account,
                  t.remittance_text, t.bank_reference});
        const auto& tr = data.truth[r];
        std::string ids;
        std::string amounts;
        for (const auto& [id, amount] : tr.parts) {
          if (!ids.empty()) {
            ids += ';';
            amounts += ';';
          }
          ids += std::to_string(id);
          amounts += otc::core::format_amount(amount, t.currency.exponent);
        }
        if (ids.empty()) ids = amounts = "none";
        truth.row({std::to_string(r + 2), t.bank_reference, otc::sim::scenario_name(tr.scenario), ids, amounts,
                   otc::core::format_amount(tr.on_account_minor, t.currency.exponent),
                   otc::sim::rendered_bank_reference(t, otc::sim::BankRendering::kNacha)});
      }
    }
    if (all_formats) {
      for (const auto f : otc::sim::kAllRenderings) {
        if (f == otc::sim::BankRendering::kCsv) continue;  // bank.csv above
        std::ofstream out(dir / otc::sim::rendering_file_name(f), std::ios::binary);
        out << otc::sim::render_bank_file(data.receipts, f);
        if (!out) throw std::runtime_error(std::string("cannot write ") + otc::sim::rendering_file_name(f));
      }
    }
    std::fprintf(stderr, "remit_gen: %zu customers, %zu open invoices, %zu bank lines written to %s\n",
                 data.customers.size(), data.invoices.size(), data.receipts.size(), dir.string().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "remit_gen: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
