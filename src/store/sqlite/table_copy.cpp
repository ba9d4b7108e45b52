// The SQLite side of the raw table copy for `otc migrate` (include/otc/store/table_copy.hpp):
// tables from sqlite_master, columns, keys and references from the table_info and
// foreign_key_list pragmas; rows read and written as text (type affinity stores an integer
// column's "42" as 42).
#include "otc/core/error.hpp"
#include "otc/store/table_copy.hpp"
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {

namespace {

std::string quoted(std::string_view name) {
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
    out += quoted(c);
  }
  return out;
}

}  // namespace

std::vector<CopyTable> SqliteLedger::copy_tables() {
  std::vector<CopyTable> tables;
  {
    // derived_* tables are rebuilt from the others (kept open items, open_items.cpp): not copied.
    Statement s(db_.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                              " AND name NOT LIKE 'derived\\_%' ESCAPE '\\' ORDER BY name");
    while (s.step()) tables.push_back({std::string(s.text(0)), {}, {}, {}});
  }
  for (auto& t : tables) {
    std::vector<std::pair<std::int64_t, std::string>> key;
    {
      Statement s(db_.handle(), "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid");
      s.bind(1, std::string_view(t.name));
      while (s.step()) {
        t.columns.emplace_back(s.text(0));
        if (s.int64(1) > 0) key.emplace_back(s.int64(1), std::string(s.text(0)));
      }
    }
    std::sort(key.begin(), key.end());
    for (auto& [n, c] : key) t.key.push_back(c);
    Statement s(db_.handle(), "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1) ORDER BY 1");
    s.bind(1, std::string_view(t.name));
    while (s.step()) t.references.emplace_back(s.text(0));
  }
  return dependency_order(std::move(tables));
}

std::int64_t SqliteLedger::copy_row_count(const std::string& table) {
  Statement s(db_.handle(), "SELECT count(*) FROM " + quoted(table));
  s.step();
  return s.int64(0);
}

void SqliteLedger::copy_read(const CopyTable& table, const std::vector<std::string>& columns,
                             const std::function<void(const CopyRow&)>& fn) {
  std::string sql = "SELECT " + column_list(columns) + " FROM " + quoted(table.name);
  sql += " ORDER BY " + (table.key.empty() ? std::string("rowid") : column_list(table.key));
  Statement s(db_.handle(), sql);
  CopyRow row(columns.size());
  while (s.step()) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const int col = static_cast<int>(i);
      if (s.is_null(col)) row[i].reset();
      else row[i] = std::string(s.text(col));
    }
    fn(row);
  }
}

void SqliteLedger::copy_write(const CopyTable& table, const std::vector<std::string>& columns, const std::vector<CopyRow>& rows,
                              bool upsert) {
  if (rows.empty()) return;
  // Foreign keys are checked at the commit: rows arrive table by table, parents first, but a
  // table may reference itself.
  db_.exec("PRAGMA defer_foreign_keys=ON");
  std::string sql = "INSERT INTO " + quoted(table.name) + "(" + column_list(columns) + ") VALUES (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", ?" : "?") + std::to_string(i + 1);
  sql += ")";
  if (upsert && !table.key.empty()) {
    sql += " ON CONFLICT(" + column_list(table.key) + ") DO UPDATE SET ";
    bool first = true;
    for (const auto& c : columns) {
      if (!first) sql += ", ";
      first = false;
      sql += quoted(c) + " = excluded." + quoted(c);
    }
  }
  Statement s(db_.handle(), sql);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const int p = static_cast<int>(i + 1);
      if (row[i]) s.bind(p, std::string_view(*row[i]));
      else s.bind_null(p);
    }
    s.step();
    s.reset();
  }
}

void SqliteLedger::copy_finish() {
  // INTEGER PRIMARY KEY ids continue after the largest id on their own; the caches a role may
  // have filled before the copy are stale now.
  forget_names();
  customer_ids_.clear();
  locks_loaded_ = false;
  locked_periods_.clear();
  line_refs_.clear();
}

}  // namespace otc::store::sqlite
