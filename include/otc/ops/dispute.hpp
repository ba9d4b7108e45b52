#pragma once
// `otc dispute open|resolve|list` (docs/collections.md, "Disputes"). A disputed amount is left
// out of dunning and of the work list's past due until the dispute is resolved; a `credit`
// outcome issues the credit memo through `invoice credit`'s path (ops::credit_invoice).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct DisputeOpen {
  std::string invoice, amount, reason, owner, note;
  core::Date date;
};

struct DisputeResult {
  bool changed = false;
  std::int64_t id = 0;
  std::string credit_memo;
  std::string note;
};

/// The reason codes: pricing, quantity, service, duplicate, tax, other.
const std::vector<std::string>& dispute_reasons();

DisputeResult open_dispute(store::LedgerStore& store, const Invocation& inv, const DisputeOpen& options);

struct DisputeResolve {
  std::int64_t id = 0;
  std::string outcome;             ///< credit | rebill | reject | paid
  std::string note;
  core::Date date;
};
DisputeResult resolve_dispute(store::LedgerStore& store, const Invocation& inv, const DisputeResolve& options);

struct DisputeRow {
  std::int64_t id = 0;
  std::string customer_id, customer_name, invoice;
  core::Currency currency;
  std::int64_t amount = 0;
  std::string reason, owner;
  core::Date opened_on;
  int age_days = 0;                ///< open: days since opened; resolved: days it was open
  std::string status;              ///< open | resolved (at the as-of date)
  std::string outcome;
  std::optional<core::Date> resolved_on;
  std::string credit_memo, note;
};

/// `status`: open, resolved or all.
std::vector<DisputeRow> list_disputes(store::LedgerStore& store, core::Date as_of, const std::string& status);

}  // namespace otc::ops
