#include "commands.hpp"
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
  auto store = ctx.open_ledger();
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

}  // namespace

void install_log(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<LogArgs>();
  auto* cmd = add_command(parent, "log");
  cmd->add_option("--since", args->since, "only entries on or after this date (YYYY-MM-DD, UTC)");
  cmd->add_option("--command", args->command, "only entries whose command line contains this text, e.g. import or apply-cash");
  cmd->add_option("--sort", args->select.sort, "order rows by a column, e.g. at:desc or entity");
  cmd->callback([&ctx, args] { run_log(ctx, *args); });
}

}  // namespace otc::cli
