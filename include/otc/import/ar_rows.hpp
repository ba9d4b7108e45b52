#pragma once
// Turns one mapped CSV row into a customer, invoice or payment record, collecting every problem
// with its column instead of stopping at the first.
#include <cstdint>
#include <string>
#include <vector>

#include "otc/domain/ar_records.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/mapping.hpp"

namespace otc::import {

/// A bad cell of the current row: its location (line text and caret) for a 1-based column; column 0
/// means the row as a whole (no column, no caret).
core::Issue issue_at(const CsvReader& row, int column, std::string message);

class ArRowParser {
 public:
  ArRowParser(const ColumnMap& map, const InputSettings& settings);

  bool parse(const CsvReader& row, domain::Customer& out, std::vector<core::Issue>& issues) const;
  bool parse(const CsvReader& row, domain::Invoice& out, std::vector<core::Issue>& issues) const;
  bool parse(const CsvReader& row, domain::Payment& out, std::vector<core::Issue>& issues) const;

 private:
  struct Col { int index; int column; };
  Col col(const char* field) const;
  bool currency(const CsvReader& row, core::Currency& out, std::vector<core::Issue>& issues) const;

  const ColumnMap& map_;
  InputSettings settings_;
  Col customer_id_, name_, customer_name_, currency_, terms_, credit_limit_, email_, bank_account_, invoice_id_,
      invoice_date_, due_date_, amount_, po_number_, payment_id_, payment_date_, applied_amount_, method_,
      reference_, payer_name_, payer_account_;
};

/// Parses payment terms: "30", "Net 30", "NET30", "2% 10 Net 30" (-> 30), "Due on receipt" (-> 0).
std::optional<int> parse_terms_days(std::string_view text);

/// Content fingerprints: the same record in another file or format hashes the same.
std::uint64_t content_hash(const domain::Customer& c);
std::uint64_t content_hash(const domain::Invoice& i);
std::uint64_t content_hash(const domain::Payment& p);

}  // namespace otc::import
