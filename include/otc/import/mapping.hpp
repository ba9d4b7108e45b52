#pragma once
// Column mapping: which CSV header feeds which canonical field. Built-in profiles for common
// exports (generic, netsuite, quickbooks, salesforce) and a user mapping file on top.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/import/header_index.hpp"

namespace otc::import {

/// A canonical field a record kind reads.
struct FieldSpec {
  std::string_view name;     ///< canonical name, e.g. "invoice_id"
  bool required;
  std::string_view meaning;  ///< one line for docs and error hints
};

/// The fields of a record kind ("customers", "invoices", "payments", "contracts", "usage", ...).
const std::vector<FieldSpec>& fields_of(std::string_view kind);

/// Settings a mapping file may carry besides columns.
struct InputSettings {
  core::DateFormat date_format;
  core::AmountStyle amount_style;
  char delimiter = ',';
  std::string default_currency;   ///< used when a row has no currency column/value
  /// Dates tried after date_format when it fails (a profile's usual form, e.g. %m/%d/%Y for
  /// NetSuite and QuickBooks US exports); empty = none.
  std::vector<core::DateFormat> extra_date_formats;
};

/// One `value FIELD "Source text" = target` line: a cell of FIELD reading "Source text"
/// (compared case-insensitively, blanks trimmed) is read as `target`.
struct ValueMapping {
  std::string field;
  std::string from;
  std::string to;
};

/// A mapping file: `field = Header Name` lines, plus `date_format`, `decimal_comma`, `delimiter`,
/// `currency`; `#` starts a comment. See docs/mapping.md.
struct MappingFile {
  std::vector<std::pair<std::string, std::string>> columns;  ///< canonical field -> header text
  std::optional<std::string> date_format;
  std::optional<bool> decimal_comma;
  std::optional<char> delimiter;
  std::optional<std::string> currency;      ///< `currency = EUR` (an ISO 4217 code): the default currency
  std::optional<int> header_row;            ///< `header_row = N`: the header is on physical line N
  std::vector<ValueMapping> values;         ///< `value FIELD "text" = target` lines
};

/// The value a mapping file maps `text` of `field` to, when it has a `value` line for it.
std::optional<std::string_view> mapped_value(const MappingFile* mapping, std::string_view field, std::string_view text);

/// The currency a profile's exports are in when they name none and nothing else says (QuickBooks
/// US: USD); empty when the profile assumes none.
std::string profile_default_currency(std::string_view profile);

/// The date formats a profile's exports use when the user declared none (empty: ISO only).
std::vector<core::DateFormat> profile_date_formats(std::string_view profile);

/// The settings a file is read with: `base` (command-line options) overridden by what the mapping
/// file declares; the file's currency only fills in when no default currency was given.
InputSettings settings_with_mapping(InputSettings base, const MappingFile* mapping);

/// Reads a mapping file; throws otc::core::Error naming file:line on a bad line. `currency = X`
/// is the default currency when X is an ISO 4217 code, else the name of the currency column.
MappingFile read_mapping_file(const std::string& path);

/// Resolved column indices for one file: index per canonical field, -1 when absent.
class ColumnMap {
 public:
  /// Resolves `kind`'s fields against `header` using `profile` (throws usage error for an unknown
  /// profile) and the optional mapping file. Missing required fields throw an input error at line 1.
  static ColumnMap resolve(std::string_view kind, std::string_view profile, const MappingFile* mapping,
                           const std::vector<std::string>& header, const std::string& file_name);

  int index(std::string_view field) const;
  /// 1-based CSV column of a field (for error locations), 0 when absent.
  int column(std::string_view field) const { return index(field) + 1; }
  const std::vector<std::string>& header() const { return header_; }

 private:
  std::vector<std::pair<std::string, int>> indices_;
  std::vector<std::string> header_;
};

/// The names of the built-in profiles.
const std::vector<std::string>& profile_names();

}  // namespace otc::import
