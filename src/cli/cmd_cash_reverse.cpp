#include "cash_commands.hpp"
#include "otc/ops/cash_corrections.hpp"

namespace otc::cli {

void install_cash_reverse(CLI::App& cash, Context& ctx) {
  add_correction<std::string>(
      cash, ctx,
      {"reverse", "Reverse a returned payment (NSF, chargeback): its invoices reopen", "PAYMENT", "payment id", "NSF, chargeback, R01, ...",
       "date of the return (default --as-of or today)", "--reason is required (NSF, chargeback, stop-payment, ...)",
       "Example: otc cash reverse BNK-20261102-5A226C6EF46E --reason NSF --date 2026-11-06"},
      [&ctx](store::LedgerStore& store, const std::string& payment, core::Date on, const std::string& reason) {
        return ops::reverse_returned_payment(store, ctx.invocation(), payment, on, reason);
      });
}

}  // namespace otc::cli
