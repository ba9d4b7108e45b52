#pragma once
// The one entry point for bank and payment files: BAI2, SWIFT MT940/MT942, ISO 20022 camt.053/054,
// NACHA ACH, BAI lockbox and generic CSV bank exports. Each reader yields domain::BankTransaction
// rows plus the file's own control totals, checked. See docs/bank-formats.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/error.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/bank_transaction.hpp"
#include "otc/import/mapping.hpp"

namespace otc::import {

/// kCamt052 is the intraday account report (BkToCstmrAcctRpt): read like camt.053, reported as its
/// own kind (its balances are interim; its entries may still be pending).
enum class BankFormat { kAuto, kCsv, kBai2, kMt940, kMt942, kCamt053, kCamt054, kNacha, kLockbox, kCamt052 };

/// "auto", "csv", "bai2", "mt940", "mt942", "camt052", "camt053", "camt054", "nacha", "lockbox".
std::string_view bank_format_name(BankFormat format);
/// Inverse of bank_format_name (case-insensitive; also accepts "camt.053", "ach", "bai"). nullopt when unknown.
std::optional<BankFormat> parse_bank_format(std::string_view name);

/// Guesses the format from the first bytes of a file (a few KiB are enough). Returns kAuto when
/// the content matches no format. Rules, in order: XML with a camt.053/camt.054 namespace; a first
/// record "01," (BAI2); a 94-character "1" record with record size 094 (NACHA); a "1" record followed
/// by a "2" service record (lockbox); SWIFT block 2 "940"/"942" or a ":20:" tag (MT942 when it has
/// :34F:/:13D: and no :60F:, else MT940); a delimited header naming a date and an amount (CSV).
BankFormat detect_bank_format(std::string_view first_bytes);

/// One control total or count that the file declares, compared with what the reader computed.
struct ControlCheck {
  std::string what;             ///< e.g. "BAI2 account trailer 49 total", "MT940 opening+movements=closing"
  std::int64_t expected = 0;    ///< what the file's control record/balance says (minor units or a count)
  std::int64_t actual = 0;      ///< what the reader computed from the file's records
  core::Currency currency;      ///< for amounts; code "\0\0\0" (empty view) for counts
  bool ok = true;
  core::SourceLocation location;  ///< the control record (trailer, closing balance) that was checked
  bool is_count() const { return currency.code[0] == '\0'; }
};

struct BankReadOptions {
  /// Strict (false): a failed control check or malformed record throws core::Error naming FILE:LINE.
  /// Lenient (true): the file is read as far as possible and each problem is listed in `tolerated`.
  bool lenient = false;
  /// Currency for formats that do not carry one: NACHA, lockbox, BAI2 groups without currency, CSV
  /// files without a currency column.
  std::string default_currency = "USD";
  /// CSV only: field delimiter; 0 detects ',', ';' or TAB from the header line.
  char csv_delimiter = 0;
  /// CSV only: date format of the date columns (ISO when default-constructed).
  core::DateFormat csv_date_format;
  /// CSV only: amounts written as 1.234,56. When false and no profile or map says otherwise, the
  /// decimal mark is detected from the amounts when unambiguous; so is the date order when
  /// csv_date_format is ISO and the dates are not.
  bool csv_decimal_comma = false;
  /// CSV only: a bank CSV profile (bank_csv_profiles.hpp: generic, us-bank, eu-bank); empty = generic.
  std::string csv_profile;
  /// CSV only: a mapping file (`field = Header Name`, date_format, decimal_comma, delimiter,
  /// currency) on top of the profile; fields are those of bank_csv_fields().
  std::optional<MappingFile> csv_mapping;
};

struct BankReadResult {
  BankFormat format = BankFormat::kAuto;  ///< the format actually read (detected when kAuto was asked)
  std::vector<domain::BankTransaction> transactions;
  std::vector<ControlCheck> checks;
  /// "FILE:LINE: what was accepted": deviations that are always accepted (e.g. a short NACHA record)
  /// and, in lenient mode, every problem that strict mode would have rejected.
  std::vector<std::string> tolerated;

  bool all_checks_ok() const {
    for (const auto& c : checks) if (!c.ok) return false;
    return true;
  }
};

/// Reads a bank file ("-" is stdin). `format` kAuto detects it from the content. Throws core::Error
/// (kind kInput, location FILE:LINE) on unreadable files, unknown formats, malformed records and, in
/// strict mode, on failed control checks.
BankReadResult read_bank_file(const std::string& path, BankFormat format, const BankReadOptions& opts = {});

/// Same as read_bank_file on bytes already in memory; `name` is used in locations and source_file.
BankReadResult read_bank_data(const std::string& name, std::string_view data, BankFormat format,
                              const BankReadOptions& opts = {});

}  // namespace otc::import
