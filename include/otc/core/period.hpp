#pragma once
// An accounting period (a calendar month) named "YYYY-MM": the one parser for --period.
#include <optional>
#include <string>
#include <string_view>

#include "otc/core/date.hpp"

namespace otc::core {

struct Period {
  std::string name;  ///< "2026-10"
  Date first;        ///< first day of the month
  Date last;         ///< last day of the month
};

/// "2026-10" -> the month; nullopt for anything else.
std::optional<Period> parse_period(std::string_view text);

/// The period `d` falls in.
Period period_of(Date d);

}  // namespace otc::core
