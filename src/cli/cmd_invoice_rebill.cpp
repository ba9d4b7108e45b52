// `otc invoice rebill ID --reason ...`: flags in, ops::rebill_invoice, one row per document out.
#include "invoice_commands.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/invoice_run.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct RebillArgs : FixArgs {
  std::string prefix = "INV-";
  std::string memo_prefix = "CM-";
  std::string rounding = "half-up";
};

}  // namespace

void install_invoice_rebill(CLI::App& invoice_cmd, Context& ctx) {
  auto a = std::make_shared<RebillArgs>();
  auto* sub = invoice_cmd.add_subcommand("rebill", "Credit an invoice in full and bill its charges again from the contracts as they are now");
  add_fix_options(sub, *a);
  sub->add_option("--prefix", a->prefix, "number prefix of the new invoice (default INV-)");
  sub->add_option("--memo-prefix", a->memo_prefix, "credit memo number prefix (default CM-)");
  sub->add_option("--rounding", a->rounding, "half-up (default) or half-even")->check(CLI::IsMember({"half-up", "half-even"}));
  sub->footer(
      "Correct the contract first (import the corrected row or an amendment), then rebill: the new invoice\n"
      "keeps the charges' dates. Only while nothing is applied to the invoice.\n"
      "Example: otc invoice rebill INV-000042 --reason \"price corrected to 30.00\"");
  sub->callback([&ctx, a] {
    ops::RebillOptions options;
    static_cast<ops::CorrectionOptions&>(options) = correction_options(ctx, *a);
    if (a->prefix.empty()) throw core::Error(core::ErrorKind::kUsage, "--prefix must not be empty");
    options.prefix = a->prefix;
    options.memo_prefix = a->memo_prefix;
    options.billing = ops::billing_options(a->rounding);
    run_correction(ctx, [&](store::LedgerStore& store, const ops::BeforeCommitFn& before_commit) {
      return ops::rebill_invoice(store, ctx.invocation(), options, before_commit);
    });
  });
}

}  // namespace otc::cli
