#pragma once
// The AR facts the ledger holds, as plain structs (no behaviour, no IO).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::domain {

struct Customer {
  std::string external_id;
  std::string name;
  std::string currency;                 ///< default billing currency, may be empty
  std::optional<int> terms_days;
  std::optional<std::int64_t> credit_limit_minor;
  std::string email;
  std::string bank_account;
};

struct Invoice {
  std::string external_id;
  std::string customer_external_id;
  std::string customer_name;            ///< used only to create a customer seen for the first time
  core::Currency currency;
  core::Date invoice_date;
  core::Date due_date;
  std::int64_t total_minor = 0;
  std::string po_number;
  bool due_from_customer_terms = false;  ///< the row gave no due date or terms: use the customer's terms
};

struct Payment {
  std::string external_id;
  std::string customer_external_id;     ///< may be empty: unidentified cash
  std::string customer_name;
  core::Currency currency;
  core::Date received_date;
  std::int64_t amount_minor = 0;
  std::string method;
  std::string reference;
  std::string payer_name;
  std::string payer_account;
  std::string invoice_external_id;      ///< when the row names the invoice it pays
  std::optional<std::int64_t> applied_minor;  ///< amount of this row applied to that invoice (split payments)
  std::string bank_key;                 ///< natural key of the bank transaction it came from (apply-cash)
  std::string remittance;               ///< remittance references and text as read from the bank file
};

/// An invoice with a balance at some date, as the reports see it.
struct OpenItem {
  std::int64_t invoice_id = 0;
  std::int64_t customer_id = 0;
  std::string invoice_external_id;
  std::string customer_external_id;
  std::string customer_name;
  core::Currency currency;
  core::Date invoice_date;
  core::Date due_date;
  std::int64_t total_minor = 0;
  std::int64_t open_minor = 0;
};

/// An open item in the compact form aggregate reports need (OpenItemRun).
struct OpenAmount {
  std::int64_t invoice_id = 0;
  core::Date invoice_date;
  core::Date due_date;
  std::int64_t open_minor = 0;
};

/// One customer's open items in one currency at some date (BalancesStore::for_each_open_run):
/// `count` items at `items`, valid during the callback.
struct OpenItemRun {
  std::int64_t customer_id = 0;
  std::string_view customer_external_id;
  std::string_view customer_name;
  core::Currency currency;
  const OpenAmount* items = nullptr;
  std::size_t count = 0;
};

/// Unapplied cash or credit on a customer at some date.
struct UnappliedCredit {
  std::string customer_external_id;     ///< empty: cash not yet identified to a customer
  std::string customer_name;
  core::Currency currency;
  std::int64_t amount_minor = 0;        ///< positive
};

}  // namespace otc::domain
