#include "cash_commands.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/cash_corrections.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct UnapplyArgs {
  std::int64_t application = 0;
  std::string reason;
  std::string date;
};

}  // namespace

void install_cash_unapply(CLI::App& cash, Context& ctx) {
  auto args = std::make_shared<UnapplyArgs>();
  auto* unapply = cash.add_subcommand("unapply", "Reverse one application (a misapplied payment); the invoice reopens, the cash is unapplied again");
  unapply->add_option("APPLICATION", args->application, "application id")->required();
  unapply->add_option("--reason", args->reason, "why (kept in the audit log)")->required();
  unapply->add_option("--date", args->date, "date of the correction (default --as-of or today)");
  unapply->footer("Example: otc cash unapply 1042 --reason \"applied to the wrong customer\"");
  unapply->callback([&ctx, args] {
    if (args->reason.empty()) throw core::Error(core::ErrorKind::kUsage, "--reason is required");
    core::Date on = requested_date(ctx, args->date);
    auto store = ctx.open_ledger();
    ctx.note(ops::unapply(*store, ctx.invocation(), args->application, on, args->reason).note);
  });
}

}  // namespace otc::cli
