#include "pg_db.hpp"

#include <charconv>
#include <cstring>

namespace otc::store::pg {

using core::Error;
using core::ErrorKind;

namespace {

const char* const kBusyHint = "another otc command holds the ledger; try again, or raise the wait with OTC_BUSY_TIMEOUT_MS";

std::string trimmed(const char* msg) {
  std::string s = msg ? msg : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  // libpq prefixes several lines for some errors; keep the message readable on one line.
  for (auto& c : s)
    if (c == '\n' || c == '\t') c = ' ';
  return s;
}

std::string resolved_where(PGconn* c) {
  std::string out;
  const char* host = c ? PQhost(c) : nullptr;
  const char* port = c ? PQport(c) : nullptr;
  const char* db = c ? PQdb(c) : nullptr;
  out = host && *host ? host : "localhost";
  if (port && *port) out += std::string(":") + port;
  if (db && *db) out += std::string("/") + db;
  return out;
}

}  // namespace

std::string redact_conninfo(std::string_view s) {
  std::string out(s);
  if (out.rfind("postgresql://", 0) == 0 || out.rfind("postgres://", 0) == 0) {
    const std::size_t start = out.find("://") + 3;
    std::size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    const std::size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      const std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=... as a query parameter or in key=value form
  for (std::size_t p = 0; (p = out.find("password=", p)) != std::string::npos;) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&' && out[p - 1] != ' ') {
      p += 9;
      continue;
    }
    const std::size_t v = p + 9;
    std::size_t e = out.find_first_of("& ", v);
    if (e == std::string::npos) e = out.size();
    out.replace(v, e - v, "***");
    p = v + 3;
  }
  return out;
}

Result& Result::operator=(Result&& o) noexcept {
  if (this != &o) {
    if (r_) PQclear(r_);
    r_ = o.r_;
    row_ = o.row_;
    o.r_ = nullptr;
  }
  return *this;
}

std::int64_t Result::affected() const {
  const char* n = r_ ? PQcmdTuples(r_) : "";
  std::int64_t v = 0;
  if (n && *n) std::from_chars(n, n + std::strlen(n), v);
  return v;
}

std::int64_t Result::int64_at(int row, int col) const {
  const char* p = PQgetvalue(r_, row, col);
  const int len = PQgetlength(r_, row, col);
  std::int64_t v = 0;
  if (len == 0) return 0;  // NULL reads as 0, as sqlite3_column_int64 does
  auto [end, ec] = std::from_chars(p, p + len, v);
  if (ec != std::errc() || end != p + len) {
    // bool columns ('t'/'f') and numerics with a fraction are not expected; say so plainly.
    if (len == 1 && (*p == 't' || *p == 'f')) return *p == 't';
    throw Error(ErrorKind::kLedger, "ledger returned a non-integer '" + std::string(p, static_cast<std::size_t>(len)) +
                                        "' where a number was expected");
  }
  return v;
}

std::string_view Result::text_at(int row, int col) const {
  return {PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col))};
}

Db::Db(const std::string& conninfo) {
  conn_ = PQconnectdb(conninfo.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
    std::string where = conn_ ? resolved_where(conn_) : redact_conninfo(conninfo);
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw Error(ErrorKind::kLedger, "cannot connect to the PostgreSQL ledger at " + where + ": " + msg,
                {redact_conninfo(conninfo)},
                "check the server is running and the URI, or PGHOST/PGPORT/PGUSER/PGPASSFILE");
  }
  where_ = resolved_where(conn_);
  // Notices (CREATE SCHEMA IF NOT EXISTS on an existing one, ...) are not for the user.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

Db::~Db() {
  if (conn_) PQfinish(conn_);
}

bool Db::in_transaction() const {
  const auto s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

void Db::fail(PGresult* res, std::string_view what) {
  std::string state;
  std::string msg;
  if (res) {
    const char* st = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    state = st ? st : "";
    const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    msg = primary ? primary : trimmed(PQresultErrorMessage(res));
    PQclear(res);
  } else {
    msg = trimmed(PQerrorMessage(conn_));
  }
  if (state == "P0001") throw PgError(state, msg, where_, "");  // a ledger rule (append-only history)
  if (state == "55P03")
    throw PgError(state, std::string(what) + ": database is locked (" + msg + ")", where_, kBusyHint);
  if (state == "40001" || state == "40P01")
    throw PgError(state, std::string(what) + ": " + msg, where_, "another otc command wrote the same rows; run it again");
  if (PQstatus(conn_) == CONNECTION_BAD)
    throw PgError(state, "lost the connection to the PostgreSQL ledger at " + where_ + ": " + msg, where_, "");
  throw PgError(state, std::string(what) + ": " + msg, where_, "");
}

void Db::exec(std::string_view sql) {
  before(sql);
  std::string text(sql);
  PGresult* r = PQexec(conn_, text.c_str());
  const auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) fail(r, "ledger statement failed");
  PQclear(r);
}

Result Db::run_once(std::string_view sql) {
  before(sql);
  std::string text(sql);
  PGresult* r = PQexec(conn_, text.c_str());
  const auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) fail(r, "ledger statement failed");
  return Result(r);
}

const std::string& Db::prepared(std::string_view sql, int n_params) {
  if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
  std::string name = "otc_" + std::to_string(statements_.size() + 1);
  std::string text(sql);
  PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
  (void)n_params;
  if (PQresultStatus(r) != PGRES_COMMAND_OK)
    fail(r, "cannot prepare statement (" + std::string(sql.substr(0, 60)) + ")");
  PQclear(r);
  return statements_.emplace(std::move(text), std::move(name)).first->second;
}

Result Db::exec_params(std::string_view sql, const Param* params, std::size_t n) {
  before(sql);
  const std::string& name = prepared(sql, static_cast<int>(n));
  buffer_.clear();
  offsets_.clear();
  values_.assign(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    const Param& p = params[i];
    if (p.kind() == Param::Kind::kNull) {
      offsets_.push_back(std::string::npos);
      continue;
    }
    offsets_.push_back(buffer_.size());
    if (p.kind() == Param::Kind::kInt) {
      char tmp[24];
      auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, p.int_value());
      (void)ec;
      buffer_.append(tmp, end);
    } else {
      buffer_.append(p.text_value());
    }
    buffer_.push_back('\0');
  }
  for (std::size_t i = 0; i < n; ++i)
    if (offsets_[i] != std::string::npos) values_[i] = buffer_.data() + offsets_[i];
  PGresult* r = PQexecPrepared(conn_, name.c_str(), static_cast<int>(n), values_.data(), nullptr, nullptr, 0);
  const auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r, "ledger statement failed");
  return Result(r);
}

Result Db::run(std::string_view sql, Params params) { return exec_params(sql, params.begin(), params.size()); }

Result Db::run(std::string_view sql, const std::vector<Param>& params) {
  return exec_params(sql, params.data(), params.size());
}

std::optional<Result> Db::try_run(std::string_view sql, Params params) {
  if (!in_transaction()) {  // one statement on its own: a failure leaves nothing to undo
    try {
      return exec_params(sql, params.begin(), params.size());
    } catch (const PgError& e) {
      if (e.unique_violation()) return std::nullopt;
      throw;
    }
  }
  const std::string sp = "otc_sp" + std::to_string(++savepoints_);
  exec("SAVEPOINT " + sp);
  try {
    Result r = exec_params(sql, params.begin(), params.size());
    exec("RELEASE SAVEPOINT " + sp);
    --savepoints_;
    return r;
  } catch (const PgError& e) {
    exec("ROLLBACK TO SAVEPOINT " + sp);
    exec("RELEASE SAVEPOINT " + sp);
    --savepoints_;
    if (e.unique_violation()) return std::nullopt;
    throw;
  }
}

CopyIn::CopyIn(Db& db, std::string_view copy_sql) : db_(db) {
  db_.before(copy_sql);
  std::string text(copy_sql);
  PGresult* r = PQexec(db_.conn_, text.c_str());
  if (PQresultStatus(r) != PGRES_COPY_IN) {
    done_ = true;
    db_.fail(r, "cannot start COPY");
  }
  PQclear(r);
  buf_.reserve(1 << 16);
}

CopyIn::~CopyIn() {
  if (done_) return;
  PQputCopyEnd(db_.conn_, "otc: copy abandoned");
  while (PGresult* r = PQgetResult(db_.conn_)) PQclear(r);
}

void CopyIn::field_sep() {
  if (row_started_) buf_.push_back('\t');
  row_started_ = true;
}

CopyIn& CopyIn::int64(std::int64_t v) {
  field_sep();
  char tmp[24];
  auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
  (void)ec;
  buf_.append(tmp, end);
  return *this;
}

CopyIn& CopyIn::text(std::string_view v) {
  field_sep();
  for (char c : v) {
    switch (c) {
      case '\\': buf_ += "\\\\"; break;
      case '\t': buf_ += "\\t"; break;
      case '\n': buf_ += "\\n"; break;
      case '\r': buf_ += "\\r"; break;
      default: buf_.push_back(c);
    }
  }
  return *this;
}

CopyIn& CopyIn::null() {
  field_sep();
  buf_ += "\\N";
  return *this;
}

CopyIn& CopyIn::value(const Param& p) {
  switch (p.kind()) {
    case Param::Kind::kNull: return null();
    case Param::Kind::kInt: return int64(p.int_value());
    case Param::Kind::kText: return text(p.text_value());
  }
  return *this;
}

void CopyIn::end_row() {
  buf_.push_back('\n');
  row_started_ = false;
  ++rows_;
  if (buf_.size() >= (1 << 16) - 512) flush();
}

void CopyIn::flush() {
  if (buf_.empty()) return;
  if (PQputCopyData(db_.conn_, buf_.data(), static_cast<int>(buf_.size())) != 1) {
    done_ = true;
    db_.fail(nullptr, "COPY failed");
  }
  buf_.clear();
}

std::int64_t CopyIn::finish() {
  flush();
  done_ = true;
  if (PQputCopyEnd(db_.conn_, nullptr) != 1) db_.fail(nullptr, "COPY failed");
  PGresult* r = PQgetResult(db_.conn_);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    while (PGresult* more = PQgetResult(db_.conn_)) PQclear(more);
    db_.fail(r, "COPY failed");
  }
  PQclear(r);
  while (PGresult* more = PQgetResult(db_.conn_)) PQclear(more);
  return rows_;
}

}  // namespace otc::store::pg
