#include "sqlite_db.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "otc/core/error.hpp"

namespace otc::store {

using core::Error;
using core::ErrorKind;

void throw_sqlite(sqlite3* db, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : "out of memory";
  int code = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
  std::string hint;
  if ((code & 0xff) == SQLITE_BUSY) hint = "another otc command holds the ledger; try again, or raise the wait with OTC_BUSY_TIMEOUT_MS";
  throw Error(ErrorKind::kLedger, msg, {db ? sqlite3_db_filename(db, "main") : ""}, hint);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
    throw_sqlite(db, std::string("cannot prepare statement (") + std::string(sql.substr(0, 60)) + ")");
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement& Statement::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) throw_sqlite(db_, "bind");
  return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
  if (sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC) != SQLITE_OK)
    throw_sqlite(db_, "bind");
  return *this;
}

Statement& Statement::bind_blob(int i, std::string_view bytes) {
  if (sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_STATIC) != SQLITE_OK) throw_sqlite(db_, "bind");
  return *this;
}

Statement& Statement::bind_null(int i) {
  if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) throw_sqlite(db_, "bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_TRIGGER) {
    // A rule the ledger enforces itself (append-only history): its message says it all.
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw core::Error(core::ErrorKind::kLedger, msg);
  }
  throw_sqlite(db_, "ledger statement failed");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string_view();
}

std::string_view Statement::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

namespace {

std::string uri_path(const std::string& path) {
  std::string out = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool pending_wal(const std::string& path) {
  struct stat st {};
  return ::stat((path + "-wal").c_str(), &st) == 0 && st.st_size > 0;
}

sqlite3* open_raw(const std::string& name, int flags, std::string& error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(name.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    error = db ? sqlite3_errmsg(db) : "out of memory";
    if (db) sqlite3_close(db);
    return nullptr;
  }
  return db;
}

// Opening is lazy: the first read shows whether the file (and its WAL index) can be read.
bool readable(sqlite3* db) { return sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) == SQLITE_OK; }

sqlite3* open_read_only(const std::string& path, std::string& error) {
  sqlite3* db = open_raw(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, error);
  if (!db) return nullptr;
  if (readable(db) || ledger_writable(path) || pending_wal(path)) return db;
  // Nobody can write this file (read-only directory or mount, immutable file) and no log is
  // pending, so it cannot change under us: read it as immutable (no -shm needed).
  sqlite3_close(db);
  return open_raw(uri_path(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, error);
}

}  // namespace

bool ledger_writable(const std::string& path) {
  std::string dir = path.find('/') == std::string::npos ? std::string(".") : path.substr(0, path.rfind('/'));
  if (dir.empty()) dir = "/";
  return ::access(path.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0;
}

Database::Database(const std::string& path, bool create) : Database(path, create ? Access::kCreate : Access::kReadWrite) {}

Database::Database(const std::string& path, Access access) : path_(path) { open(access); }

void Database::reopen(Access access) {
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
  open(access);
}

void Database::open(Access access) {
  access_ = access;
  std::string error;
  const bool create = access == Access::kCreate;
  if (access == Access::kReadOnly) {
    db_ = open_read_only(path_, error);
  } else if (access == Access::kScratch) {
    sqlite3* source = path_ == ":memory:" ? nullptr : open_read_only(path_, error);
    if (source) {
      db_ = open_raw(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, error);
      if (db_) {
        sqlite3_backup* b = sqlite3_backup_init(db_, "main", source, "main");
        int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
        if (b) sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE) {
          error = b ? sqlite3_errmsg(db_) : sqlite3_errmsg(db_);
          sqlite3_close(db_);
          db_ = nullptr;
        }
      }
      sqlite3_close(source);
    }
  } else {
    db_ = open_raw(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0), error);
  }
  if (!db_)
    throw Error(ErrorKind::kLedger, "cannot open ledger: " + error, {path_},
                create ? "" : "create one with `otc init`, or point --ledger / OTC_LEDGER at an existing ledger");
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

void Database::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error(ErrorKind::kLedger, msg, {path_});
  }
}

}  // namespace otc::store
