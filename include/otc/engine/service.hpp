#pragma once
// When a contract line is in service: the one rule, used by billing (usage accepted, periods
// billed), by the assignment of usage records to lines, and so by invoice run and unbilled.
//
// A line's versions are its base row and its amendments, sorted base first, then by effective
// date (version_before). The version that governs a day is the last one taking effect on or
// before it; the line is in service on a day on or after the base row's start and not after the
// governing version's end date.
#include <cstddef>
#include <span>

#include "otc/core/date.hpp"
#include "otc/domain/contract.hpp"

namespace otc::engine {

/// The order of versions: by contract, line, the base row (no effective date) first, then by
/// effective date.
bool version_before(const domain::ContractLine& a, const domain::ContractLine& b);

/// Index of the version that governs `day` among versions sorted base first (0 when none of the
/// amendments has taken effect yet).
std::size_t governing_version(std::span<const domain::ContractLine> versions, core::Date day);
std::size_t governing_version(std::span<const domain::ContractLine* const> versions, core::Date day);

/// Whether the line (versions sorted base first, at least one) is in service on `day`.
bool in_service(std::span<const domain::ContractLine> versions, core::Date day);
bool in_service(std::span<const domain::ContractLine* const> versions, core::Date day);

}  // namespace otc::engine
