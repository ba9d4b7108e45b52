#include "row_batch.hpp"

namespace otc::store::sqlite {

void RowBatch::write(sqlite3* db, std::optional<Statement>& slot, int rows, int first_row) {
  if (!slot) {
    std::string sql = head_ + " VALUES";
    int p = 0;
    for (int r = 0; r < rows; ++r) {
      sql += r ? ",(" : "(";
      for (int c = 0; c < columns_; ++c) sql += (c ? ",?" : "?") + std::to_string(++p);
      sql += ")";
    }
    slot.emplace(db, sql);
  }
  Statement& s = *slot;
  int p = 0;
  for (int r = first_row; r < first_row + rows; ++r) {
    for (int c = 0; c < columns_; ++c) {
      const Cell& cell = cells_[static_cast<std::size_t>(r * columns_ + c)];
      ++p;
      if (cell.kind == Cell::Kind::kInt) s.bind(p, cell.number);
      else if (cell.kind == Cell::Kind::kText) s.bind(p, cell.text);
      else s.bind_null(p);
    }
  }
  try {
    s.step();
  } catch (...) {
    s.reset();
    throw;
  }
  s.reset();
}

}  // namespace otc::store::sqlite
