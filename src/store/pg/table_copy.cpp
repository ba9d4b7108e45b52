// The PostgreSQL side of the raw table copy for `otc migrate` (include/otc/store/table_copy.hpp):
// tables, columns, keys and foreign keys from the catalog of the ledger's schema; rows read as
// ::text through a cursor (a million-row table is never buffered whole) and written with COPY
// (text format: PostgreSQL's input casts read "42" into a BIGINT); identity sequences set past
// the copied ids at the end.
#include "otc/core/error.hpp"
#include "otc/store/table_copy.hpp"
#include "pg_ledger.hpp"

namespace otc::store::pg {

namespace {

/// The migration record (pg_ledger.cpp's kVersionTable): the target's own, never copied.
constexpr std::string_view kBookkeeping = "otc_schema_version";
constexpr int kFetchRows = 8192;

std::string ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += ", ";
    out += ident(c);
  }
  return out;
}

}  // namespace

std::vector<CopyTable> PgLedger::copy_tables() {
  std::vector<CopyTable> tables;
  Result names = db_.run(
      "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
      " WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE \"C\"",
      {Param(schema_)});
  while (names.next())
    if (names.text(0) != kBookkeeping) tables.push_back({std::string(names.text(0)), {}, {}, {}});
  for (auto& t : tables) {
    Result cols = db_.run(
        "SELECT a.attname::text, COALESCE((SELECT k.ord FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)"
        " WHERE k.attnum = a.attnum), 0)"
        " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        " LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary"
        " WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        {Param(schema_), Param(t.name)});
    std::vector<std::pair<std::int64_t, std::string>> key;
    while (cols.next()) {
      t.columns.emplace_back(cols.text(0));
      if (cols.int64(1) > 0) key.emplace_back(cols.int64(1), std::string(cols.text(0)));
    }
    std::sort(key.begin(), key.end());
    for (auto& [n, c] : key) t.key.push_back(c);
    Result refs = db_.run(
        "SELECT DISTINCT r.relname::text FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
        " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class r ON r.oid = k.confrelid"
        " WHERE k.contype = 'f' AND n.nspname = $1 AND c.relname = $2 ORDER BY 1",
        {Param(schema_), Param(t.name)});
    while (refs.next()) t.references.emplace_back(refs.text(0));
  }
  return dependency_order(std::move(tables));
}

std::int64_t PgLedger::copy_row_count(const std::string& table) {
  Result r = db_.run_once("SELECT count(*) FROM " + ident(schema_) + "." + ident(table));
  r.next();
  return r.int64(0);
}

void PgLedger::copy_read(const CopyTable& table, const std::vector<std::string>& columns,
                         const std::function<void(const CopyRow&)>& fn) {
  std::string select;
  for (const auto& c : columns) {
    if (!select.empty()) select += ", ";
    select += ident(c) + "::text";
  }
  std::string sql = "DECLARE otc_copy NO SCROLL CURSOR FOR SELECT " + select + " FROM " + ident(schema_) + "." + ident(table.name);
  if (!table.key.empty()) sql += " ORDER BY " + column_list(table.key);
  db_.exec(sql);
  CopyRow row(columns.size());
  for (;;) {
    Result r = db_.run_once("FETCH FORWARD " + std::to_string(kFetchRows) + " FROM otc_copy");
    if (r.empty()) break;
    while (r.next()) {
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const int col = static_cast<int>(i);
        if (r.is_null(col)) row[i].reset();
        else row[i] = std::string(r.text(col));
      }
      fn(row);
    }
  }
  db_.exec("CLOSE otc_copy");
}

void PgLedger::copy_write(const CopyTable& table, const std::vector<std::string>& columns, const std::vector<CopyRow>& rows,
                          bool upsert) {
  if (rows.empty()) return;
  const std::string target = ident(schema_) + "." + ident(table.name);
  if (upsert && !table.key.empty()) {
    std::string sql = "INSERT INTO " + target + "(" + column_list(columns) + ") VALUES (";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", $" : "$") + std::to_string(i + 1);
    sql += ") ON CONFLICT (" + column_list(table.key) + ") DO UPDATE SET ";
    for (std::size_t i = 0; i < columns.size(); ++i)
      sql += (i ? ", " : "") + ident(columns[i]) + " = excluded." + ident(columns[i]);
    for (const auto& row : rows) {
      std::vector<Param> params;
      params.reserve(row.size());
      for (const auto& v : row) params.push_back(v ? Param(std::string_view(*v)) : Param::null());
      db_.run(sql, params);
    }
    return;
  }
  CopyIn copy(db_, "COPY " + target + "(" + column_list(columns) + ") FROM STDIN");
  for (const auto& row : rows) {
    for (const auto& v : row) {
      if (v) copy.text(*v);
      else copy.null();
    }
    copy.end_row();
  }
  copy.finish();
}

void PgLedger::copy_finish() {
  // Identity columns were given their values; the sequences behind them continue after the largest.
  Result ids = db_.run(
      "SELECT c.relname::text, a.attname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
      " JOIN pg_namespace n ON n.oid = c.relnamespace"
      " WHERE n.nspname = $1 AND a.attidentity <> '' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2",
      {Param(schema_)});
  while (ids.next()) {
    const std::string table = ident(schema_) + "." + ident(ids.text(0)), column = ident(ids.text(1));
    std::string qualified_literal = "'";
    for (char c : table) {
      if (c == '\'') qualified_literal += '\'';
      qualified_literal += c;
    }
    qualified_literal += "'";
    std::string column_literal = "'";
    for (char c : std::string(ids.text(1))) {
      if (c == '\'') column_literal += '\'';
      column_literal += c;
    }
    column_literal += "'";
    db_.run_once("SELECT setval(pg_get_serial_sequence(" + qualified_literal + ", " + column_literal + "), COALESCE((SELECT max(" +
                 column + ") FROM " + table + "), 0) + 1, false)");
  }
}

}  // namespace otc::store::pg
