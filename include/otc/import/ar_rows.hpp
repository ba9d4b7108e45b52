#pragma once
// Turns one mapped CSV row into a customer, invoice or payment record, collecting every problem
// with its column instead of stopping at the first.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "otc/domain/ar_records.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/mapping.hpp"

namespace otc::import {

/// A bad cell of the current row: its location (line text and caret) for a 1-based column; column 0
/// means the row as a whole (no column, no caret).
core::Issue issue_at(const CsvReader& row, int column, std::string message);

/// "CUST-1001 Acme Analytics, Inc." (NetSuite's entity field: the id, then the name) split into id
/// and name; a NetSuite hierarchy "Parent : Child" is read as its last part. nullopt when the first
/// word holds no digit or nothing follows it.
struct EntityText {
  std::string id;
  std::string name;
};
std::optional<EntityText> split_entity_text(std::string_view text);

/// How a row names its customer, for the importer's look-up: `customer_external_id` as read (or
/// split), and the text as it stood with its split, when it looks like "ID Name".
struct CustomerNaming {
  std::string text;                    ///< the cell as read
  std::optional<EntityText> split;     ///< "ID Name" read from it
  bool split_always = false;           ///< the profile writes "ID Name" (NetSuite): use the split
};

/// An invoices-file row: an invoice, or (negative amount, a credit memo type) a credit memo.
struct InvoiceRow : domain::Invoice {
  CustomerNaming naming;
  std::optional<std::int64_t> open_minor;  ///< open balance as of the import (positive)
  bool is_credit = false;                  ///< a credit memo: total_minor is its amount (positive)
  std::string type;                        ///< the transaction type as written
  std::string applies_to;                  ///< the invoice a credit memo names in a link column
  std::string memo;
  bool is_void = false;                    ///< status void: skipped
  bool currency_from_customer = false;     ///< no currency in the row or options: the customer's
};

struct PaymentRow : domain::Payment {
  CustomerNaming naming;
};

/// Looks a customer's currency up (ISO code, empty when unknown) by the row's customer id.
using CustomerCurrencyFn = std::function<std::string(const CustomerNaming&, std::string_view external_id)>;

class ArRowParser {
 public:
  ArRowParser(const ColumnMap& map, const InputSettings& settings);
  /// Value maps of the mapping file, the profile (entity splitting), and where a row without a
  /// currency finds one: `explicit_default` (--currency) before the customer's before the
  /// mapping file's.
  void configure(const MappingFile* mapping, std::string_view profile, bool explicit_default, CustomerCurrencyFn customer_currency);

  bool parse(const CsvReader& row, domain::Customer& out, std::vector<core::Issue>& issues) const;
  bool parse(const CsvReader& row, domain::Invoice& out, std::vector<core::Issue>& issues) const;
  bool parse(const CsvReader& row, InvoiceRow& out, std::vector<core::Issue>& issues) const;
  bool parse(const CsvReader& row, domain::Payment& out, std::vector<core::Issue>& issues) const;
  bool parse(const CsvReader& row, PaymentRow& out, std::vector<core::Issue>& issues) const;

 private:
  struct Col { int index; int column; const char* field; };
  Col col(const char* field) const;
  /// The cell of `c`, trimmed, after the mapping file's value map.
  std::string_view get(const CsvReader& row, const Col& c) const;
  bool currency(const CsvReader& row, core::Currency& out, std::vector<core::Issue>& issues,
                const CustomerNaming* naming = nullptr, std::string_view customer = {}) const;
  bool date(const CsvReader& row, const Col& c, core::Date& out, std::vector<core::Issue>& issues, bool required,
            bool& form_reported) const;
  CustomerNaming naming(const CsvReader& row, std::string& id, std::string& name, bool name_from_id) const;

  const ColumnMap& map_;
  InputSettings settings_;
  const MappingFile* mapping_ = nullptr;
  bool split_always_ = false;
  bool id_is_name_ = false;
  bool explicit_default_ = true;
  std::string mapping_currency_;
  CustomerCurrencyFn customer_currency_;
  /// Currency texts read lately and what they named (currency()).
  struct CurrencyMemo {
    char text[16] = {};
    std::size_t size = 0;  // 0: unused
    core::Currency currency;
  };
  mutable CurrencyMemo currency_memo_[8];
  mutable unsigned next_memo_ = 0;
  Col customer_id_, name_, customer_name_, currency_, terms_, credit_limit_, email_, bank_account_, invoice_id_,
      invoice_date_, due_date_, amount_, po_number_, payment_id_, payment_date_, applied_amount_, method_,
      reference_, payer_name_, payer_account_, open_amount_, type_, applies_to_, memo_, status_;
};

/// Parses payment terms: "30", "Net 30", "NET30", "2% 10 Net 30" (-> 30), "Due on receipt" (-> 0).
std::optional<int> parse_terms_days(std::string_view text);

/// Content fingerprints: the same record in another file or format hashes the same.
std::uint64_t content_hash(const domain::Customer& c);
std::uint64_t content_hash(const domain::Invoice& i);
std::uint64_t content_hash(const domain::Payment& p);

}  // namespace otc::import
