#pragma once
// The collections book: every customer's accounts (one per currency) as of a date — open items
// with their disputed parts, past due, promises with their status, dunning level reached, last
// contact, owner. Read inside the caller's transaction; collect list, dunning, promises and the
// customer view all start from it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/engine/collections.hpp"
#include "otc/engine/dunning.hpp"
#include "otc/engine/promises.hpp"
#include "otc/import/collections_policy.hpp"
#include "otc/store/billing_role.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct PromiseView {
  store::PromiseRecord record;
  engine::PromiseOutcome outcome;
};

struct Account {
  store::CustomerContact customer;
  core::Currency currency;
  std::vector<engine::CollectionItem> items;   ///< open invoices, by due date then number
  engine::PastDue past_due;
  std::vector<PromiseView> promises;           ///< by due date, id
  std::vector<store::DunningRecord> notices;   ///< sent on or before the date
  int reached_level = 0;
  std::optional<store::NoteRecord> last_contact;  ///< of the customer (any currency)
  std::string owner;                           ///< the latest escalation's owner, else the policy's default
  bool escalated = false;

  /// The latest promise (by due date), if any.
  const PromiseView* latest_promise() const { return promises.empty() ? nullptr : &promises.back(); }
  bool promise_due() const;
};

struct CollectionsBook {
  core::Date as_of;
  std::vector<Account> accounts;               ///< by customer external id, currency
  std::vector<store::DisputeRecord> disputes;  ///< opened on or before the date (all, resolved too)
  std::map<std::int64_t, store::CustomerContact> customers;
};

/// A dispute is open at `d` when opened on or before it and not resolved by it.
bool dispute_open_at(const store::DisputeRecord& d, core::Date as_of);

/// Reads the book as of `as_of` (inside the caller's transaction). Customers with neither open
/// items nor promises have no account.
CollectionsBook read_collections_book(store::LedgerStore& store, core::Date as_of, const import::CollectionsPolicy& policy);

/// The open invoice a collections action names, refused when unknown, not open, or dated after
/// `date` (the action's date). Inside the caller's transaction.
store::IssuedInvoice open_invoice_on(store::LedgerStore& store, const std::string& invoice, core::Date date);
/// `--amount` as a positive amount in `currency`; a usage error otherwise.
std::int64_t positive_amount_option(const std::string& text, const core::Currency& currency);
/// The credit-hold column of the work list: "no" until the credit commands (issue 10) keep holds.
std::string credit_hold_text(store::LedgerStore& store, std::int64_t customer_id, core::Date as_of);

}  // namespace otc::ops
