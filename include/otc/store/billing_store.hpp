#pragma once
// The billing role of the ledger, with every record its methods take: include this to call it
// (the interface is in billing_role.hpp; LedgerStore has it as a role).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/domain/contract.hpp"
#include "otc/domain/usage.hpp"
#include "otc/engine/billing.hpp"
#include "otc/store/billing_role.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::store {

/// Everything billing needs about one customer: all versions of all its contract lines, its
/// usage, and the charges already billed. Memory holds one customer, never the book.
struct CustomerBook {
  std::string customer;                        ///< external id
  std::int64_t customer_id = 0;
  std::vector<domain::ContractLine> versions;  ///< grouped by contract line, lines in contract, line order
  /// Usage dated on or before the run's date, summed per (contract, line, metric, day) and in
  /// that order: the ledger stores each event id once, so the sums bill every event exactly once.
  std::vector<domain::UsageRecord> usage;
  std::vector<engine::BilledCharge> billed;    ///< charges on invoices that are neither void nor rebilled
};

/// One stored invoice line.
struct IssuedLine {
  int line_no = 0;
  std::string description;
  std::string product;
  std::string contract_id;
  std::string contract_line;
  std::optional<engine::ChargeKey> key;
  std::optional<core::Date> service_from, service_to;
  std::string quantity;        ///< decimal text
  std::string unit_price;      ///< decimal text, empty when the line has none
  std::int64_t amount = 0;     ///< before discount
  std::int64_t discount = 0;
  std::int64_t tax = 0;
  std::int64_t tax_rate_ppm = 0;
  std::int64_t credited = 0;   ///< credited by `invoice credit --line`
  std::int64_t total() const { return amount - discount + tax; }
};

/// Formats number `n` of a sequence: prefix + at least six digits ("INV-", 42 -> "INV-000042").
std::string format_document_number(std::string_view prefix, std::int64_t n);

}  // namespace otc::store
