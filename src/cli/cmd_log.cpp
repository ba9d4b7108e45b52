#include <charconv>

#include "commands.hpp"
#include "otc/core/error.hpp"
#include "otc/core/money.hpp"
#include "context.hpp"
#include "otc/ops/audit_log.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

struct LogArgs {
  std::string since;
  std::string command;
  report::RowSelection select;
};

void run_log(Context& ctx, const LogArgs& a) {
  using report::CellKind;
  if (!a.since.empty()) Context::parse_date_option(a.since, "--since");
  ctx.format();  // a bad --format fails before the ledger is opened
  auto store = ctx.open_ledger_read_only();
  ctx.write_report([&](report::RowSink& out) {
    auto selected = report::make_selecting_sink(out, a.select);
    report::RowSink& sink = *selected;
    // --format table drops, when too wide: sha256, batch, file, entity_id, command.
    sink.begin({{"id", CellKind::kNumber}, {"at", CellKind::kText}, {"command", CellKind::kText, 5}, {"action", CellKind::kText},
                {"entity", CellKind::kText}, {"entity_id", CellKind::kText, 4}, {"detail", CellKind::kText},
                {"file", CellKind::kText, 3}, {"sha256", CellKind::kText, 1}, {"batch", CellKind::kNumber, 2}});
    std::vector<std::string> cells;
    ops::read_audit_log(*store, {a.since, a.command}, [&](const store::AuditRecord& r) {
      cells = {std::to_string(r.id), r.at, r.entry.command, r.entry.action, r.entry.entity, r.entry.entity_id,
               r.entry.detail, r.entry.file_name, r.entry.sha256, r.entry.batch_id ? std::to_string(r.entry.batch_id) : ""};
      sink.row(cells);
    });
    sink.end();
  });
}

void run_log_show(Context& ctx, const std::string& batch_text) {
  using report::CellKind;
  std::int64_t batch = 0;
  auto [end, ec] = std::from_chars(batch_text.data(), batch_text.data() + batch_text.size(), batch);
  if (ec != std::errc() || end != batch_text.data() + batch_text.size() || batch <= 0)
    throw core::Error(core::ErrorKind::kUsage, "BATCH '" + batch_text + "' is not a batch number (see `otc log`)");
  ctx.format();
  auto store = ctx.open_ledger_read_only();
  store::BatchInfo info;
  ctx.write_report([&](report::RowSink& sink) {
    sink.begin({{"batch", CellKind::kNumber}, {"record", CellKind::kText}, {"id", CellKind::kText}, {"customer_id", CellKind::kText},
                {"date", CellKind::kDate}, {"due_date", CellKind::kDate}, {"invoice_id", CellKind::kText},
                {"payment_id", CellKind::kText}, {"amount", CellKind::kNumber}, {"currency", CellKind::kText},
                {"detail", CellKind::kText}});
    std::vector<std::string> cells;
    info = ops::read_batch(*store, batch, [&](const store::BatchRecord& r) {
      std::string amount;
      if (!r.currency.empty() && r.record != "customer") {
        auto c = core::find_currency(r.currency, true);
        amount = core::format_amount(r.amount_minor, c ? c->exponent : 2);
      }
      cells = {std::to_string(batch), r.record, r.id, r.customer_id, r.date, r.due_date, r.invoice_id, r.payment_id, amount,
               r.currency, r.detail};
      sink.row(cells);
    });
    sink.end();
  });
  ctx.note("batch " + std::to_string(info.id) + ": " + info.file_name + " (" + info.created_at + ")");
}

}  // namespace

void install_log(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<LogArgs>();
  auto* cmd = add_command(parent, "log");
  auto batch = std::make_shared<std::string>();
  auto* show = add_command(*cmd, "log show");
  show->add_option("BATCH", *batch, "the batch number (column batch of `otc log`)")->required();
  show->callback([&ctx, batch] { run_log_show(ctx, *batch); });
  cmd->add_option("--since", args->since, "only entries on or after this date (YYYY-MM-DD, UTC)");
  cmd->add_option("--command", args->command, "only entries whose command line contains this text, e.g. import or apply-cash");
  cmd->add_option("--sort", args->select.sort, "order rows by a column, e.g. at:desc or entity");
  cmd->callback([&ctx, args, cmd] {
    if (cmd->get_subcommands().empty()) run_log(ctx, *args);
  });
}

}  // namespace otc::cli
