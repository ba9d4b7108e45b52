#pragma once
// The cash role of the ledger: payments, their applications to invoices, adjustments without
// cash, returned items, the bank keys already posted and the suggestions kept for unapplied cash.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/ar_records.hpp"
#include "otc/store/records.hpp"

namespace otc::store {

struct PaymentRef {
  std::int64_t id = 0;
  std::optional<std::int64_t> customer_id;
  core::Currency currency;
  core::Date received_date;
  std::int64_t unapplied_minor = 0;
  bool reversed = false;
};

struct ApplicationDraft {
  std::int64_t invoice_id = 0;
  std::int64_t payment_id = 0;
  std::int64_t amount_minor = 0;
  core::Date applied_on;
  std::string rule = "import";
  int confidence = 100;
  std::int64_t batch_id = 0;
  std::int64_t reverses_id = 0;   ///< for an unapply/reversal: the application it reverses
  std::string note;
};

/// An application as posted (for unapply and reversal).
struct ApplicationRecord {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  std::string invoice_external_id;
  std::int64_t payment_id = 0;
  std::string payment_external_id;
  std::int64_t amount_minor = 0;
  core::Date applied_on;
  bool reversed = false;          ///< a later application reverses it
};

struct PaymentCandidate {
  std::int64_t id = 0;
  std::string external_id;
  std::string reference;
  std::string payer_account;
  std::string bank_key;
  core::Date received_date;
};

struct Suggestion {
  std::string kind;               ///< invoice | customer
  std::string target;             ///< invoice number or customer id
  int score = 0;
  std::string why;
};

class CashStore {
 public:
  virtual ~CashStore() = default;

  // Payments and applications.
  virtual PutResult put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id,
                                std::uint64_t content_hash, std::int64_t batch_id, long source_line) = 0;
  virtual std::optional<PaymentRef> find_payment(std::string_view external_id) = 0;
  virtual bool has_application(std::int64_t payment_id, std::int64_t invoice_id) = 0;
  /// Posts an application and keeps the invoice's open balance and the payment's unapplied amount current.
  virtual std::int64_t apply(const ApplicationDraft& draft) = 0;

  // Cash application.
  virtual bool bank_key_exists(std::string_view bank_key) = 0;
  /// Reduces an invoice's balance without cash (deduction, write-off) and keeps it current.
  virtual void add_adjustment(std::int64_t invoice_id, std::string_view kind, std::string_view reason_code,
                              std::int64_t amount_minor, core::Date date, std::int64_t batch_id) = 0;
  virtual std::vector<ApplicationRecord> applications_of_payment(std::int64_t payment_id) = 0;
  virtual std::optional<ApplicationRecord> find_application(std::int64_t application_id) = 0;
  /// Marks a payment returned (NSF, chargeback): its remaining unapplied cash leaves the ledger.
  virtual void mark_payment_reversed(std::int64_t payment_id, core::Date on, std::string_view reason) = 0;
  virtual void set_payment_customer(std::int64_t payment_id, std::int64_t customer_id) = 0;
  virtual void replace_suggestions(std::int64_t payment_id, const std::vector<Suggestion>& suggestions) = 0;
  /// Posted (not reversed) payments of exactly this amount and currency received from..to,
  /// for tying a returned item to the payment it returns.
  virtual std::vector<PaymentCandidate> payments_with_amount(std::int64_t amount_minor, const core::Currency& currency,
                                                             core::Date from, core::Date to) = 0;
};

}  // namespace otc::store
