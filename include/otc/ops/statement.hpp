#pragma once
// `otc statement` and `otc statement receipt`: statements of account and payment confirmations,
// built in one read transaction from each customer's facts (engine::build_statement,
// engine::build_receipt); the command writes them. The seller block comes from the seller profile.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "otc/engine/statement.hpp"
#include "otc/import/seller_profile.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/report/invoice_html.hpp"
#include "otc/report/statement_html.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct StatementOptions {
  std::vector<std::string> customers;   ///< customer ids; empty with `all`
  bool all = false;                     ///< every customer with something to show
  core::Date as_of;
  std::optional<core::Date> since;      ///< set: activity statements
  engine::AgingBuckets buckets;
};

/// Calls `on_statement` for each statement, by customer id (as given, or sorted for `all`).
/// Throws core::Error(kNotFound) naming an unknown customer before anything is produced.
/// With `all`, customers with nothing open and nothing posted in the period are left out.
std::size_t statements(store::LedgerStore& store, const StatementOptions& options,
                       const std::function<void(const engine::Statement&)>& on_statement);

/// The payment confirmation of one payment as of `as_of`; throws kNotFound for an unknown payment.
engine::Receipt receipt(store::LedgerStore& store, const std::string& payment_id, core::Date as_of);

/// The seller profile `otc init --seller-file` stored in the ledger: (text, file name).
std::optional<std::pair<std::string, std::string>> stored_seller_profile(store::LedgerStore& store);

/// Stores the seller profile (validated first: a bad file changes nothing), audited. Returns false
/// when the same text was stored already.
bool store_seller_profile(store::LedgerStore& store, const Invocation& invocation, const std::string& file_name,
                          const std::string& text, const std::string& sha256);

/// The seller block invoices and statements share, and the statement's texts, from a profile.
std::pair<report::SellerInfo, report::StatementTexts> seller_block(const import::SellerProfile& profile);

}  // namespace otc::ops
