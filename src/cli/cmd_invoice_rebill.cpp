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
  auto* sub = add_command(invoice_cmd, "invoice rebill");
  add_fix_options(sub, *a);
  sub->add_option("--prefix", a->prefix, "number prefix of the new invoice (default INV-)");
  sub->add_option("--memo-prefix", a->memo_prefix, "credit memo number prefix (default CM-)");
  sub->add_option("--rounding", a->rounding, "half-up (default) or half-even")->check(CLI::IsMember({"half-up", "half-even"}));
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
