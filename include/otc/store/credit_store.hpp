#pragma once
// The credit role of the ledger: credit limits and review dates, manual holds and releases (an
// append-only history), the seller profile kept by `otc init --seller-file`, and the raw facts of
// one customer or payment that statements, receipts, the KPIs and the risk score are built from.
// Facts only: what a balance is at a date, whether a customer is held, is decided in engines.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::store {

/// A customer as credit control sees it: its imported limit (in its default currency) and e-mail.
struct CreditCustomer {
  std::int64_t id = 0;
  std::string external_id;
  std::string name;
  std::string currency;                         ///< default billing currency, may be empty
  std::optional<std::int64_t> imported_limit;   ///< customers file `credit_limit`, minor units of `currency`
  std::string email;
  std::optional<int> terms_days;
};

/// A limit set by `otc credit set` (overrides the imported one for its currency).
struct CreditLimitRecord {
  std::int64_t customer_id = 0;
  core::Currency currency;
  std::int64_t limit_minor = 0;
  std::optional<core::Date> review_by;
  core::Date set_on;
};

/// One manual hold or release, as recorded.
struct CreditHoldEvent {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string action;                           ///< hold | release
  core::Date effective_on;
  std::optional<core::Date> until;              ///< release: automatic holds are overridden through this day
  std::string reason;
  std::string at;                               ///< UTC timestamp written
};

/// An invoice of one customer with what happened to it (a void), for statements.
struct InvoiceFact {
  std::int64_t id = 0;
  std::string external_id;
  core::Currency currency;
  core::Date invoice_date, due_date;
  std::int64_t total_minor = 0;
  std::optional<core::Date> void_on;            ///< voided on this day (open until then)
  std::string po_number;
};

/// A payment received, for statements and receipts.
struct PaymentFact {
  std::int64_t id = 0;
  std::string external_id;
  std::string customer_external_id;             ///< empty: unidentified
  std::string customer_name;
  core::Currency currency;
  core::Date received_date;
  std::int64_t amount_minor = 0;
  std::string method, reference, payer_name;
  std::optional<core::Date> reversed_on;
  std::string reverse_reason;
  bool return_record = false;                   ///< apply-cash's record of a returned item, not money received
};

/// An application of cash or a credit memo to an invoice (negative: an unapply or reversal).
struct ApplicationFact {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  std::string invoice_external_id;
  core::Date invoice_date;
  std::int64_t payment_id = 0;                  ///< 0 for a credit memo
  std::string payment_external_id;
  core::Date payment_received;
  std::int64_t credit_memo_id = 0;
  std::string credit_memo_external_id;
  std::string credit_memo_reason;
  core::Currency currency;
  std::int64_t amount_minor = 0;
  core::Date applied_on;
  std::int64_t reverses_id = 0;
  std::string note;
};

/// A balance change without cash: write-off, deduction, other.
struct AdjustmentFact {
  std::int64_t invoice_id = 0;
  std::string invoice_external_id;
  core::Currency currency;
  std::string kind, reason_code, note;
  std::int64_t amount_minor = 0;
  core::Date date;
};

/// Everything posted for one customer (every date; engines pick what counts at a date).
struct CustomerFacts {
  CreditCustomer customer;
  std::vector<InvoiceFact> invoices;            ///< by date, id
  std::vector<PaymentFact> payments;            ///< by received date, id
  std::vector<ApplicationFact> applications;    ///< by applied date, id
  std::vector<AdjustmentFact> adjustments;      ///< by date
};

/// A cash application with its customer, for the KPIs (days to pay, collected).
struct CashApplicationFact {
  std::int64_t customer_id = 0;
  const std::string* customer_external_id = nullptr;  ///< valid during the callback
  const std::string* customer_name = nullptr;
  core::Currency currency;
  core::Date invoice_date, received_date, applied_on;
  std::int64_t amount_minor = 0;
};

class CreditStore {
 public:
  virtual ~CreditStore() = default;

  /// Every customer, by external id.
  virtual std::vector<CreditCustomer> credit_customers() = 0;
  virtual std::optional<CreditCustomer> credit_customer(std::string_view external_id) = 0;
  /// Limits set by `credit set`, by customer then currency.
  virtual std::vector<CreditLimitRecord> credit_limits() = 0;
  /// Inserts or replaces the (customer, currency) limit.
  virtual void put_credit_limit(const CreditLimitRecord& r) = 0;
  /// Manual holds and releases, by customer, date, id.
  virtual std::vector<CreditHoldEvent> credit_hold_events() = 0;
  virtual void add_credit_hold_event(const CreditHoldEvent& e) = 0;

  /// The seller profile stored by `otc init --seller-file` (its text and the file's name), if any.
  virtual std::optional<std::pair<std::string, std::string>> seller_profile() = 0;
  virtual void put_seller_profile(std::string_view file_name, std::string_view text) = 0;

  /// Every fact of one customer.
  virtual CustomerFacts customer_facts(std::int64_t customer_id) = 0;
  /// One payment by its external id, with its applications (by date, id).
  virtual std::optional<PaymentFact> payment_fact(std::string_view external_id,
                                                  std::vector<ApplicationFact>* applications) = 0;
  /// Cash applications (not credit memos) dated from..to, also negative ones (unapplies, reversals).
  virtual void for_each_cash_application(core::Date from, core::Date to,
                                         const std::function<void(const CashApplicationFact&)>& fn) = 0;
  /// Payments reversed (returned: NSF, chargeback) from..to, per customer id: how many.
  virtual std::vector<std::pair<std::int64_t, int>> reversed_payment_counts(core::Date from, core::Date to) = 0;
};

}  // namespace otc::store
