#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/aging.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct AgingArgs {
  std::string by = "customer";
  std::string buckets = "30,60,90,120";
  std::string basis = "due";
  bool totals = false;
};

void run_aging(Context& ctx, const AgingArgs& a) {
  using core::Error;
  using core::ErrorKind;
  using report::CellKind;
  engine::AgingBuckets buckets;
  buckets.edges = engine::parse_bucket_edges(a.buckets);
  if (buckets.edges.empty()) throw Error(ErrorKind::kUsage, "--buckets must be increasing positive day counts, e.g. 30,60,90,120");
  buckets.basis = a.basis == "invoice" ? engine::AgingBasis::kInvoiceDate : engine::AgingBasis::kDueDate;
  const bool by_invoice = a.by == "invoice";
  const core::Date as_of = ctx.as_of();
  auto format = ctx.format();

  auto store = ctx.open_ledger();
  engine::AgingAccumulator acc(buckets, as_of, by_invoice);
  store->begin_read();
  store->for_each_open_item(as_of, [&](const domain::OpenItem& item) { acc.add(item); });
  store->for_each_unapplied(as_of, [&](const domain::UnappliedCredit& c) { acc.add(c); });
  store->commit();

  std::vector<report::Column> cols;
  cols.push_back({"as_of", CellKind::kDate});
  cols.push_back({"customer_id", CellKind::kText});
  cols.push_back({"customer_name", CellKind::kText});
  if (by_invoice) {
    cols.push_back({"invoice_id", CellKind::kText});
    cols.push_back({"invoice_date", CellKind::kDate});
    cols.push_back({"due_date", CellKind::kDate});
    cols.push_back({buckets.basis == engine::AgingBasis::kDueDate ? "days_past_due" : "days_since_invoice", CellKind::kNumber});
  }
  cols.push_back({"currency", CellKind::kText});
  for (const auto& label : buckets.labels()) cols.push_back({label, CellKind::kNumber});
  cols.push_back({"open_total", CellKind::kNumber});
  cols.push_back({"unapplied_credit", CellKind::kNumber});

  auto sink = report::make_sink(format, ctx.output());
  sink->begin(cols);
  std::vector<std::string> cells;
  const std::string as_of_text = as_of.iso();
  auto emit = [&](const engine::AgingRow& r, bool total) {
    cells.clear();
    cells.push_back(as_of_text);
    cells.push_back(total ? "TOTAL" : r.customer_external_id);
    cells.push_back(total ? "" : r.customer_name);
    if (by_invoice) {
      cells.push_back(total ? "" : r.invoice_external_id);
      cells.push_back(total ? "" : r.invoice_date.iso());
      cells.push_back(total ? "" : r.due_date.iso());
      cells.push_back(total ? "" : std::to_string(r.age_days));
    }
    cells.push_back(r.currency);
    for (auto v : r.buckets) cells.push_back(core::format_amount(v, r.exponent));
    cells.push_back(core::format_amount(r.open_total, r.exponent));
    cells.push_back(by_invoice && !total ? "" : core::format_amount(r.unapplied_credit, r.exponent));
    sink->row(cells);
  };
  for (const auto& r : acc.rows()) emit(r, false);
  if (a.totals)
    for (const auto& r : acc.totals()) emit(r, true);
  sink->end();
  ctx.commit_output();
}

}  // namespace

void install_aging(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<AgingArgs>();
  auto* cmd = parent.add_subcommand("aging", "AR aging: open balances in day buckets, by customer or by invoice, as of any date");
  cmd->add_option("--by", args->by, "customer (default) or invoice")->check(CLI::IsMember({"customer", "invoice"}));
  cmd->add_option("--buckets", args->buckets, "bucket edges in days (default 30,60,90,120)");
  cmd->add_option("--basis", args->basis, "age from the due date (default) or the invoice date")->check(CLI::IsMember({"due", "invoice"}));
  cmd->add_flag("--totals", args->totals, "add a TOTAL row per currency");
  cmd->footer(
      "Point in time: as of a past date only invoices, payments and applications dated on or before it count.\n"
      "Each customer gets one row per currency; currencies are never summed together.\n"
      "Example: otc aging --as-of 2026-10-31 --by customer --totals --format table");
  cmd->callback([&ctx, args] { run_aging(ctx, *args); });
}

}  // namespace otc::cli
