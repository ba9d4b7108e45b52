#pragma once
// The AR roll-forward of a period (`otc close` prints it and writes rollforward_YYYY-MM.csv).
#include <string>
#include <vector>

#include "otc/engine/reconcile_gl.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

void write_rollforward(RowSink& sink, const std::string& period, const std::vector<engine::LedgerRollForward>& rows);

}  // namespace otc::report
