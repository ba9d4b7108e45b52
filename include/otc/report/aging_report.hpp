#pragma once
// Writes an aging (engine::AgingAccumulator) to a row sink: the one layout `otc aging` and
// `otc close` share.
#include "otc/engine/aging.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

void write_aging(RowSink& sink, const engine::AgingAccumulator& aging, core::Date as_of, bool by_invoice, bool totals);

}  // namespace otc::report
