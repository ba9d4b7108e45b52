// `otc dispute open|resolve|list`: flags in, one ops call, rows out.
#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/dispute.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using report::CellKind;

core::Date date_or_as_of(const Context& ctx, const std::string& value) {
  return value.empty() ? ctx.as_of() : Context::parse_date_option(value, "--date");
}

}  // namespace

void install_dispute(CLI::App& parent, Context& ctx) {
  auto* dispute = add_command(parent, "dispute");
  dispute->require_subcommand(1);

  auto o = std::make_shared<ops::DisputeOpen>();
  auto open_date = std::make_shared<std::string>();
  auto* open = add_command(*dispute, "dispute open");
  open->add_option("INVOICE", o->invoice, "invoice number")->required();
  open->add_option("--amount", o->amount, "amount in dispute (default: the open balance)");
  open->add_option("--reason", o->reason, "pricing, quantity, service, duplicate, tax or other")->required();
  open->add_option("--owner", o->owner, "who works it")->required();
  open->add_option("--date", *open_date, "date opened (default --as-of or today)");
  open->add_option("--note", o->note, "what the customer says");
  open->callback([&ctx, o, open_date] {
    o->date = date_or_as_of(ctx, *open_date);
    auto store = ctx.open_ledger();
    auto r = ops::open_dispute(*store, ctx.invocation(), *o);
    ctx.output() << r.id << "\n";
    ctx.commit_output();
    ctx.note(r.note);
  });

  auto s = std::make_shared<ops::DisputeResolve>();
  auto resolve_date = std::make_shared<std::string>();
  auto* resolve = add_command(*dispute, "dispute resolve");
  resolve->add_option("ID", s->id, "dispute id (printed by `dispute open`)")->required();
  resolve->add_option("--outcome", s->outcome, "credit (issues a credit memo), rebill, reject or paid")->required()
      ->check(CLI::IsMember({"credit", "rebill", "reject", "paid"}));
  resolve->add_option("--date", *resolve_date, "date resolved (default --as-of or today)");
  resolve->add_option("--note", s->note, "how it was settled");
  resolve->callback([&ctx, s, resolve_date] {
    s->date = date_or_as_of(ctx, *resolve_date);
    auto store = ctx.open_ledger();
    auto r = ops::resolve_dispute(*store, ctx.invocation(), *s);
    ctx.note(r.note);
  });

  auto status = std::make_shared<std::string>("open");
  auto* list = add_command(*dispute, "dispute list");
  list->add_option("--status", *status, "open (default), resolved or all")->check(CLI::IsMember({"open", "resolved", "all"}));
  list->callback([&ctx, status] {
    const core::Date as_of = ctx.as_of();
    ctx.format();
    auto store = ctx.open_ledger();
    auto rows = ops::list_disputes(*store, as_of, *status);
    ctx.write_report([&](report::RowSink& sink) {
      sink.begin({{"as_of", CellKind::kDate}, {"dispute_id", CellKind::kNumber}, {"customer_id", CellKind::kText},
                  {"customer_name", CellKind::kText}, {"invoice_id", CellKind::kText}, {"currency", CellKind::kText},
                  {"amount", CellKind::kNumber}, {"reason", CellKind::kText}, {"owner", CellKind::kText},
                  {"opened_on", CellKind::kDate}, {"age_days", CellKind::kNumber}, {"status", CellKind::kText},
                  {"outcome", CellKind::kText}, {"resolved_on", CellKind::kDate}, {"credit_memo", CellKind::kText},
                  {"note", CellKind::kText}});
      for (const auto& d : rows)
        sink.row({as_of.iso(), std::to_string(d.id), d.customer_id, d.customer_name, d.invoice, std::string(d.currency.view()),
                  core::format_amount(d.amount, d.currency.exponent), d.reason, d.owner, d.opened_on.iso(),
                  std::to_string(d.age_days), d.status, d.outcome, d.resolved_on ? d.resolved_on->iso() : "", d.credit_memo, d.note});
      sink.end();
    });
  });
}

}  // namespace otc::cli
