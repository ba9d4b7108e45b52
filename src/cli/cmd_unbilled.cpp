// `otc unbilled`: revenue delivered or due but not yet invoiced, per contract line, with its age.
#include <algorithm>

#include "billing_book.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/billing.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using report::CellKind;

struct UnbilledArgs {
  std::string rounding = "half-up";
  bool billable_only = false;
};

void run_unbilled(Context& ctx, const UnbilledArgs& a) {
  const core::Date as_of = ctx.as_of();
  engine::BillingOptions options;
  options.rounding = a.rounding == "half-even" ? core::Rounding::kHalfEven : core::Rounding::kHalfUp;
  auto format = ctx.format();
  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  auto sink = report::make_sink(format, ctx.output());
  sink->begin({{"as_of", CellKind::kDate}, {"customer_id", CellKind::kText}, {"contract_id", CellKind::kText},
               {"line_id", CellKind::kText}, {"product", CellKind::kText}, {"kind", CellKind::kText},
               {"charge_date", CellKind::kDate}, {"period_start", CellKind::kDate}, {"period_end", CellKind::kDate},
               {"billable", CellKind::kText}, {"since", CellKind::kDate}, {"age_days", CellKind::kNumber},
               {"currency", CellKind::kText}, {"amount", CellKind::kNumber}, {"tax", CellKind::kNumber}});
  const std::string as_of_text = as_of.iso();
  std::vector<std::string> cells;
  long items = 0;
  std::vector<engine::UnbilledItem> found;
  BookLines book_lines;
  store->begin_read();
  try {
    billing->for_each_customer_book(as_of, std::nullopt, [&](store::CustomerBook& book) {
      found.clear();
      book_lines.load(book);
      for (const auto& input : book_lines.inputs()) engine::unbilled_for_line(input, as_of, options, found);
      // Lines come in contract, line order; within a line, by charge key.
      std::stable_sort(found.begin(), found.end(), [](const engine::UnbilledItem& x, const engine::UnbilledItem& y) {
        if (x.contract_id != y.contract_id) return x.contract_id < y.contract_id;
        if (x.line_id != y.line_id) return x.line_id < y.line_id;
        return x.key < y.key;
      });
      for (const auto& it : found) {
        if (a.billable_only && !it.billable) continue;
        const int exp = it.currency.exponent;
        cells = {as_of_text, it.customer, it.contract_id, it.line_id, it.product, std::string(engine::to_string(it.key.kind)),
                 it.key.date.iso(), it.period_start.iso(), it.period_end.iso(), it.billable ? "yes" : "not yet",
                 it.since.iso(), std::to_string(it.age_days), std::string(it.currency.view()),
                 core::format_amount(it.amount, exp), core::format_amount(it.tax, exp)};
        sink->row(cells);
        ++items;
      }
    });
  } catch (...) {
    store->rollback();
    throw;
  }
  store->commit();
  sink->end();
  ctx.commit_output();
  ctx.note(std::to_string(items) + " unbilled item(s) as of " + as_of_text);
}

}  // namespace

void install_unbilled(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<UnbilledArgs>();
  auto* cmd = parent.add_subcommand("unbilled", "Revenue delivered or due but not yet invoiced, per contract line, with its age");
  cmd->add_option("--rounding", args->rounding, "half-up (default) or half-even")->check(CLI::IsMember({"half-up", "half-even"}));
  cmd->add_flag("--billable", args->billable_only, "only items an invoice run through --as-of would bill");
  cmd->footer(
      "Lists advance periods started, arrears periods ended, amendments in effect and usage of ended periods\n"
      "that no invoice holds yet (billable = yes, aged from the day they became billable), and usage recorded\n"
      "in periods still open (billable = not yet, aged from its first record). Amounts are net of discount, before tax.\n"
      "Example: otc unbilled --as-of 2026-06-15 --format table");
  cmd->callback([&ctx, args] { run_unbilled(ctx, *args); });
}

}  // namespace otc::cli
