// `otc migrate --from LEDGER --to LEDGER`: opens both ledgers, one ops call, the checks out.
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/ops/migrate.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/open_store.hpp"

namespace otc::cli {
namespace {

struct MigrateArgs {
  std::string from, to, from_schema, to_schema;
};

/// --from-schema / --to-schema, else --pg-schema, else $OTC_PG_SCHEMA, else otc.
store::StoreOptions schema_options(const Context& ctx, const std::string& side) {
  store::StoreOptions so;
  if (!side.empty()) so.pg_schema = side;
  else if (!ctx.opts.pg_schema.empty()) so.pg_schema = ctx.opts.pg_schema;
    else if (const char* env = std::getenv("OTC_PG_SCHEMA"); env && *env) so.pg_schema = env;
  return so;
}

/// Removes a SQLite target this command created (and its -wal, -shm) after a failed copy.
void remove_sqlite_target(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

void run_migrate(Context& ctx, const MigrateArgs& a) {
  using report::CellKind;
  ctx.format();  // a bad --format fails before a ledger is opened
  const auto from_options = schema_options(ctx, a.from_schema);
  const auto to_options = schema_options(ctx, a.to_schema);
  const bool from_pg = store::is_postgres_spec(a.from), to_pg = store::is_postgres_spec(a.to);
  if (a.from == a.to && (!to_pg || from_options.pg_schema == to_options.pg_schema))
    throw core::Error(core::ErrorKind::kUsage, "--from and --to name the same ledger", {store::display_ledger(a.to)});
  if (!to_pg) {
    std::error_code ec;
    if (std::filesystem::exists(a.to, ec) || ec)
      throw core::Error(core::ErrorKind::kLedger, "the target ledger exists; otc migrate copies into a new ledger", {a.to},
                        "name a file that does not exist yet (or move the old one away)");
  }
  auto from = store::open_store(a.from, store::OpenMode::kReadOnly, from_options);
  auto write_checks = [&](const ops::MigrateResult& r) {
    auto sink = report::make_sink(ctx.format(), ctx.output());
    sink->begin({{"check", CellKind::kText}, {"key", CellKind::kText}, {"source", CellKind::kText}, {"target", CellKind::kText},
                 {"same", CellKind::kText}});
    for (const auto& c : r.checks) sink->row({c.check, c.key, c.source, c.target, c.same() ? "yes" : "NO"});
    sink->end();
  };
  ops::MigrateResult result;
  try {
    auto to = store::open_store(a.to, store::OpenMode::kCreate, to_options);
    // The check report is complete and checked before the copy commits (docs/output.md).
    result = ops::migrate_ledger(*from, *to, [&](const ops::MigrateResult& r) {
      write_checks(r);
      ctx.prepare_output();
    });
  } catch (...) {
    if (!to_pg) remove_sqlite_target(a.to);
    throw;
  }
  if (result.committed) {
    ctx.commit_output(true);
  } else {
    if (!to_pg) remove_sqlite_target(a.to);
    write_checks(result);
    ctx.commit_output(false);
  }
  const std::string from_name = store::display_ledger(a.from) + (from_pg ? " (schema " + from_options.pg_schema + ")" : "");
  const std::string to_name = store::display_ledger(a.to) + (to_pg ? " (schema " + to_options.pg_schema + ")" : "");
  if (!result.committed)
    throw core::Error(core::ErrorKind::kLedger,
                      "the copy differs from the source in " + std::to_string(result.differences) +
                          (result.differences == 1 ? " check" : " checks") + " (same = NO above); nothing was written to " +
                          to_name,
                      {}, "report this: the two backends read the same rows differently");
  ctx.note("migrated " + std::to_string(result.rows) + " rows in " + std::to_string(result.tables) + " tables from " + from_name +
           " to " + to_name + (result.as_of ? "; aging and roll-forward agree as of " + result.as_of->iso() : ""));
}

}  // namespace

void install_migrate(CLI::App& parent, Context& ctx) {
  auto* cmd = add_command(parent, "migrate");
  auto a = std::make_shared<MigrateArgs>();
  cmd->add_option("--from", a->from, "the ledger to copy: an otc.db file or a postgresql:// URI")->required();
  cmd->add_option("--to", a->to, "the new ledger: a file that does not exist yet, or a postgresql:// URI")->required();
  cmd->add_option("--from-schema", a->from_schema, "the PostgreSQL schema of --from (default --pg-schema, $OTC_PG_SCHEMA, otc)");
  cmd->add_option("--to-schema", a->to_schema, "the PostgreSQL schema of --to (default --pg-schema, $OTC_PG_SCHEMA, otc)");
  cmd->callback([&ctx, a] { run_migrate(ctx, *a); });
}

}  // namespace otc::cli
