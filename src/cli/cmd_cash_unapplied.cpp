#include "cash_commands.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::cli {
namespace {

void run_unapplied(Context& ctx, const report::RowSelection& select) {
  using report::CellKind;
  ctx.format();  // a bad --format fails before the ledger is opened
  const core::Date as_of = ctx.as_of();
  auto store = ctx.open_ledger_read_only();
  ctx.write_report([&](report::RowSink& out) {
    auto selected = report::make_selecting_sink(out, select);
    report::RowSink& sink = *selected;
    // --format table drops, when too wide: suggestions, remittance, payer, reference, customer_name.
    sink.begin({{"payment_id", CellKind::kText}, {"received_date", CellKind::kDate}, {"age_days", CellKind::kNumber},
                {"customer_id", CellKind::kText}, {"customer_name", CellKind::kText, 5}, {"payer", CellKind::kText, 3},
                {"currency", CellKind::kText}, {"amount", CellKind::kNumber}, {"unapplied", CellKind::kNumber},
                {"reference", CellKind::kText, 4}, {"remittance", CellKind::kText, 2}, {"suggestions", CellKind::kText, 1}});
    std::vector<std::string> cells;
    store::ReadTransaction read(*store);
    store->for_each_unapplied_payment(as_of, [&](const store::UnappliedPayment& u) {
      int e = u.currency.exponent;
      cells = {u.external_id, u.received_date.iso(), std::to_string(as_of.days_since(u.received_date)), u.customer_external_id,
               u.customer_name, u.payer_name, std::string(u.currency.view()), core::format_amount(u.amount_minor, e),
               core::format_amount(u.unapplied_minor, e), u.reference, u.remittance, u.suggestions};
      sink.row(cells);
    });
    read.end();
    sink.end();
  });
}

}  // namespace

void install_cash_unapplied(CLI::App& cash, Context& ctx) {
  auto* unapplied = add_command(cash, "cash unapplied");
  auto select = std::make_shared<report::RowSelection>();
  unapplied->add_option("--sort", select->sort, "order rows by a column, e.g. unapplied:desc or age_days:desc");
  unapplied->add_option("--customer", select->customer, "only this customer's payments (customer id)");
  unapplied->callback([&ctx, select] { run_unapplied(ctx, *select); });
}

}  // namespace otc::cli
