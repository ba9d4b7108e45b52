#pragma once
// Writes the DSO rows (engine::DsoRow) of `otc dso` to a row sink.
#include <string>
#include <vector>

#include "otc/engine/dso.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

/// `countback` picks the countback figure for the dso column; `method` is shown as given.
void write_dso(RowSink& sink, const std::vector<engine::DsoRow>& rows, core::Date as_of, const std::string& method,
               int window_days, bool by_customer);

}  // namespace otc::report
