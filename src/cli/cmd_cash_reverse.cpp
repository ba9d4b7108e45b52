#include "cash_commands.hpp"
#include "otc/ops/cash_corrections.hpp"

namespace otc::cli {

void install_cash_reverse(CLI::App& cash, Context& ctx) {
  add_correction<std::string>(
      cash, ctx,
      {"cash reverse", "PAYMENT", "payment id", "NSF, chargeback, R01, ...", "date of the return (default --as-of or today)",
       "--reason is required (NSF, chargeback, stop-payment, ...)"},
      [&ctx](store::LedgerStore& store, const std::string& payment, core::Date on, const std::string& reason) {
        return ops::reverse_returned_payment(store, ctx.invocation(), payment, on, reason);
      });
}

}  // namespace otc::cli
