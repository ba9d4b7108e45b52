#pragma once
// Pieces every HTML document otc writes shares (invoices, statements, receipts, the dashboard).
#include <string>
#include <string_view>

namespace otc::report {

/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// Splits on '\n' or ';' into escaped, trimmed lines joined by <br> (addresses, remittance notes).
std::string html_lines(std::string_view text);

}  // namespace otc::report
