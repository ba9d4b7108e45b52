#pragma once
// Report layouts of `otc credit`: the check (one row per customer and currency), a limit set,
// a hold or release, the risk scores.
#include <string>
#include <vector>

#include "otc/engine/credit.hpp"
#include "otc/engine/credit_risk.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::report {

void write_credit_check(RowSink& sink, const std::vector<engine::CreditLine>& lines, core::Date as_of);
void write_credit_set(RowSink& sink, const std::string& customer, const store::CreditLimitRecord& limit,
                      const std::optional<store::CreditLimitRecord>& previous, bool changed);
void write_hold_change(RowSink& sink, const std::string& customer, core::Date on, const std::string& action,
                       const engine::ManualHold& after, bool changed);
void write_risk(RowSink& sink, const std::vector<engine::RiskScore>& scores, core::Date as_of);

}  // namespace otc::report
