#pragma once
// Buffered multi-row INSERTs for the billing role's invoice lines and billed charges.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_db.hpp"

namespace otc::store::sqlite {

/// Rows for one table, buffered and written several per INSERT statement: an invoice run writes
/// one or two rows per invoice into each of two tables, and a statement's fixed cost (cursors,
/// halting) is most of a one-row INSERT. The rows are written before anything reads them (see
/// SqliteLedger::flush_rows) and inside the same transaction.
class RowBatch {
 public:
  static constexpr int kRows = 64;

  RowBatch(std::string insert_head, int columns) : head_(std::move(insert_head)), columns_(columns) {}

  void int64(std::int64_t v) { next().set(v); }
  void text(std::string_view v) { next().set(v); }
  void null() { next().set_null(); }
  /// Completes a row; writes the buffer when it is full.
  void end_row(sqlite3* db) {
    ++rows_;
    if (rows_ == kRows) flush(db);
  }
  void flush(sqlite3* db) {
    if (rows_ == kRows) {
      write(db, full_, kRows, 0);
    } else {
      for (int r = 0; r < rows_; ++r) write(db, single_, 1, r);
    }
    clear();
  }
  void clear() {
    rows_ = 0;
    used_ = 0;
  }

 private:
  struct Cell {
    enum class Kind { kNull, kInt, kText } kind = Kind::kNull;
    std::int64_t number = 0;
    std::string text;
    void set(std::int64_t v) { kind = Kind::kInt; number = v; }
    void set(std::string_view v) { kind = Kind::kText; text.assign(v); }
    void set_null() { kind = Kind::kNull; }
  };

  Cell& next() {
    if (used_ == cells_.size()) cells_.emplace_back();
    return cells_[used_++];
  }

  void write(sqlite3* db, std::optional<Statement>& slot, int rows, int first_row);

  std::string head_;
  int columns_;
  int rows_ = 0;
  std::size_t used_ = 0;
  std::vector<Cell> cells_;
  std::optional<Statement> full_, single_;
};

}  // namespace otc::store::sqlite
