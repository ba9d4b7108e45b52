#pragma once
// ISO 4217 currency names as ERP and CRM exports write them ("US Dollar", "Euro", "British Pound",
// "Japanese Yen"), and the one function that reads a currency cell: a code or a name.
#include <optional>
#include <string_view>

#include "otc/core/money.hpp"

namespace otc::core {

/// The ISO 4217 code of a currency name ("US Dollar", "United States dollar", "Pound Sterling"),
/// compared case-insensitively with blanks and punctuation ignored; nullopt when unknown.
std::optional<std::string_view> currency_code_for_name(std::string_view name);

/// A currency cell: a code ("usd"), a name ("US Dollar"), or both ("USD - US Dollar",
/// "US Dollar (USD)"). nullopt when it names no currency otc knows.
std::optional<Currency> currency_from_text(std::string_view text);

}  // namespace otc::core
