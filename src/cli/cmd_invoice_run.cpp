// `otc invoice run --through DATE`: flags in, ops::invoice_run, the invoice register (or its
// lines) out.
#include "invoice_commands.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/engine/pricing.hpp"
#include "otc/ops/invoice_run.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using report::CellKind;

std::string money(std::int64_t minor, const core::Currency& c) { return core::format_amount(minor, c.exponent); }

/// The invoice register (one row per invoice) or, with `lines`, one row per invoice line.
class InvoiceRows {
 public:
  InvoiceRows(report::RowSink& sink, bool lines) : sink_(sink), lines_(lines) {
    if (lines_)
      sink_.begin({{"invoice_number", CellKind::kText}, {"line_no", CellKind::kNumber}, {"customer_id", CellKind::kText},
                   {"contract_id", CellKind::kText}, {"line_id", CellKind::kText}, {"kind", CellKind::kText},
                   {"charge_date", CellKind::kDate}, {"description", CellKind::kText}, {"service_from", CellKind::kDate},
                   {"service_to", CellKind::kDate}, {"quantity", CellKind::kNumber}, {"unit_price", CellKind::kNumber},
                   {"amount", CellKind::kNumber}, {"discount", CellKind::kNumber}, {"tax_rate_pct", CellKind::kNumber},
                   {"tax", CellKind::kNumber}, {"total", CellKind::kNumber}, {"currency", CellKind::kText}});
    else
      sink_.begin({{"invoice_number", CellKind::kText}, {"customer_id", CellKind::kText}, {"invoice_date", CellKind::kDate},
                   {"due_date", CellKind::kDate}, {"currency", CellKind::kText}, {"subtotal", CellKind::kNumber},
                   {"discount", CellKind::kNumber}, {"tax", CellKind::kNumber}, {"total", CellKind::kNumber},
                   {"lines", CellKind::kNumber}});
  }

  void add(const std::string& number, const engine::InvoiceDraft& inv) {
    const auto& c = inv.currency;
    if (!lines_) {
      cells_ = {number, inv.customer, inv.invoice_date.iso(), inv.due_date.iso(), std::string(c.view()),
                money(inv.amount, c), money(inv.discount, c), money(inv.tax, c), money(inv.total, c),
                std::to_string(inv.lines.size())};
      sink_.row(cells_);
      return;
    }
    int n = 0;
    for (const auto& l : inv.lines) {
      cells_ = {number, std::to_string(++n), inv.customer, l.contract_id, l.line_id, std::string(engine::to_string(l.key.kind)),
                l.key.date.iso(), l.description, l.period_start.iso(), l.period_end.iso(),
                engine::format_scaled(l.quantity, domain::kDecimalPlaces, 0),
                l.unit_price_micros ? engine::format_scaled(*l.unit_price_micros, domain::kDecimalPlaces, c.exponent) : "",
                money(l.money.amount, c), money(l.money.discount, c), engine::format_scaled(l.tax_rate_ppm, 4, 0),
                money(l.money.tax, c), money(l.money.total, c), std::string(c.view())};
      sink_.row(cells_);
    }
  }

  void end() { sink_.end(); }

 private:
  report::RowSink& sink_;
  bool lines_;
  std::vector<std::string> cells_;
};

struct RunArgs {
  std::string through;
  bool dry_run = false;
  bool lines = false;
  std::string prefix = "INV-";
  std::string rounding = "half-up";
};

void run_invoice_run(Context& ctx, const RunArgs& a) {
  ops::InvoiceRunOptions options;
  options.through = Context::parse_date_option(a.through, "--through");
  if (a.prefix.empty()) throw core::Error(core::ErrorKind::kUsage, "--prefix must not be empty");
  options.dry_run = a.dry_run;
  options.prefix = a.prefix;
  options.billing = ops::billing_options(a.rounding);
  const auto format = ctx.format();  // a bad --format fails before the ledger is opened
  auto store = ctx.open_ledger_for(a.dry_run);
  // The register is complete and checked on disk (or on stdout) before the run commits: a
  // register that cannot be written fails the run with nothing billed (docs/output.md).
  auto sink = report::make_sink(format, ctx.output());
  InvoiceRows rows(*sink, a.lines);
  auto result = ops::invoice_run(
      *store, ctx.invocation(), options, [&](const std::string& number, const engine::InvoiceDraft& inv) { rows.add(number, inv); },
      [&](const ops::InvoiceRunResult&) {
        rows.end();
        ctx.prepare_output();
      });
  ctx.commit_output(!a.dry_run && result.invoices > 0);
  ctx.note(result.note);
  // Charges dated into a closed period: listed with the period that blocks them; exit 3.
  for (const auto& b : result.blocked)
    ctx.note("blocked: " + b.customer + " contract " + b.contract_id + " line " + b.line_id + " " + b.kind + " " +
             b.charge_date.iso() + " " + money(b.total, b.currency) + " " + std::string(b.currency.view()) + " (invoice date " +
             b.invoice_date.iso() + "): period " + b.period + " is closed; reopen it with `otc reopen --period " + b.period +
             " --reason ...` and run again, or bill it by hand in an open period");
  if (!result.blocked.empty()) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_invoice_run(CLI::App& invoice_cmd, Context& ctx) {
  auto run = std::make_shared<RunArgs>();
  auto* r = add_command(invoice_cmd, "invoice run");
  r->add_option("--through", run->through, "bill charges whose invoice date is on or before this date (YYYY-MM-DD)")->required();
  r->add_flag("--dry-run", run->dry_run, "show the invoices a run would write, write nothing");
  r->add_flag("--lines", run->lines, "one row per invoice line instead of one per invoice");
  r->add_option("--prefix", run->prefix, "invoice number prefix; each prefix has its own gapless sequence (default INV-)");
  r->add_option("--rounding", run->rounding, "half-up (default) or half-even, once per figure per line")
      ->check(CLI::IsMember({"half-up", "half-even"}));
  r->callback([&ctx, run] { run_invoice_run(ctx, *run); });
}

}  // namespace otc::cli
