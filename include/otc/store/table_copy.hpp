#pragma once
// Raw table copy, for `otc migrate` (ops/migrate.hpp): a ledger's tables, their rows as text, and
// writing such rows into another ledger. Both backends implement it (src/store/sqlite/table_copy.cpp,
// src/store/pg/table_copy.cpp). Values travel as text (NULL as nullopt) in both directions: SQLite
// stores them by its columns' type affinity, PostgreSQL by its input casts; booleans as 1/0, dates
// and timestamps as the ISO text the ledger keeps.
//
// Not a role a use case needs: only migrate reads and writes facts without the role methods, and
// only inside the ledger's own transactions (ReadTransaction on the source, WriteTransaction on
// the target), so the append-only triggers (UPDATE/DELETE only) and constraints all still apply.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace otc::store {

class LedgerStore;

/// One ledger table as the copy sees it.
struct CopyTable {
  std::string name;
  std::vector<std::string> columns;      ///< in the table's own order
  std::vector<std::string> key;          ///< primary-key columns (rows are read in this order)
  std::vector<std::string> references;   ///< the other tables its foreign keys name
};

using CopyValue = std::optional<std::string>;  ///< nullopt = NULL
using CopyRow = std::vector<CopyValue>;

class TableCopy {
 public:
  virtual ~TableCopy() = default;
  /// The ledger's tables (not the backend's own bookkeeping: SQLite's sqlite_*, PostgreSQL's
  /// migration record), each after every table it references (dependency_order).
  virtual std::vector<CopyTable> copy_tables() = 0;
  /// Rows in `table`.
  virtual std::int64_t copy_row_count(const std::string& table) = 0;
  /// Every row of `table`, the values of `columns` as text, in primary-key order.
  virtual void copy_read(const CopyTable& table, const std::vector<std::string>& columns,
                         const std::function<void(const CopyRow&)>& fn) = 0;
  /// Inserts `rows` (values for `columns`) into `table`, ids as given. `upsert`: a row whose key
  /// exists replaces that row's values (the one-row tables a new ledger is created with).
  virtual void copy_write(const CopyTable& table, const std::vector<std::string>& columns, const std::vector<CopyRow>& rows,
                          bool upsert) = 0;
  /// After the last write: the ledger's own id generators continue after the copied ids
  /// (PostgreSQL: setval of every identity sequence; SQLite: nothing to do).
  virtual void copy_finish() = 0;
};

/// The ledger's TableCopy; throws core::Error(kLedger) for a backend without one.
TableCopy& table_copy(LedgerStore& store);

/// `tables` sorted so that each comes after every table it references (self-references and
/// tables not in the list ignored); ties keep their order. Throws core::Error(kLedger) on a cycle.
std::vector<CopyTable> dependency_order(std::vector<CopyTable> tables);

}  // namespace otc::store
