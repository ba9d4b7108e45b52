#pragma once
// File names for documents written per id (invoices, statements, receipts, dunning e-mails).
#include <string>
#include <string_view>

namespace otc::report {

/// A file-name stem for an id that is unique and reversible: ASCII letters, digits, '-', '_' and
/// '.' are kept; every other byte (including '%', '/', ':', spaces and non-ASCII UTF-8 bytes) is
/// written as %XX (upper-case hex), and a leading '.' too, so no id can escape its directory or
/// collide with another ("COL/1" → "COL%2F1", "COL_1" → "COL_1", "COL:1" → "COL%3A1").
/// An empty id gives "%" (which no non-empty id can give).
std::string document_file_stem(std::string_view id);

/// The inverse of document_file_stem; returns the input unchanged where it holds no escapes.
std::string id_from_file_stem(std::string_view stem);

}  // namespace otc::report
