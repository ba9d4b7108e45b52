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

  /// The rows go in as INSERT OR FAIL, for a batch whose failure aborts the whole transaction: a
  /// multi-row INSERT that may abort half-way keeps a statement journal (a copy of every page it
  /// changes), one that fails where it stands needs none. The rows written are the same.
  void set_or_fail() {
    constexpr std::string_view plain = "INSERT INTO ";
    if (head_.compare(0, plain.size(), plain) != 0) return;
    head_.replace(0, plain.size(), "INSERT OR FAIL INTO ");
    full_.reset();
    single_.reset();
  }

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
  /// Completed rows not yet written.
  int rows() const { return rows_; }
  /// The text of a completed, unwritten row's column (empty unless it was set as text).
  std::string_view text_at(int row, int column) const {
    const Cell& c = cells_[static_cast<std::size_t>(row * columns_ + column)];
    return c.kind == Cell::Kind::kText ? std::string_view(c.text) : std::string_view();
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

/// The hashes of the keys a bulk load has written into a table that was empty when the load
/// began. A key whose hash is not here is in neither the table nor the load's buffer, so its
/// look-up is left out; a hash that is here (the key, or another with the same 32-bit
/// fingerprint: about one new key in 4,000 at a million keys) is looked up as before. Open
/// addressing over one array of fingerprints, which also pick their slot: no allocation per key,
/// 8 bytes a key.
class KeySet {
 public:
  static std::uint64_t hash(std::string_view key) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ULL;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return h;
  }
  bool contains(std::uint64_t h) const {
    if (slots_.empty()) return false;
    const std::uint32_t fp = fingerprint(h);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots_[i] == fp) return true;
      if (slots_[i] == 0) return false;
    }
  }
  void insert(std::uint64_t h) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    place(fingerprint(h));
  }
  /// Forgets every key and gives the memory back.
  void clear() {
    std::vector<std::uint32_t>().swap(slots_);
    used_ = 0;
  }

 private:
  static std::uint32_t fingerprint(std::uint64_t h) {
    const auto fp = static_cast<std::uint32_t>(h);
    return fp ? fp : 1;  // 0 marks an empty slot
  }
  void place(std::uint32_t fp) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots_[i] == fp) return;  // already here: contains() says yes either way
      if (slots_[i] == 0) {
        slots_[i] = fp;
        ++used_;
        return;
      }
    }
  }
  void grow() {
    std::vector<std::uint32_t> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 4096 : old.size() * 2, 0);
    used_ = 0;
    for (std::uint32_t fp : old)
      if (fp) place(fp);
  }
  std::vector<std::uint32_t> slots_;
  std::size_t used_ = 0;
};

}  // namespace otc::store::sqlite
