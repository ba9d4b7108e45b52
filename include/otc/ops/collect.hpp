#pragma once
// `otc collect ...`: the work list, dunning, notes, promises, payment plans, write-offs
// (docs/collections.md). Each use case runs in one transaction and writes its audit entry.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/engine/dunning.hpp"
#include "otc/engine/promises.hpp"
#include "otc/import/collections_policy.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/report/dunning_email.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// What a write did, for stderr.
struct CollectResult {
  bool changed = false;
  std::string note;
  std::int64_t id = 0;
};

// ---- collect list ----
struct WorkListOptions {
  core::Date as_of;
  std::string owner;               ///< only this owner's rows; empty = all
};

struct WorkRow {
  int rank = 0;
  std::string customer_id, customer_name;
  core::Currency currency;
  std::int64_t past_due = 0;       ///< undisputed past due
  int oldest_days = 0;
  std::int64_t disputed_open = 0;  ///< open disputes (amount) on the account's open invoices
  std::string promise_status;      ///< of the latest promise: due, kept, broken; "" none
  std::optional<core::Date> promise_date;
  std::int64_t promise_amount = 0;
  int dunning_level = 0;           ///< reached in the current cycle
  std::optional<int> next_dunning_level;
  std::optional<core::Date> last_contact_date;
  std::string last_contact_type;
  std::string owner;
  std::string credit_hold;
  int score = 0;
  std::string reasons;             ///< "; "-joined
};

struct WorkListResult {
  std::vector<WorkRow> rows;       ///< in priority order
  std::vector<std::string> escalated;  ///< "CUSTOMER CCY -> OWNER (rule)" applied by this run
};

/// The prioritised work list; applies the policy's escalation rules (recorded and audited once
/// per customer, currency and rule).
WorkListResult collect_list(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                            const WorkListOptions& options);

// ---- collect dunning ----
struct DunningOptions {
  core::Date as_of;
  bool dry_run = false;
};

struct DunningRow {
  std::string customer_id, customer_name, email;
  core::Currency currency;
  std::int64_t past_due = 0;
  std::int64_t disputed_past_due = 0;
  int oldest_days = 0;
  int level_before = 0;
  int level = 0;                   ///< the level sent (or that would be)
  engine::DunningAction action = engine::DunningAction::kNothingNew;
  std::string channel, template_name;
  std::string file_name;           ///< of the .eml (sent rows)
  std::string message;             ///< the .eml (sent rows)
};

struct DunningResult {
  std::vector<DunningRow> rows;    ///< sent and skipped, by customer and currency
  int sent = 0, skipped = 0, unchanged = 0;
};

/// Dunning as of a date: one notice per customer and currency whose level went up. `write`
/// gets the result before the commit (it writes the files and the report); a dry run commits nothing.
DunningResult collect_dunning(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                              const DunningOptions& options, const std::function<void(const DunningResult&)>& write);

// ---- collect note ----
struct NoteOptions {
  std::string customer, text, invoice;
  std::string kind = "call";       ///< call | email | meeting | letter
  core::Date date;
};
CollectResult collect_note(store::LedgerStore& store, const Invocation& inv, const NoteOptions& options);

// ---- collect promise / plan / promises ----
struct PromiseOptions {
  std::string customer;
  std::string amount;              ///< as typed
  core::Date due_date;             ///< --date: the day it will be paid by
  core::Date made_on;              ///< --as-of or today
  std::vector<std::string> invoices;
  std::string currency;            ///< when the customer has open items in several
};
CollectResult collect_promise(store::LedgerStore& store, const Invocation& inv, const PromiseOptions& options);

struct PlanOptions {
  std::string customer;
  int installments = 0;
  std::string every;               ///< month | week
  core::Date first;
  std::string amount;              ///< total; empty = the customer's open balance in the currency
  core::Date made_on;
  std::string currency;
};
CollectResult collect_plan(store::LedgerStore& store, const Invocation& inv, const PlanOptions& options);

/// Splits a plan total into `n` installments that add up to it (the remainder on the first ones).
std::vector<std::int64_t> split_installments(std::int64_t total, int n);

struct PromiseRow {
  std::int64_t id = 0;
  std::string customer_id, customer_name;
  core::Currency currency;
  std::int64_t amount = 0, paid = 0;
  core::Date made_on, due_date;
  std::string status;
  std::optional<core::Date> kept_on;
  std::string invoices;
  std::optional<std::int64_t> plan_id;
  int installment = 0;
};
std::vector<PromiseRow> collect_promises(store::LedgerStore& store, core::Date as_of,
                                         std::optional<engine::PromiseStatus> status);

// ---- collect write-off ----
struct WriteOffOptions {
  std::string invoice, amount, reason, approved_by;
  core::Date date;
};
CollectResult collect_write_off(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                                const WriteOffOptions& options);

}  // namespace otc::ops
