// The libxlsxwriter calls of the Excel sink (xlsx_sink.cpp), forwarded to libxlsxwriter.so.4
// opened on first use (core::SharedLibrary): otc does not link it, so only a command writing
// --format xlsx loads it (and the zip and zlib libraries under it). Each definition keeps
// xlsxwriter.h's signature (the header is included, so a mismatch does not compile).
#include <xlsxwriter.h>

#include "otc/core/shared_library.hpp"

namespace {

otc::core::SharedLibrary& xlsxwriter() {
  static otc::core::SharedLibrary lib("libxlsxwriter.so.4", "Excel output (--format xlsx)", "libxlsxwriter4");
  return lib;
}

template <class F>
F resolve(const char* name) {
  return reinterpret_cast<F>(xlsxwriter().symbol(name));
}

}  // namespace

#define OTC_XLSX(name) static const auto fn = resolve<decltype(&::name)>(#name)

extern "C" {

lxw_workbook* workbook_new_opt(const char* filename, lxw_workbook_options* options) {
  OTC_XLSX(workbook_new_opt);
  return fn(filename, options);
}
lxw_worksheet* workbook_add_worksheet(lxw_workbook* workbook, const char* sheetname) {
  OTC_XLSX(workbook_add_worksheet);
  return fn(workbook, sheetname);
}
lxw_format* workbook_add_format(lxw_workbook* workbook) { OTC_XLSX(workbook_add_format); return fn(workbook); }
lxw_error workbook_close(lxw_workbook* workbook) { OTC_XLSX(workbook_close); return fn(workbook); }
void format_set_bold(lxw_format* format) { OTC_XLSX(format_set_bold); fn(format); }
void format_set_num_format(lxw_format* format, const char* num_format) { OTC_XLSX(format_set_num_format); fn(format, num_format); }
lxw_error worksheet_write_string(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, const char* string, lxw_format* format) {
  OTC_XLSX(worksheet_write_string);
  return fn(worksheet, row, col, string, format);
}
lxw_error worksheet_write_number(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format* format) {
  OTC_XLSX(worksheet_write_number);
  return fn(worksheet, row, col, number, format);
}
lxw_error worksheet_write_datetime(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, lxw_datetime* datetime,
                                   lxw_format* format) {
  OTC_XLSX(worksheet_write_datetime);
  return fn(worksheet, row, col, datetime, format);
}
lxw_error worksheet_set_column(lxw_worksheet* worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format* format) {
  OTC_XLSX(worksheet_set_column);
  return fn(worksheet, first_col, last_col, width, format);
}
void worksheet_freeze_panes(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col) {
  OTC_XLSX(worksheet_freeze_panes);
  fn(worksheet, row, col);
}
lxw_error worksheet_autofilter(lxw_worksheet* worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                               lxw_col_t last_col) {
  OTC_XLSX(worksheet_autofilter);
  return fn(worksheet, first_row, first_col, last_row, last_col);
}
char* lxw_strerror(lxw_error error_num) { OTC_XLSX(lxw_strerror); return fn(error_num); }

}  // extern "C"
