// `otc invoice void ID --reason ...`: flags in, ops::void_invoice, one row per document out.
#include "invoice_commands.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

void install_invoice_void(CLI::App& invoice_cmd, Context& ctx) {
  auto a = std::make_shared<FixArgs>();
  auto* sub = add_command(invoice_cmd, "invoice void");
  add_fix_options(sub, *a);
  sub->callback([&ctx, a] {
    const ops::CorrectionOptions options = correction_options(ctx, *a);
    run_correction(ctx, [&](store::LedgerStore& store, const ops::BeforeCommitFn& before_commit) {
      return ops::void_invoice(store, ctx.invocation(), options, before_commit);
    });
  });
}

}  // namespace otc::cli
