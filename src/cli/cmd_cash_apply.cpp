#include "cash_commands.hpp"
#include "otc/ops/cash_corrections.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

void install_cash_apply(CLI::App& cash, Context& ctx) {
  auto args = std::make_shared<ops::ManualApplication>();
  auto date = std::make_shared<std::string>();
  auto* apply = add_command(cash, "cash apply");
  apply->add_option("PAYMENT", args->payment, "payment id")->required();
  apply->add_option("INVOICE", args->invoice, "invoice id")->required();
  apply->add_option("AMOUNT", args->amount, "amount (default: as much as both allow)");
  apply->add_option("--date", *date, "application date (default: the receipt's date, or the invoice's when later)");
  apply->add_option("--reason", args->reason, "a note kept with the application");
  apply->callback([&ctx, args, date] {
    args->date_given = !date->empty();
    if (args->date_given) args->requested = requested_date(ctx, *date);
    auto store = ctx.open_ledger();
    ctx.note(ops::apply_payment(*store, ctx.invocation(), *args).note);
  });
}

}  // namespace otc::cli
