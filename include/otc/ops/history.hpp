#pragma once
// `otc history CUSTOMER` and `otc customer CUSTOMER` (docs/collections.md, "The customer's account").
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// Every invoice, payment, application, credit, write-off, note, promise and dispute of the
/// customer dated from `since` through `as_of`, in date order (then by kind and id).
std::vector<store::CustomerEvent> customer_history(store::LedgerStore& store, const std::string& customer,
                                                   std::optional<core::Date> since, core::Date as_of);

/// One row of the customer view.
struct AccountLine {
  std::string section;      ///< summary, open_item, note, promise, dispute, dunning
  std::string item;         ///< what the row is (open_ar, unapplied_cash, credit_limit, ..., or an id)
  std::optional<core::Date> date;
  std::optional<core::Date> due_date;
  std::optional<int> age_days;
  std::string currency;
  int exponent = 2;
  std::optional<std::int64_t> amount;
  std::string status;
  std::string detail;
};

/// The customer's account as of a date: open items with their ages, unapplied cash, credit limit
/// and exposure, last payment, average days to pay, notes, promises, disputes, dunning history.
std::vector<AccountLine> customer_account(store::LedgerStore& store, const std::string& customer, core::Date as_of);

}  // namespace otc::ops
