#pragma once
// A workbook of several sheets (`otc dashboard --xlsx`): each sheet is a row sink with the xlsx
// sink's rules (bold frozen header, autofilter, typed cells). `--format xlsx` uses one sheet of it.
#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "otc/report/row_sink.hpp"

namespace otc::report {

class XlsxWorkbook {
 public:
  /// The workbook's bytes go to `out` on close().
  explicit XlsxWorkbook(std::ostream& out);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;
  /// A new sheet (name cut to Excel's 31 characters, made unique); begin/row/end it before close().
  RowSink& add_sheet(std::string_view name);
  /// Writes the workbook to the stream. Throws core::Error on failure.
  void close();

  struct Book;

 private:
  std::unique_ptr<Book> book_;
  std::vector<std::unique_ptr<RowSink>> sheets_;
};

}  // namespace otc::report
