// The PostgreSQL LedgerStore's connection: the schema, migrations, transactions and what every
// role shares. The roles' methods are in their own files.
#include "pg_ledger.hpp"

#include <cstdlib>
#include <ctime>

#include "otc/core/error.hpp"
#include "otc/store/migrations.hpp"

namespace otc::store::pg {

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

std::optional<Date> opt_date(const Result& r, int col) {
  if (r.is_null(col)) return std::nullopt;
  return date_of(r.text(col));
}

engine::ChargeKind charge_kind_of(std::string_view text) {
  auto k = engine::parse_charge_kind(text);
  if (!k) bad_value("charge kind", text);
  return *k;
}

IsoDay::IsoDay(Date d) {
  if (!d.in_range())
    throw Error(ErrorKind::kInput, "date " + d.iso() + " is outside the supported dates 1900-01-01 to 2199-12-31");
  std::string s;
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

/// The schema's name as a quoted identifier (validated by open_store: letters, digits, _).
std::string quoted(const std::string& schema) { return "\"" + schema + "\""; }

std::int64_t lock_key_of(const std::string& schema) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : "otc-ledger:" + schema) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(h);
}

// The version table the migration runner keeps (PostgreSQL's PRAGMA application_id/user_version).
const char* const kVersionTable = "otc_schema_version";

}  // namespace

PgLedger::PgLedger(const std::string& conninfo, const std::string& schema, OpenMode mode)
    : db_(conninfo), schema_(schema), mode_(mode), lock_key_(lock_key_of(schema)) {
  if (const char* env = std::getenv("OTC_BUSY_TIMEOUT_MS")) lock_timeout_ms_ = std::atoi(env);
  if (lock_timeout_ms_ <= 0) lock_timeout_ms_ = 1;  // 0 means "wait forever" to PostgreSQL; SQLite: no wait
  db_.exec("SET search_path TO " + quoted(schema_));
  open_schema(mode);
  db_.set_before_statement([this](std::string_view sql) { before_statement(sql); });
  if (mode == OpenMode::kReadOnly) db_.exec("SET default_transaction_read_only = on");
}

bool PgLedger::schema_exists() {
  return !db_.run("SELECT 1 FROM pg_namespace WHERE nspname = $1::text", {schema_}).empty();
}

int PgLedger::schema_version() {
  Result r = db_.run("SELECT to_regclass($1::text) IS NOT NULL", {quoted(schema_) + "." + kVersionTable});
  if (!r.next() || r.text(0) != "t") return 0;
  Result v = db_.run_once("SELECT version, application_id FROM " + quoted(schema_) + "." + kVersionTable);
  if (!v.next()) return 0;
  return static_cast<int>(v.int64(0));
}

void PgLedger::open_schema(OpenMode mode) {
  const auto& all = pg_migrations();
  const int newest = all.empty() ? 0 : all.back().version;
  const std::string where = db_.where() + " schema " + schema_;
  int version = 0;
  if (!schema_exists()) {
    if (mode != OpenMode::kCreate)
      throw Error(ErrorKind::kLedger, "not an otc ledger (no schema '" + schema_ + "' in the database)", {where},
                  "create one with `otc init`, or name the schema with --pg-schema / OTC_PG_SCHEMA");
  } else {
    version = schema_version();
    if (version == 0) {
      Result n = db_.run("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1::text",
                         {schema_});
      n.next();
      if (n.int64(0) != 0) throw Error(ErrorKind::kLedger, "not an otc ledger (the schema holds other tables)", {where});
      if (mode != OpenMode::kCreate)
        throw Error(ErrorKind::kLedger, "not an otc ledger (empty schema)", {where}, "create one with `otc init`");
    } else {
      Result app = db_.run_once("SELECT application_id FROM " + quoted(schema_) + "." + kVersionTable);
      if (!app.next() || app.int64(0) != kApplicationId)
        throw Error(ErrorKind::kLedger, "not an otc ledger (application id differs)", {where});
    }
  }
  if (version > newest)
    throw Error(ErrorKind::kLedger, "ledger schema version " + std::to_string(version) + " is newer than this otc understands (" +
                std::to_string(newest) + ")", {where}, "upgrade otc");
  if (version == newest) return;
  if (mode == OpenMode::kReadOnly)
    throw Error(ErrorKind::kLedger, "ledger schema version " + std::to_string(version) + " is older than this otc's (" +
                std::to_string(newest) + ") and this connection only reads", {where},
                "run any otc write command (or `otc init`) once with a role that may write the schema to upgrade it");
  migrate(mode);
}

void PgLedger::migrate(OpenMode) {
  const auto& all = pg_migrations();
  const int newest = all.empty() ? 0 : all.back().version;
  db_.exec("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    // Two `otc init` at once: the second waits, then finds the schema current.
    db_.exec("SET LOCAL lock_timeout = " + std::to_string(lock_timeout_ms_));
    db_.run("SELECT pg_advisory_xact_lock($1::bigint)", {lock_key_});
    if (!schema_exists()) db_.exec("CREATE SCHEMA " + quoted(schema_));
    db_.exec("CREATE TABLE IF NOT EXISTS " + quoted(schema_) + "." + kVersionTable +
             " (id BIGINT PRIMARY KEY CHECK (id = 1), application_id BIGINT NOT NULL, version BIGINT NOT NULL)");
    int version = schema_version();
    for (const auto& m : all) {
      if (m.version <= version) continue;
      try {
        db_.exec(m.sql);
      } catch (Error& e) {
        e.add_context(std::string("while applying migration ") + m.name);
        throw;
      }
    }
    db_.run_once("INSERT INTO " + quoted(schema_) + "." + kVersionTable + "(id, application_id, version) VALUES (1, " +
                 std::to_string(kApplicationId) + ", " + std::to_string(newest) +
                 ") ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, application_id = EXCLUDED.application_id");
    db_.exec("COMMIT");
  } catch (...) {
    try { db_.exec("ROLLBACK"); } catch (...) {}
    throw;
  }
}

void PgLedger::begin_write() {
  if (mode_ == OpenMode::kReadOnly)
    throw Error(ErrorKind::kLedger, "the ledger was opened read-only (a report); this command cannot write", {db_.where()});
  try {
    db_.exec("BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = " + std::to_string(lock_timeout_ms_) +
             "; SELECT pg_advisory_xact_lock(" + std::to_string(lock_key_) + ")");
  } catch (...) {
    // As SQLite's BEGIN IMMEDIATE: a writer that could not start leaves no transaction open.
    if (db_.in_transaction()) try { db_.exec("ROLLBACK"); } catch (...) {}
    throw;
  }
  writing_ = true;
  forget_invoice_keys();
  locks_loaded_ = false;  // read them again under the writer lock
  pending_activity_.reset();
}

void PgLedger::begin_read() {
  db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  writing_ = false;
}

void PgLedger::commit() {
  try {
    if (pending_activity_) {
      IsoDay day(*pending_activity_);
      db_.run("UPDATE ledger_meta SET max_activity = GREATEST(max_activity, $1::text) WHERE id = 1", {day});
      pending_activity_.reset();
    }
    db_.exec("COMMIT");  // writes what is pending first
  } catch (...) {
    // A write-behind row or the commit itself failed: nothing of the transaction stays.
    try { rollback(); } catch (...) {}
    throw;
  }
  writing_ = false;
  forget_invoice_keys();
}

void PgLedger::rollback() {
  forget_invoice_keys();  // never written: the transaction ends
  if (db_.in_transaction()) db_.exec("ROLLBACK");
  writing_ = false;
  // The caches may hold ids that were rolled back.
  customer_ids_.clear();
  names_.clear();
  names_loaded_ = false;
  line_refs_.clear();
  pending_activity_.reset();
}

core::Currency PgLedger::currency(std::string_view code) {
  for (const auto& [k, c] : currencies_)
    if (k == code) return c;
  auto c = core::find_currency(code, true);
  if (!c) bad_value("currency code", code);
  currencies_.emplace_back(std::string(code), *c);
  return *c;
}

PutResult PgLedger::insert_keyed(std::string_view insert_sql, Params params, Date activity, std::string_view existing_sql,
                                 std::string_view ext, std::uint64_t hash) {
  Result r = db_.run(insert_sql, params);
  if (r.next()) {
    note_activity(activity);
    return {PutOutcome::kInserted, r.int64(0), {}, 0};
  }
  return compare_existing(existing_sql, ext, hash);
}

PutResult PgLedger::compare_existing(std::string_view sql, std::string_view ext, std::uint64_t hash) {
  Result s = db_.run(sql, {ext});
  PutResult r;
  if (!s.next()) throw Error(ErrorKind::kLedger, "record '" + std::string(ext) + "' vanished during import");
  r.id = s.int64(0);
  r.outcome = static_cast<std::uint64_t>(s.int64(1)) == hash ? PutOutcome::kUnchanged : PutOutcome::kConflict;
  r.existing_file.assign(s.text(2));
  r.existing_line = static_cast<long>(s.int64(3));
  return r;
}

}  // namespace otc::store::pg
