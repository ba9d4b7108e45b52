// `otc history CUSTOMER [--since D]`: everything that happened to a customer, in date order.
#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/history.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

void install_history(CLI::App& parent, Context& ctx) {
  auto customer = std::make_shared<std::string>();
  auto since = std::make_shared<std::string>();
  auto* cmd = add_command(parent, "history");
  cmd->add_option("CUSTOMER", *customer, "customer id")->required();
  cmd->add_option("--since", *since, "only what is dated on or after this day");
  cmd->callback([&ctx, customer, since] {
    using report::CellKind;
    std::optional<core::Date> from;
    if (!since->empty()) from = Context::parse_date_option(*since, "--since");
    const core::Date as_of = ctx.as_of();
    ctx.format();
    auto store = ctx.open_ledger();
    auto events = ops::customer_history(*store, *customer, from, as_of);
    ctx.write_report([&](report::RowSink& sink) {
      sink.begin({{"date", CellKind::kDate}, {"customer_id", CellKind::kText}, {"kind", CellKind::kText},
                  {"id", CellKind::kText}, {"document", CellKind::kText}, {"currency", CellKind::kText},
                  {"amount", CellKind::kNumber}, {"detail", CellKind::kText}});
      for (const auto& e : events)
        sink.row({e.date.iso(), *customer, e.kind, e.id, e.document, e.currency,
                  e.amount_minor ? core::format_amount(*e.amount_minor, e.exponent) : "", e.detail});
      sink.end();
    });
  });
}

}  // namespace otc::cli
