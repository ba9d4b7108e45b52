#include "cash_commands.hpp"
#include "otc/ops/cash_corrections.hpp"

namespace otc::cli {

void install_cash_unapply(CLI::App& cash, Context& ctx) {
  add_correction<std::int64_t>(
      cash, ctx,
      {"unapply", "Reverse one application (a misapplied payment); the invoice reopens, the cash is unapplied again", "APPLICATION",
       "application id", "why (kept in the audit log)", "date of the correction (default --as-of or today)", "--reason is required",
       "Example: otc cash unapply 1042 --reason \"applied to the wrong customer\""},
      [&ctx](store::LedgerStore& store, std::int64_t application, core::Date on, const std::string& reason) {
        return ops::unapply(store, ctx.invocation(), application, on, reason);
      });
}

}  // namespace otc::cli
