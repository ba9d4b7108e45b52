// The libpq calls the PostgreSQL backend makes, forwarded to libpq.so.5 opened on first use
// (core::SharedLibrary): otc does not link libpq, so a SQLite ledger's commands never load it and
// the Kerberos, LDAP and TLS libraries it pulls in. Each definition keeps libpq-fe.h's signature
// (the header is included, so a mismatch does not compile) and looks its function up once.
#include <libpq-fe.h>

#include "otc/core/shared_library.hpp"

namespace {

otc::core::SharedLibrary& libpq() {
  static otc::core::SharedLibrary lib("libpq.so.5", "a PostgreSQL ledger", "libpq5");
  return lib;
}

template <class F>
F resolve(const char* name) {
  return reinterpret_cast<F>(libpq().symbol(name));
}

}  // namespace

#define OTC_LIBPQ(name) static const auto fn = resolve<decltype(&::name)>(#name)

extern "C" {

PGconn* PQconnectdb(const char* conninfo) { OTC_LIBPQ(PQconnectdb); return fn(conninfo); }
void PQfinish(PGconn* conn) { OTC_LIBPQ(PQfinish); fn(conn); }
char* PQdb(const PGconn* conn) { OTC_LIBPQ(PQdb); return fn(conn); }
char* PQhost(const PGconn* conn) { OTC_LIBPQ(PQhost); return fn(conn); }
char* PQport(const PGconn* conn) { OTC_LIBPQ(PQport); return fn(conn); }
ConnStatusType PQstatus(const PGconn* conn) { OTC_LIBPQ(PQstatus); return fn(conn); }
PGTransactionStatusType PQtransactionStatus(const PGconn* conn) { OTC_LIBPQ(PQtransactionStatus); return fn(conn); }
char* PQerrorMessage(const PGconn* conn) { OTC_LIBPQ(PQerrorMessage); return fn(conn); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  OTC_LIBPQ(PQsetNoticeProcessor);
  return fn(conn, proc, arg);
}
PGresult* PQexec(PGconn* conn, const char* query) { OTC_LIBPQ(PQexec); return fn(conn, query); }
PGresult* PQprepare(PGconn* conn, const char* stmtName, const char* query, int nParams, const Oid* paramTypes) {
  OTC_LIBPQ(PQprepare);
  return fn(conn, stmtName, query, nParams, paramTypes);
}
PGresult* PQexecPrepared(PGconn* conn, const char* stmtName, int nParams, const char* const* paramValues,
                         const int* paramLengths, const int* paramFormats, int resultFormat) {
  OTC_LIBPQ(PQexecPrepared);
  return fn(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat);
}
PGresult* PQgetResult(PGconn* conn) { OTC_LIBPQ(PQgetResult); return fn(conn); }
int PQputCopyData(PGconn* conn, const char* buffer, int nbytes) { OTC_LIBPQ(PQputCopyData); return fn(conn, buffer, nbytes); }
int PQputCopyEnd(PGconn* conn, const char* errormsg) { OTC_LIBPQ(PQputCopyEnd); return fn(conn, errormsg); }
ExecStatusType PQresultStatus(const PGresult* res) { OTC_LIBPQ(PQresultStatus); return fn(res); }
char* PQresultErrorMessage(const PGresult* res) { OTC_LIBPQ(PQresultErrorMessage); return fn(res); }
char* PQresultErrorField(const PGresult* res, int fieldcode) { OTC_LIBPQ(PQresultErrorField); return fn(res, fieldcode); }
int PQntuples(const PGresult* res) { OTC_LIBPQ(PQntuples); return fn(res); }
char* PQcmdTuples(PGresult* res) { OTC_LIBPQ(PQcmdTuples); return fn(res); }
char* PQgetvalue(const PGresult* res, int tup_num, int field_num) { OTC_LIBPQ(PQgetvalue); return fn(res, tup_num, field_num); }
int PQgetlength(const PGresult* res, int tup_num, int field_num) { OTC_LIBPQ(PQgetlength); return fn(res, tup_num, field_num); }
int PQgetisnull(const PGresult* res, int tup_num, int field_num) { OTC_LIBPQ(PQgetisnull); return fn(res, tup_num, field_num); }
void PQclear(PGresult* res) {
  if (!res) return;  // nothing to free, and nothing to load for it
  OTC_LIBPQ(PQclear);
  fn(res);
}
void PQfreemem(void* ptr) { OTC_LIBPQ(PQfreemem); fn(ptr); }
char* PQescapeLiteral(PGconn* conn, const char* str, size_t len) { OTC_LIBPQ(PQescapeLiteral); return fn(conn, str, len); }

}  // extern "C"
