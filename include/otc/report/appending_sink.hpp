#pragma once
// A sink that adds one column, the same value in every row (e.g. the fx rates a converted report
// used, `otc kpi --in`), before passing rows on (src/report/select_sink.cpp).
#include <memory>
#include <string>

#include "otc/report/row_sink.hpp"

namespace otc::report {

/// `inner` must outlive the sink.
std::unique_ptr<RowSink> make_appending_sink(RowSink& inner, Column column, std::string value);

}  // namespace otc::report
