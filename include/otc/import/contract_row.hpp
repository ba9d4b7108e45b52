#pragma once
// One contract CSV row, already split into fields by canonical name, into a ContractLine.
// The importer maps its file's columns (profile or --map) to these names and passes each field's
// text with the 1-based CSV column it came from, so errors point at FILE:LINE:COLUMN.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/core/error.hpp"
#include "otc/domain/contract.hpp"
#include "otc/domain/usage.hpp"

namespace otc::import {

/// A field's text and the CSV column (1-based) it came from; column 0 = the file has no such column.
struct ContractField {
  std::string_view text;
  int column = 0;
};

/// The fields of a contract row by canonical column name (docs/billing.md lists them).
struct ContractRowFields {
  ContractField contract_id, line_id, customer, product, metric, description;
  ContractField start_date, end_date, effective_date;
  ContractField frequency, timing, anchor_day;
  ContractField price_model, price_per, unit_price, tiers, quantity;
  ContractField discount, discount_until;
  ContractField currency, tax_rate, net_days;
};

struct ContractRowContext {
  std::string file;             ///< for error locations
  long line = 0;                ///< physical line of the row (CsvReader::line())
  core::DateFormat date_format; ///< ISO unless the user declared one
  core::AmountStyle amount_style;
};

/// Parses one row. With `previous` (the line's version before this amendment), blank fields keep
/// the previous version's value; without it, blank optional fields take their defaults.
/// Throws otc::core::Error (kInput) at {file, line, column of the offending field}.
domain::ContractLine parse_contract_row(const ContractRowFields& row, const ContractRowContext& context,
                                        const domain::ContractLine* previous = nullptr);

/// The fields of a contract row: `field(name)` gives each canonical column's text and column.
ContractRowFields contract_row_fields(const std::function<ContractField(std::string_view name)>& field);

/// Fingerprint of a contract line version as parsed (not where it came from).
std::uint64_t content_hash(const domain::ContractLine& version);

/// The fields of a usage row by canonical column name.
struct UsageRowFields {
  ContractField event_id, contract_id, line_id, customer, metric, quantity, usage_date;
};
UsageRowFields usage_row_fields(const std::function<ContractField(std::string_view name)>& field);

/// Parses one usage row into `record` (reusing its memory): event id, names, date and quantity.
/// Appends each problem to `issues` at {context.file, context.line, the field's column}; the
/// record is good when none was added. Whether the contract or customer exists is the importer's
/// question (it needs the ledger).
void parse_usage_row(const UsageRowFields& row, const ContractRowContext& context, domain::UsageRecord& record,
                     std::vector<core::Issue>& issues);

/// Parses a tier table "100:1.00;1000:0.80;inf:0.50": tiers separated by ';', each
/// UP_TO:UNIT_PRICE, bounds strictly increasing, the last one "inf". On failure returns nullopt and
/// sets `error` to the reason.
std::optional<std::vector<domain::PriceTier>> parse_tier_table(std::string_view text, std::string& error,
                                                               core::AmountStyle style = {});

/// Parses a percentage "8.875", "8.875%", "15 %" into parts per million (88'750); at most four
/// decimals, 0..100.
std::optional<std::int64_t> parse_percent(std::string_view text, core::AmountStyle style = {});

}  // namespace otc::import
