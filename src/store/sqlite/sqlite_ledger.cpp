// The SQLite LedgerStore's connection: opening and migrating the file, transactions, the cache of
// prepared statements and what every role shares. The roles' methods are in their own files.
#include "sqlite_ledger.hpp"

#include <cstdlib>
#include <ctime>

#include "otc/core/error.hpp"
#include "otc/store/migrations.hpp"

namespace otc::store::sqlite {

using core::Date;
using core::Error;
using core::ErrorKind;

void bad_value(std::string_view what, std::string_view value) {
  throw Error(ErrorKind::kLedger, "ledger holds an invalid " + std::string(what) + " '" + std::string(value) + "'");
}

Date date_of(std::string_view iso) {
  auto d = core::parse_iso_date(iso);
  if (!d) bad_value("date", iso);
  return *d;
}

std::optional<Date> opt_date(const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return date_of(s.text(col));
}

engine::ChargeKind charge_kind_of(std::string_view text) {
  auto k = engine::parse_charge_kind(text);
  if (!k) bad_value("charge kind", text);
  return *k;
}

IsoDay::IsoDay(Date d) {
  // The last guard for computed dates (a due date past 2199-12-31): never store what cannot be read.
  if (!d.in_range())
    throw Error(ErrorKind::kInput, "date " + d.iso() + " is outside the supported dates 1900-01-01 to 2199-12-31");
  std::string s;  // short: no allocation
  s.reserve(10);
  d.append_iso(s);
  for (int i = 0; i < 10; ++i) text[i] = s[static_cast<std::size_t>(i)];
}

std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

Access access_for(const std::string& path, OpenMode mode) {
  switch (mode) {
    case OpenMode::kCreate: return Access::kCreate;
    case OpenMode::kReadOnly: return Access::kReadOnly;
    case OpenMode::kDryRun: return path == ":memory:" || ledger_writable(path) ? Access::kReadWrite : Access::kScratch;
    case OpenMode::kExisting: break;
  }
  return Access::kReadWrite;
}

}  // namespace

SqliteLedger::SqliteLedger(const std::string& path, OpenMode mode) : db_(path, access_for(path, mode)) {
  const char* env = std::getenv("OTC_BUSY_TIMEOUT_MS");
  sqlite3_busy_timeout(db_.handle(), env ? std::atoi(env) : 60000);
  db_.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
  // A report reads the file through a memory map (no copy of each page into the cache); a
  // writer does not, so that its resident memory stays the page cache's, flat in file size.
  if (mode == OpenMode::kReadOnly) db_.exec("PRAGMA mmap_size=1073741824");
  migrate(mode);
}

int SqliteLedger::schema_version() {
  Statement s(db_.handle(), "PRAGMA user_version");
  s.step();
  int v = static_cast<int>(s.int64(0));
  s.reset();
  return v;
}

void SqliteLedger::begin_write() {
  db_.exec("BEGIN IMMEDIATE");
  writing_ = true;
  locks_loaded_ = false;  // read them again under the writer lock
  pending_activity_.reset();
  reset_bulk();
  start_bulk();
  // A load large enough to rebuild its table's indexes rebuilds the kept open items once at the
  // end too, instead of marking a customer from every row it writes.
  if (!dropped_schema_.empty()) suspend_open_item_triggers();
}

void SqliteLedger::begin_read() { db_.exec("BEGIN DEFERRED"); }

void SqliteLedger::commit() {
  end_bulk_import();  // a bulk import's held-back writes and indexes, if its end was not called
  if (writing_) refresh_open_items();  // a read transaction leaves the kept rows to the next writer
  writing_ = false;
  if (pending_activity_) {
    auto& s = stmt(meta_update_, "UPDATE ledger_meta SET max_activity = max(max_activity, ?1) WHERE id = 1");
    std::string day = pending_activity_->iso();
    s.bind(1, day);
    s.step();
    s.reset();
    pending_activity_.reset();
  }
  db_.exec("COMMIT");
  end_bulk_request();
}

void SqliteLedger::rollback() {
  if (!sqlite3_get_autocommit(db_.handle())) db_.exec("ROLLBACK");
  writing_ = false;
  end_bulk_request();
  // The caches may hold ids that were rolled back.
  customer_ids_.clear();
  names_.clear();
  names_loaded_ = false;
  line_refs_.clear();
  pending_activity_.reset();
  reset_bulk();
}

Statement& SqliteLedger::stmt(std::optional<Statement>& slot, std::string_view sql) {
  if (!slot) slot.emplace(db_.handle(), sql);
  return *slot;
}

core::Currency SqliteLedger::currency(std::string_view code) {
  for (const auto& [k, c] : currencies_)
    if (k == code) return c;
  auto c = core::find_currency(code, true);
  if (!c) bad_value("currency code", code);
  currencies_.emplace_back(std::string(code), *c);
  return *c;
}

PutResult SqliteLedger::insert_keyed(Statement& insert, Date activity, const char* existing_sql,
                                     std::optional<Statement>& slot, std::string_view ext, std::uint64_t hash) {
  insert.step();
  insert.reset();
  if (db_.changes() > 0) {
    note_activity(activity);
    return {PutOutcome::kInserted, db_.last_insert_id(), {}, 0};
  }
  return compare_existing(existing_sql, slot, ext, hash);
}

PutResult SqliteLedger::compare_existing(const char* sql, std::optional<Statement>& slot, std::string_view ext,
                                         std::uint64_t hash) {
  auto& s = stmt(slot, sql);
  s.bind(1, ext);
  PutResult r;
  if (!s.step()) {
    s.reset();
    throw Error(ErrorKind::kLedger, "record '" + std::string(ext) + "' vanished during import");
  }
  r.id = s.int64(0);
  r.outcome = static_cast<std::uint64_t>(s.int64(1)) == hash ? PutOutcome::kUnchanged : PutOutcome::kConflict;
  r.existing_file.assign(s.text(2));
  r.existing_line = static_cast<long>(s.int64(3));
  s.reset();
  return r;
}

void SqliteLedger::migrate(OpenMode mode) {
  std::int64_t current_app = 0;
  {
    Statement app_id(db_.handle(), "PRAGMA application_id");
    app_id.step();
    current_app = app_id.int64(0);
  }
  int version = schema_version();
  const auto& all = migrations();
  int newest = all.empty() ? 0 : all.back().version;
  if (version == 0 && current_app == 0) {
    Statement tables(db_.handle(), "SELECT count(*) FROM sqlite_master");
    tables.step();
    std::int64_t n = tables.int64(0);
    tables.reset();
    if (n != 0) throw Error(ErrorKind::kLedger, "not an otc ledger (it holds other tables)", {db_.path()});
    if (mode != OpenMode::kCreate)
      throw Error(ErrorKind::kLedger, "not an otc ledger (empty file)", {db_.path()}, "create one with `otc init`");
  } else if (current_app != kApplicationId) {
    throw Error(ErrorKind::kLedger, "not an otc ledger (application id differs)", {db_.path()});
  }
  if (version > newest)
    throw Error(ErrorKind::kLedger, "ledger schema version " + std::to_string(version) + " is newer than this otc understands (" +
                std::to_string(newest) + ")", {db_.path()}, "upgrade otc");
  if (version == newest) {
    if (db_.access() != Access::kReadOnly) db_.exec("PRAGMA journal_mode=WAL");
    return;
  }
  if (db_.access() == Access::kReadOnly) {
    // A report on a ledger an older otc wrote: upgrade it if it can be written, else say why not.
    if (!ledger_writable(db_.path()))
      throw Error(ErrorKind::kLedger, "ledger schema version " + std::to_string(version) + " is older than this otc's (" +
                  std::to_string(newest) + ") and the ledger is read-only", {db_.path()},
                  "run any otc command on a writable copy once to upgrade it");
    db_.reopen(Access::kReadWrite);
  }
  db_.exec("PRAGMA journal_mode=WAL");
  db_.exec("BEGIN IMMEDIATE");
  try {
    version = schema_version();  // another process may have migrated while we waited
    for (const auto& m : all) {
      if (m.version <= version) continue;
      db_.exec(m.sql);
    }
    db_.exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
    db_.exec(("PRAGMA user_version=" + std::to_string(newest)).c_str());
    refresh_open_items();  // an upgraded ledger's kept open items are built here, not at its next write
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

}  // namespace otc::store::sqlite

namespace otc::store {

std::unique_ptr<LedgerStore> open_sqlite_store(const std::string& path, OpenMode mode) {
  // Before the first connection opens: no allocation statistics (they take a global mutex on
  // every malloc).
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  return std::make_unique<sqlite::SqliteLedger>(path, mode);
}

int sqlite_schema_version(LedgerStore& store) {
  auto* s = dynamic_cast<sqlite::SqliteLedger*>(&store);
  return s ? s->schema_version() : 0;
}

}  // namespace otc::store
