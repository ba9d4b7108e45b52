// `otc invoice credit ID --reason ... [--amount A | --line N]`: flags in, ops::credit_invoice,
// one row per document out.
#include "invoice_commands.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct CreditArgs : FixArgs {
  std::string amount;
  int line = 0;
  std::string memo_prefix = "CM-";
};

}  // namespace

void install_invoice_credit(CLI::App& invoice_cmd, Context& ctx) {
  auto a = std::make_shared<CreditArgs>();
  auto* sub = add_command(invoice_cmd, "invoice credit");
  add_fix_options(sub, *a);
  auto* amount = sub->add_option("--amount", a->amount, "credit this amount (default: the whole open balance)");
  sub->add_option("--line", a->line, "credit invoice line N in full (its total with tax)")->excludes(amount);
  sub->add_option("--memo-prefix", a->memo_prefix, "credit memo number prefix (default CM-)");
  sub->callback([&ctx, a] {
    ops::CreditOptions options;
    static_cast<ops::CorrectionOptions&>(options) = correction_options(ctx, *a);
    options.amount = a->amount;
    options.line = a->line;
    options.memo_prefix = a->memo_prefix;
    run_correction(ctx, [&](store::LedgerStore& store, const ops::BeforeCommitFn& before_commit) {
      return ops::credit_invoice(store, ctx.invocation(), options, before_commit);
    });
  });
}

}  // namespace otc::cli
