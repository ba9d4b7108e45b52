#include "cash_commands.hpp"
#include "otc/ops/cash_corrections.hpp"

namespace otc::cli {

void install_cash_unapply(CLI::App& cash, Context& ctx) {
  add_correction<std::int64_t>(
      cash, ctx,
      {"cash unapply", "APPLICATION", "application id", "why (kept in the audit log)",
       "date of the correction (default --as-of or today)", "--reason is required"},
      [&ctx](store::LedgerStore& store, std::int64_t application, core::Date on, const std::string& reason) {
        return ops::unapply(store, ctx.invocation(), application, on, reason);
      });
}

}  // namespace otc::cli
