#pragma once
// Writes an aging (engine::AgingAccumulator) to a row sink: the one layout `otc aging` and
// `otc close` share.
#include "otc/engine/aging.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

void write_aging(RowSink& sink, const engine::AgingAccumulator& aging, core::Date as_of, bool by_invoice, bool totals);

/// `aging --in CCY`: rows already converted (currency = CCY), each with the currency it was in and
/// the rate used (parallel to `rows`), then the converted totals.
struct AgingFx {
  std::vector<std::string> from, rate, rate_date;
};
void write_aging_converted(RowSink& sink, const engine::AgingBuckets& buckets, const std::vector<engine::AgingRow>& rows,
                           const std::vector<engine::AgingRow>& totals_rows, const AgingFx& fx, core::Date as_of,
                           bool by_invoice, bool totals);

}  // namespace otc::report
