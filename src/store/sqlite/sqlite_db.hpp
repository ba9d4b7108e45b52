#pragma once
// Thin RAII wrappers over the SQLite C API: a connection and prepared statements. Private to
// the SQLite backend (src/store/sqlite/).
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace otc::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, std::string_view v);  ///< bound as SQLITE_TRANSIENT? no: STATIC; keep the text alive until step()
  Statement& bind_null(int i);
  /// A BLOB, bound STATIC like text: keep the bytes alive until step().
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_opt(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }

  /// Steps once: true when a row is available, false when done. Throws on error.
  bool step();
  /// Resets for reuse and clears bindings.
  void reset();

  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string_view text(int col) const;
  std::string_view blob(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

/// Resets a statement when a read leaves its scope (also by an exception from the callback).
struct ResetOnExit {
  Statement& s;
  ~ResetOnExit() { s.reset(); }
};

/// How a connection opens its file (docs/output.md, "Read-only ledgers").
enum class Access {
  kReadWrite,  ///< an existing file, read and written
  kCreate,     ///< created when missing
  kReadOnly,   ///< SQLITE_OPEN_READONLY; a file nobody can write (read-only directory, mount or
               ///< immutable file) with no write-ahead log pending is opened `immutable`
  kScratch,    ///< the file read read-only into a private in-memory copy that may be written
};

/// true when this process could write `path` and create files beside it (its -wal, -shm).
bool ledger_writable(const std::string& path);

class Database {
 public:
  explicit Database(const std::string& path, bool create);
  Database(const std::string& path, Access access);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  Access access() const { return access_; }
  /// Closes and opens the file again with `access` (a read-only report that must migrate first).
  void reopen(Access access);
  void exec(const char* sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }

 private:
  void open(Access access);
  sqlite3* db_ = nullptr;
  std::string path_;
  Access access_ = Access::kReadWrite;
};

/// Throws otc::core::Error(kLedger) with SQLite's message and the ledger path.
[[noreturn]] void throw_sqlite(sqlite3* db, std::string_view what);

}  // namespace otc::store
