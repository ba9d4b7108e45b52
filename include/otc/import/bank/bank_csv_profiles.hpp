#pragma once
// Bank CSV export profiles (`apply-cash --profile us-bank`) and the fields a `--map` file may name
// for a bank CSV. A profile says which headers feed which field before the synonym table is
// consulted, and how dates and amounts are written. See docs/bank-formats.md.
#include <string_view>
#include <vector>

namespace otc::import {

struct BankCsvProfile {
  std::string_view name;
  std::string_view summary;
  /// field -> header names (normalised: lower-case letters and digits) tried first, in order.
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> columns;
  std::string_view date_format;  ///< empty: detected from the file
  bool decimal_comma = false;
  char delimiter = 0;            ///< 0: detected from the header
  /// Lockbox files list one row per invoice a check pays: consecutive rows of the same check (date,
  /// check number, bank reference, amount, remitter) are one receipt with every row's reference.
  bool rows_per_invoice = false;
};

/// The bank CSV fields: date, value_date, amount, debit, credit, direction, currency,
/// bank_reference, end_to_end_id, payer_name, payer_account, description, reference, type, account.
const std::vector<std::string_view>& bank_csv_fields();
/// The built-in profiles: generic, us-bank, eu-bank (alias de-bank), lockbox (a delimited lockbox
/// file: one row per check and invoice).
const std::vector<BankCsvProfile>& bank_csv_profiles();
/// nullptr when unknown.
const BankCsvProfile* find_bank_csv_profile(std::string_view name);

}  // namespace otc::import
