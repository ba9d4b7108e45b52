// otc reconcile bank: bank deposits against ledger receipts; gateway payouts against the
// deposits they became. The command reads the files (bank formats through bank_input, gateway
// exports recognised by their header); ops::reconcile_bank does the rest.
#include <memory>
#include <set>

#include "bank_input.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/import/gateway.hpp"
#include "otc/ops/reconcile_bank.hpp"
#include "otc/ops/reconcile_common.hpp"
#include "otc/report/breaks_report.hpp"
#include "otc/store/ledger_store.hpp"
#include "reconcile_commands.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

struct BankArgs {
  std::vector<std::string> files;
  BankInputArgs input;
  std::string from, to;
  int window = 3;
  std::vector<std::string> markers;
  std::vector<std::string> invoice_columns;
  std::string detail;
};

/// Reads every file: a file that cannot be read reconciles nothing.
ops::ReconcileBankInput read_inputs(const Context& ctx, const BankArgs& a) {
  ops::ReconcileBankInput in;
  std::set<std::string> gateways;
  std::size_t bank_files = 0;
  import::GatewayReadOptions gopts;
  gopts.invoice_columns = a.invoice_columns;
  for (const auto& file : a.files) {
    if (import::sniff_gateway_file(file) != import::GatewayFormat::kAuto) {
      auto r = import::read_gateway_file(file, gopts);
      ops::fail_on_bad_rows(std::move(r.issues), file);
      ctx.note(file + ": " + std::string(import::gateway_format_name(r.format)) + " export, " + std::to_string(r.rows.size()) +
               " rows" + (r.skipped ? ", " + std::to_string(r.skipped) + " non-posting rows skipped" : std::string()));
      gateways.insert(std::string(import::gateway_format_name(r.format)));
      for (auto& row : r.rows) in.gateway.push_back(std::move(row));
      continue;
    }
    auto r = read_bank_input(ctx, file, a.input, a.input.lenient);
    report_bank_problems(ctx, file, r);
    ++bank_files;
    for (auto& t : r.transactions) {
      if (t.source_file.empty()) t.source_file = file;
      in.bank.push_back(std::move(t));
    }
  }
  if (bank_files == 0)
    throw Error(ErrorKind::kUsage, "no bank file among the files given: reconcile bank needs the bank statement the deposits are on");
  in.gateways.assign(gateways.begin(), gateways.end());
  return in;
}

void run_bank(Context& ctx, const BankArgs& a) {
  ctx.format();
  ops::ReconcileBankOptions o;
  o.from = date_option(a.from, "--from");
  o.to = date_option(a.to, "--to");
  if (o.from && o.to && *o.to < *o.from) throw Error(ErrorKind::kUsage, "--to is before --from");
  if (a.window < 0) throw Error(ErrorKind::kUsage, "--window must be 0 or more days");
  o.window_days = a.window;
  o.deposit_markers = a.markers;
  o.files = a.files;
  const auto input = read_inputs(ctx, a);

  auto store = ctx.open_ledger();
  auto result = ops::reconcile_bank(*store, ctx.invocation(), o, input, [&](const ops::ReconcileBankResult& r) {
    if (!a.detail.empty())
      write_detail(ctx, a.detail, [&](report::RowSink& sink) { report::write_payout_detail(sink, r.payouts, input.bank); });
    write_breaks(ctx, r.breaks);
  });
  ctx.commit_output(true);
  ctx.note("reconcile bank " + result.from.iso() + ".." + result.to.iso() + ": " + result.summary);
  for (const auto& line : report::payout_notes(result.payouts, input.bank)) ctx.note(line);
  if (result.exceptions) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_reconcile_bank(CLI::App* cmd, Context& ctx) {
  auto k = std::make_shared<BankArgs>();
  auto* bank = add_command(*cmd, "reconcile bank");
  bank->add_option("FILE", k->files,
                   "bank files (BAI2, MT940, camt.053/054, NACHA, lockbox, CSV) and gateway exports (Stripe balance history, "
                   "PayPal activity), recognised by their content")
      ->required();
  add_bank_input_options(bank, k->input, true);
  bank->add_option("--from", k->from, "first day reconciled, YYYY-MM-DD (default: the bank files' first day)");
  bank->add_option("--to", k->to, "last day reconciled (default: the bank files' last day)");
  bank->add_option("--window", k->window, "days a receipt or payout may be from its deposit (default 3)");
  bank->add_option("--deposit-marker", k->markers,
                   "text in a deposit's payer/reference that marks it as a gateway payout (default: STRIPE, PAYPAL for the "
                   "exports given)");
  bank->add_option("--invoice-column", k->invoice_columns, "more gateway export columns that carry invoice numbers");
  bank->add_option("--detail", k->detail, "also write each payout's tie-out (components, deposit, invoices) to FILE");
  bank->callback([&ctx, k] { run_bank(ctx, *k); });
}

}  // namespace otc::cli
