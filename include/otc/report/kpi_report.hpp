#pragma once
// Writes the monthly KPI rows (engine::KpiRow) of `otc kpi` to a row sink.
#include <vector>

#include "otc/engine/kpi.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

void write_kpi(RowSink& sink, const std::vector<engine::KpiRow>& rows, bool by_customer);

}  // namespace otc::report
