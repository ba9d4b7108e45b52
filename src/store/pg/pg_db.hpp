#pragma once
// Thin RAII wrappers over libpq for the PostgreSQL backend: a connection with a cache of prepared
// statements keyed by their SQL text, text-format parameters, buffered results and COPY FROM
// STDIN. Private to src/store/pg/.
//
//   Db db(uri);
//   Result r = db.run("SELECT id, name FROM customers WHERE external_id = $1", {ext});
//   while (r.next()) use(r.int64(0), r.text(1));
//   Result ins = db.run("INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id", {x});
//   if (ins.rows() == 0) ... the key existed (prefer ON CONFLICT to catching 23505: an error
//                            aborts the whole transaction in PostgreSQL);
//   try_run(...) runs one statement under a savepoint and returns nullopt on a unique violation.
//   CopyIn copy(db, "COPY staging(a, b) FROM STDIN");
//   copy.int64(1).text("x").end_row(); ... copy.finish();
#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "otc/core/error.hpp"

namespace otc::store::pg {

/// One statement parameter, sent as text (PostgreSQL infers its type from the statement; cast with
/// `$1::bigint` / `$1::text` where the statement alone does not say). Text views must stay alive
/// until the call returns (they are copied into the connection's buffer before sending).
class Param {
 public:
  Param(std::int64_t v) : kind_(Kind::kInt), int_(v) {}
  Param(int v) : kind_(Kind::kInt), int_(v) {}
  Param(long long v) : kind_(Kind::kInt), int_(static_cast<std::int64_t>(v)) {}
  Param(unsigned v) : kind_(Kind::kInt), int_(v) {}
  Param(std::string_view v) : kind_(Kind::kText), text_(v) {}
  Param(const std::string& v) : kind_(Kind::kText), text_(v) {}
  Param(const char* v) : kind_(v ? Kind::kText : Kind::kNull), text_(v ? v : "") {}
  Param(std::nullopt_t) : kind_(Kind::kNull) {}
  Param(const std::optional<std::int64_t>& v) : kind_(v ? Kind::kInt : Kind::kNull), int_(v.value_or(0)) {}
  Param(const std::optional<std::string_view>& v) : kind_(v ? Kind::kText : Kind::kNull), text_(v.value_or("")) {}
  Param(const std::optional<std::string>& v) : kind_(v ? Kind::kText : Kind::kNull), text_(v ? std::string_view(*v) : "") {}
  /// NULL for an empty text (SQLite's bind_opt).
  static Param opt(std::string_view v) { return v.empty() ? Param(std::nullopt) : Param(v); }
  static Param null() { return Param(std::nullopt); }

  enum class Kind { kNull, kInt, kText };
  Kind kind() const { return kind_; }
  std::int64_t int_value() const { return int_; }
  std::string_view text_value() const { return text_; }

 private:
  Kind kind_;
  std::int64_t int_ = 0;
  std::string_view text_;
};

using Params = std::initializer_list<Param>;

/// A whole result set (buffered). A cursor: next() moves to the following row (first call: row 0);
/// int64/text/is_null read the current row. at(row, col) reads any row.
class Result {
 public:
  Result() = default;
  explicit Result(PGresult* r) : r_(r) {}
  ~Result() { if (r_) PQclear(r_); }
  Result(Result&& o) noexcept : r_(o.r_), row_(o.row_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const { return r_ ? PQntuples(r_) : 0; }
  bool empty() const { return rows() == 0; }
  /// Rows an INSERT/UPDATE/DELETE touched (PQcmdTuples).
  std::int64_t affected() const;
  /// Moves to the next row; false after the last.
  bool next() { return ++row_ < rows(); }
  /// Back before the first row.
  void rewind() { row_ = -1; }
  int row() const { return row_; }

  std::int64_t int64(int col) const { return int64_at(row_, col); }
  std::string_view text(int col) const { return text_at(row_, col); }
  bool is_null(int col) const { return is_null_at(row_, col); }
  std::optional<std::int64_t> opt_int64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::int64_t>(int64(col));
  }

  std::int64_t int64_at(int row, int col) const;
  std::string_view text_at(int row, int col) const;
  bool is_null_at(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  PGresult* raw() const { return r_; }

 private:
  PGresult* r_ = nullptr;
  int row_ = -1;
};

/// A failed statement: core::Error(kLedger) carrying the SQLSTATE ("23505" unique violation,
/// "55P03" lock timeout, "40001" serialization failure, "40P01" deadlock, "P0001" a trigger's
/// RAISE EXCEPTION, ...).
class PgError : public core::Error {
 public:
  PgError(std::string sqlstate, std::string message, std::string location, std::string hint)
      : core::Error(core::ErrorKind::kLedger, std::move(message), {std::move(location)}, std::move(hint)),
        sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  bool unique_violation() const { return sqlstate_ == "23505"; }

 private:
  std::string sqlstate_;
};

/// The URI (or key=value conninfo) with any password replaced by "***", for messages.
std::string redact_conninfo(std::string_view conninfo);

class Db {
 public:
  /// Connects; throws core::Error(kLedger, "cannot connect to the PostgreSQL ledger at HOST: ...").
  explicit Db(const std::string& conninfo);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  PGconn* handle() const { return conn_; }
  /// host:port/dbname as libpq resolved it (never the password), for messages.
  const std::string& where() const { return where_; }

  /// Runs SQL text without parameters (several statements allowed; no result kept).
  void exec(std::string_view sql);
  /// Prepares `sql` once per connection (cached by its text), then executes it with `params`.
  Result run(std::string_view sql, Params params = {});
  Result run(std::string_view sql, const std::vector<Param>& params);
  /// run() under a savepoint: std::nullopt when it hit a unique violation (the transaction stays usable).
  std::optional<Result> try_run(std::string_view sql, Params params = {});
  /// A statement without caching (DDL, one-off statements with identifiers spliced in).
  Result run_once(std::string_view sql);

  /// true inside BEGIN ... COMMIT/ROLLBACK (PQtransactionStatus).
  bool in_transaction() const;

  /// Called with each statement's SQL before it is sent (not re-entered while it runs): the
  /// ledger writes rows it buffered for COPY there, so that every read sees them.
  void set_before_statement(std::function<void(std::string_view)> hook) { before_ = std::move(hook); }

  /// Throws PgError for a failed result (`res` is cleared). Maps lock timeouts to SQLite's busy
  /// text and hint, and a trigger's RAISE EXCEPTION to its message alone.
  [[noreturn]] void fail(PGresult* res, std::string_view what);

 private:
  friend class CopyIn;
  void before(std::string_view sql) {
    if (!before_ || in_hook_) return;
    in_hook_ = true;
    try {
      before_(sql);
    } catch (...) {
      in_hook_ = false;
      throw;
    }
    in_hook_ = false;
  }
  Result exec_params(std::string_view sql, const Param* params, std::size_t n);
  const std::string& prepared(std::string_view sql, int n_params);

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  PGconn* conn_ = nullptr;
  std::string where_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> statements_;  // SQL -> name
  std::string buffer_;                 // parameter text, NUL-separated
  std::vector<std::size_t> offsets_;
  std::vector<const char*> values_;
  int savepoints_ = 0;
  std::function<void(std::string_view)> before_;
  bool in_hook_ = false;
};

/// COPY ... FROM STDIN in text format: fields are escaped (\\, tab, newline, CR) and NULL is \N.
/// Rows are buffered and sent in chunks; finish() ends the copy and checks the server's answer.
/// Destroyed without finish(), the copy is aborted (and the transaction with it).
class CopyIn {
 public:
  CopyIn(Db& db, std::string_view copy_sql);
  ~CopyIn();
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  CopyIn& int64(std::int64_t v);
  CopyIn& text(std::string_view v);
  CopyIn& null();
  CopyIn& opt_text(std::string_view v) { return v.empty() ? null() : text(v); }
  CopyIn& value(const Param& p);
  void end_row();
  /// Sends the rest and ends the copy; returns the number of rows copied.
  std::int64_t finish();

 private:
  void field_sep();
  void flush();
  Db& db_;
  std::string buf_;
  bool row_started_ = false;
  bool done_ = false;
  std::int64_t rows_ = 0;
};

}  // namespace otc::store::pg
