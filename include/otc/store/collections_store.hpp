#pragma once
// The collections role of the ledger: contact notes, promises to pay and payment plans, disputes,
// dunning notices, escalations, write-off approvals, and the reads collections needs (customer
// contacts, cash applied, a customer's events). Facts only: what they mean at a date (a promise
// kept, a dispute open, a level reached) is decided in src/engine/{promises,dunning,collections}.cpp.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::store {

/// A customer as collections sees it.
struct CustomerContact {
  std::int64_t id = 0;
  std::string external_id;
  std::string name;
  std::string email;                          ///< empty: no address
  std::optional<std::int64_t> credit_limit;   ///< minor units of the customer's currency
  std::string currency;                       ///< the customer's billing currency, may be empty
  std::optional<int> terms_days;
};

struct NoteRecord {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> invoice_id;
  std::string invoice;                        ///< invoice number, empty when none
  core::Date date;
  std::string kind;                           ///< call | email | meeting | letter
  std::string text;
};

struct PromiseRecord {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  core::Currency currency;
  std::int64_t amount_minor = 0;
  core::Date made_on;
  core::Date due_date;
  std::vector<std::int64_t> invoice_ids;      ///< empty: the customer's account in the currency
  std::string invoices;                       ///< the invoice numbers, comma separated
  std::optional<std::int64_t> plan_id;
  int installment = 0;                        ///< 1-based within its plan
};

struct PlanDraft {
  std::int64_t customer_id = 0;
  core::Currency currency;
  std::int64_t total_minor = 0;
  int installments = 0;
  std::string every;                          ///< month | week
  core::Date first_date;
  core::Date made_on;
};

struct DisputeRecord {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  std::string invoice;                        ///< invoice number
  std::int64_t customer_id = 0;
  core::Currency currency;
  std::int64_t amount_minor = 0;
  std::string reason;
  std::string owner;
  core::Date opened_on;
  std::string note;
  std::optional<core::Date> resolved_on;
  std::string outcome;
  std::string resolution_note;
  std::string credit_memo;
};

struct DunningRecord {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  core::Currency currency;
  int level = 0;
  core::Date sent_on;
  std::string template_name;
  std::string channel;
  std::string file_name;
  std::int64_t past_due_minor = 0;
  std::vector<std::int64_t> invoice_ids;      ///< the invoices the notice listed
};

struct EscalationRecord {
  std::int64_t customer_id = 0;
  core::Currency currency;
  std::string rule;
  std::string owner;
  core::Date escalated_on;
};

/// One application of cash (not credit) to an invoice, as promises count it.
struct CashApplied {
  std::int64_t invoice_id = 0;
  std::int64_t customer_id = 0;
  core::Currency currency;
  core::Date date;
  std::int64_t amount_minor = 0;              ///< negative for an unapply / reversal
};

/// One fact in a customer's history (`otc history`).
struct CustomerEvent {
  core::Date date;
  std::string kind;         ///< invoice, payment, application, unapply, credit, write-off, adjustment, note, promise, dispute, dispute-resolved, dunning
  std::string id;           ///< the id a person types: invoice/payment/credit memo number, application id, dispute id
  std::string document;     ///< the other document involved (the invoice an application pays, ...)
  std::string currency;
  int exponent = 2;
  std::optional<std::int64_t> amount_minor;
  std::string detail;
  std::optional<core::Date> invoice_date;  ///< applications: the date of the invoice paid
};

class CollectionsStore {
 public:
  virtual ~CollectionsStore() = default;

  virtual std::optional<CustomerContact> find_customer_contact(std::string_view external_id) = 0;
  virtual void for_each_customer_contact(const std::function<void(const CustomerContact&)>& fn) = 0;

  /// Adds a note; nullopt when the same (customer, date, kind, text) is already there.
  virtual std::optional<std::int64_t> add_note(const NoteRecord& note) = 0;
  /// Notes dated on or before `as_of`, by date then id; of one customer when given.
  virtual std::vector<NoteRecord> notes(core::Date as_of, std::optional<std::int64_t> customer_id) = 0;

  /// Adds a promise; nullopt when the same one (customer, currency, amount, date, invoices, plan) exists.
  virtual std::optional<std::int64_t> add_promise(const PromiseRecord& promise) = 0;
  /// Adds a plan; returns its id and whether it is new (false: the same plan was there).
  virtual std::pair<std::int64_t, bool> add_plan(const PlanDraft& plan) = 0;
  /// Promises made on or before `as_of`, by customer, due date, id.
  virtual std::vector<PromiseRecord> promises(core::Date as_of) = 0;

  virtual std::int64_t add_dispute(const DisputeRecord& dispute) = 0;
  virtual std::optional<DisputeRecord> find_dispute(std::int64_t id) = 0;
  /// The dispute with the same invoice, date, amount and reason (idempotency).
  virtual std::optional<DisputeRecord> find_same_dispute(std::int64_t invoice_id, core::Date opened_on,
                                                         std::int64_t amount_minor, std::string_view reason) = 0;
  virtual void resolve_dispute(std::int64_t id, core::Date on, std::string_view outcome, std::string_view note,
                               std::string_view credit_memo) = 0;
  /// Disputes opened on or before `as_of` (resolution facts are returned as stored: the caller
  /// compares resolved_on with its date), by id.
  virtual std::vector<DisputeRecord> disputes(core::Date as_of) = 0;

  virtual std::int64_t add_dunning(const DunningRecord& notice) = 0;
  /// Notices sent on or before `as_of`, by customer, currency, date, level.
  virtual std::vector<DunningRecord> dunning_notices(core::Date as_of) = 0;

  /// Adds an escalation; false when the rule was already applied to the customer and currency.
  virtual bool add_escalation(const EscalationRecord& e) = 0;
  /// Escalations dated on or before `as_of`, by date then id.
  virtual std::vector<EscalationRecord> escalations(core::Date as_of) = 0;

  /// Cash applications (payments, not credit memos; unapplies negative) dated on or before `as_of`.
  virtual std::vector<CashApplied> cash_applied(core::Date as_of) = 0;

  /// The write-off adjustment with exactly these facts (amount < 0: any amount), when posted (idempotency).
  virtual std::optional<std::int64_t> find_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount_minor,
                                                     std::string_view reason) = 0;
  /// Posts a write-off (an adjustment of kind write_off, refused in a closed period) and its approver.
  virtual std::int64_t post_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount_minor,
                                      std::string_view reason, std::string_view approved_by) = 0;

  /// Everything that happened to a customer, unsorted (`otc history`, `otc customer`).
  virtual std::vector<CustomerEvent> customer_events(std::int64_t customer_id) = 0;
};

}  // namespace otc::store
