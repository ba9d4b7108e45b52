#pragma once
// Buffered rows for the billing role's invoice lines and billed charges, written many per
// statement: each column is collected as a PostgreSQL array literal and the rows are inserted by
// one prepared `INSERT ... SELECT * FROM unnest($1::T[], $2::T[], ...)`, so a flush is one round
// trip and one cached plan whatever the number of rows. Private to src/store/pg/.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pg_db.hpp"

namespace otc::store::pg {

class RowArrays {
 public:
  static constexpr int kRows = 2000;

  /// `table_columns`: "invoice_lines(invoice_id, line_no, ...)"; `types`: one SQL type a column
  /// ("bigint", "text"), in the same order; `tail`: appended to the INSERT ("ON CONFLICT DO NOTHING").
  RowArrays(std::string_view table_columns, std::vector<std::string> types, std::string_view tail = {});

  void int64(std::int64_t v);
  void text(std::string_view v);
  void null();
  /// Completes a row; writes the buffer when it is full.
  void end_row(Db& db);
  /// Writes the buffered rows (none: no statement).
  void flush(Db& db);
  /// Drops the buffered rows (the transaction is rolled back).
  void clear();
  int rows() const { return rows_; }

 private:
  std::string& next_column();
  std::string sql_;
  std::vector<std::string> columns_;  // "{v1,v2,..." array literals, closed when written
  std::size_t column_ = 0;
  int rows_ = 0;
};

}  // namespace otc::store::pg
