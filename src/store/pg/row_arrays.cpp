#include "row_arrays.hpp"

namespace otc::store::pg {

RowArrays::RowArrays(std::string_view table_columns, std::vector<std::string> types, std::string_view tail)
    : columns_(types.size()) {
  sql_ = "INSERT INTO " + std::string(table_columns) + " SELECT * FROM unnest(";
  for (std::size_t c = 0; c < types.size(); ++c) sql_ += (c ? ", $" : "$") + std::to_string(c + 1) + "::" + types[c] + "[]";
  sql_ += ")";
  if (!tail.empty()) sql_ += " " + std::string(tail);
  clear();
}

std::string& RowArrays::next_column() {
  std::string& c = columns_[column_];
  column_ = column_ + 1 == columns_.size() ? 0 : column_ + 1;
  if (c.size() > 1) c.push_back(',');
  return c;
}

void RowArrays::int64(std::int64_t v) { next_column() += std::to_string(v); }

void RowArrays::text(std::string_view v) {
  std::string& c = next_column();
  c.push_back('"');
  for (char ch : v) {
    if (ch == '"' || ch == '\\') c.push_back('\\');
    c.push_back(ch);
  }
  c.push_back('"');
}

void RowArrays::null() { next_column() += "NULL"; }

void RowArrays::end_row(Db& db) {
  ++rows_;
  if (rows_ >= kRows) flush(db);
}

void RowArrays::flush(Db& db) {
  if (rows_ == 0) return;
  std::vector<Param> params;
  params.reserve(columns_.size());
  for (auto& c : columns_) {
    c.push_back('}');
    params.emplace_back(std::string_view(c));
  }
  try {
    db.run(sql_, params);
  } catch (...) {
    clear();
    throw;
  }
  clear();
}

void RowArrays::clear() {
  for (auto& c : columns_) c.assign("{");
  column_ = 0;
  rows_ = 0;
}

}  // namespace otc::store::pg
