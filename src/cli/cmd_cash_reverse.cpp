#include "cash_commands.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/cash_corrections.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct ReverseArgs {
  std::string payment;
  std::string reason;
  std::string date;
};

}  // namespace

void install_cash_reverse(CLI::App& cash, Context& ctx) {
  auto args = std::make_shared<ReverseArgs>();
  auto* reverse = cash.add_subcommand("reverse", "Reverse a returned payment (NSF, chargeback): its invoices reopen");
  reverse->add_option("PAYMENT", args->payment, "payment id")->required();
  reverse->add_option("--reason", args->reason, "NSF, chargeback, R01, ...")->required();
  reverse->add_option("--date", args->date, "date of the return (default --as-of or today)");
  reverse->footer("Example: otc cash reverse BNK-20261102-5A226C6EF46E --reason NSF --date 2026-11-06");
  reverse->callback([&ctx, args] {
    if (args->reason.empty()) throw core::Error(core::ErrorKind::kUsage, "--reason is required (NSF, chargeback, stop-payment, ...)");
    core::Date on = requested_date(ctx, args->date);
    auto store = ctx.open_ledger();
    ctx.note(ops::reverse_returned_payment(*store, ctx.invocation(), args->payment, on, args->reason).note);
  });
}

}  // namespace otc::cli
