// `otc customer CUSTOMER`: the customer's account in one view (one row per fact, by section).
#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/history.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

void install_customer(CLI::App& parent, Context& ctx) {
  auto customer = std::make_shared<std::string>();
  auto* cmd = add_command(parent, "customer");
  cmd->add_option("CUSTOMER", *customer, "customer id")->required();
  cmd->callback([&ctx, customer] {
    using report::CellKind;
    const core::Date as_of = ctx.as_of();
    ctx.format();
    auto store = ctx.open_ledger();
    auto lines = ops::customer_account(*store, *customer, as_of);
    ctx.write_report([&](report::RowSink& sink) {
      sink.begin({{"as_of", CellKind::kDate}, {"customer_id", CellKind::kText}, {"section", CellKind::kText},
                  {"item", CellKind::kText}, {"date", CellKind::kDate}, {"due_date", CellKind::kDate},
                  {"days", CellKind::kNumber}, {"currency", CellKind::kText}, {"amount", CellKind::kNumber},
                  {"status", CellKind::kText}, {"detail", CellKind::kText}});
      for (const auto& l : lines)
        sink.row({as_of.iso(), *customer, l.section, l.item, l.date ? l.date->iso() : "", l.due_date ? l.due_date->iso() : "",
                  l.age_days ? std::to_string(*l.age_days) : "", l.currency,
                  l.amount ? core::format_amount(*l.amount, l.exponent) : "", l.status, l.detail});
      sink.end();
    });
  });
}

}  // namespace otc::cli
