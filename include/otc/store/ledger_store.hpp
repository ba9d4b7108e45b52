#pragma once
// The ledger as commands and import see it: a backend-neutral interface. SQLite implements it
// (sqlite_store.hpp); a server database can implement it later without touching commands or engines.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/ar_records.hpp"

namespace otc::store {

/// Schema version this program writes; a ledger with a newer one is refused.
inline constexpr int kSchemaVersion = 1;
/// PRAGMA application_id marking a file as an otc ledger ("OTC1").
inline constexpr std::int32_t kApplicationId = 0x4F544331;

struct BatchInfo {
  std::int64_t id = 0;
  std::string file_name;
  std::string created_at;
  std::int64_t rows_added = 0;
};

enum class PutOutcome { kInserted, kUnchanged, kConflict };

/// Result of storing a record keyed by its external id.
struct PutResult {
  PutOutcome outcome = PutOutcome::kInserted;
  std::int64_t id = 0;
  std::string existing_file;  ///< for a conflict: where the stored record came from
  long existing_line = 0;
};

struct InvoiceRef {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  core::Currency currency;
  core::Date invoice_date;
  std::int64_t open_minor = 0;
};

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

/// A customer as cash matching sees it.
struct CustomerRecord {
  std::int64_t id = 0;
  std::string external_id;
  std::string name;
  std::string bank_account;
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

/// A payment with cash still unapplied.
struct UnappliedPayment {
  std::int64_t id = 0;
  std::string external_id;
  std::string customer_external_id;
  std::string customer_name;
  core::Currency currency;
  core::Date received_date;
  std::int64_t amount_minor = 0;
  std::int64_t unapplied_minor = 0;
  std::string payer_name;
  std::string reference;
  std::string remittance;
  std::string suggestions;        ///< "rank. target (score): why" joined by " | "
};

struct Suggestion {
  std::string kind;               ///< invoice | customer
  std::string target;             ///< invoice number or customer id
  int score = 0;
  std::string why;
};

struct AuditEntry {
  std::string command;
  std::string action;       ///< e.g. "import", "apply", "reverse"
  std::string entity;       ///< e.g. "invoices"
  std::string entity_id;
  std::string detail;
  std::string file_name;
  std::string sha256;
  std::int64_t batch_id = 0;
};

/// One audit-log row as read back.
struct AuditRecord {
  std::int64_t id = 0;
  std::string at;
  AuditEntry entry;
};

/// What moved AR in a period, per currency: the roll-forward's components.
struct PeriodMovements {
  core::Currency currency;
  std::int64_t invoiced = 0;      ///< invoice totals dated in the period
  std::int64_t collected = 0;     ///< cash applications dated in the period (net of unapplies)
  std::int64_t credited = 0;      ///< credit-memo applications and non-write-off adjustments
  std::int64_t written_off = 0;   ///< write-off adjustments
};

/// One invoice's total and date, for credit sales (DSO).
struct InvoiceTotal {
  std::int64_t customer_id = 0;
  const std::string* customer_external_id = nullptr;  ///< valid during the callback
  const std::string* customer_name = nullptr;
  core::Currency currency;
  core::Date invoice_date;
  std::int64_t total_minor = 0;
};

/// A receipt as bank reconciliation reads it.
struct ReceiptRecord {
  std::int64_t id = 0;
  std::string external_id;
  core::Date received_date;
  std::int64_t amount_minor = 0;
  core::Currency currency;
  std::string reference;             ///< bank reference / check number as posted
  std::string bank_key;              ///< natural key of the bank transaction it was posted from; empty for imported payments
  std::string customer_external_id;  ///< empty for unidentified cash
  bool reversed = false;             ///< returned later (the money did arrive first)
};

/// An invoice line that billing posted (it names a contract), as billing reconciliation reads it.
struct BilledLineRecord {
  std::string invoice;               ///< invoice number
  int line_no = 0;
  std::string customer;              ///< customer external id
  core::Currency currency;
  std::string contract_id;
  std::string contract_line;
  std::string product;
  std::optional<core::Date> service_from;
  std::optional<core::Date> charge_date;
  std::string quantity;              ///< decimal text as stored
  std::string unit_price;            ///< decimal text; empty when the line has none
  std::int64_t amount_minor = 0;     ///< before discount, without tax
  std::int64_t discount_minor = 0;
  std::int64_t credited_minor = 0;   ///< credited by `invoice credit --line`
};

class LedgerStore {
 public:
  virtual ~LedgerStore() = default;

  // Transactions. A write transaction takes the writer lock at once (waits for another writer,
  // up to the busy timeout) so that two commands never interleave their writes.
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // Batches and audit.
  virtual std::optional<BatchInfo> find_batch(std::string_view kind, std::string_view sha256) = 0;
  virtual std::int64_t add_batch(std::string_view kind, std::string_view file_name, std::string_view sha256,
                                 std::string_view command) = 0;
  virtual void finish_batch(std::int64_t batch_id, std::int64_t rows_read, std::int64_t rows_added) = 0;
  virtual void audit(const AuditEntry& entry) = 0;
  /// Records that a balance-changing fact dated `d` was posted in this transaction (kept in
  /// ledger_meta on commit, so that reports as of later dates can skip history). Every writer
  /// of invoices, payments, credits or applications must call it.
  virtual void note_activity(core::Date d) = 0;
  /// Audit rows at or after `since` (ISO timestamp prefix, may be empty), optionally only those
  /// whose command line contains `command`, oldest first.
  virtual void for_each_audit(std::string_view since, std::string_view command,
                              const std::function<void(const AuditRecord&)>& fn) = 0;

  // Customers.
  virtual PutResult put_customer(const domain::Customer& c, std::uint64_t content_hash, std::int64_t batch_id,
                                 long source_line) = 0;
  /// The customer's id, creating a stub (external id and name only) when it is new.
  virtual std::int64_t ensure_customer(std::string_view external_id, std::string_view name,
                                       std::int64_t batch_id, long source_line) = 0;
  virtual std::optional<std::int64_t> find_customer(std::string_view external_id) = 0;
  /// The customer's payment terms in days, when known.
  virtual std::optional<int> customer_terms(std::int64_t customer_id) = 0;

  // Invoices.
  virtual PutResult put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t content_hash,
                                std::int64_t batch_id, long source_line) = 0;
  virtual std::optional<InvoiceRef> find_invoice(std::string_view external_id) = 0;

  // Payments and applications.
  virtual PutResult put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id,
                                std::uint64_t content_hash, std::int64_t batch_id, long source_line) = 0;
  virtual std::optional<PaymentRef> find_payment(std::string_view external_id) = 0;
  virtual bool has_application(std::int64_t payment_id, std::int64_t invoice_id) = 0;
  /// Posts an application and keeps the invoice's open balance and the payment's unapplied amount current.
  virtual std::int64_t apply(const ApplicationDraft& draft) = 0;

  // Cash application.
  virtual bool bank_key_exists(std::string_view bank_key) = 0;
  virtual void for_each_customer(const std::function<void(const CustomerRecord&)>& fn) = 0;
  virtual void for_each_alias(const std::function<void(std::int64_t customer_id, const std::string& alias)>& fn) = 0;
  virtual void add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) = 0;
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
  virtual void for_each_unapplied_payment(core::Date as_of, const std::function<void(const UnappliedPayment&)>& fn) = 0;

  // Reports. Point-in-time: only facts dated on or before `as_of` count.
  virtual void for_each_open_item(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) = 0;
  virtual void for_each_unapplied(core::Date as_of, const std::function<void(const domain::UnappliedCredit&)>& fn) = 0;
  /// Every (not voided) invoice dated from..to inclusive, streamed: callers group as they need.
  virtual void for_each_invoice_total(core::Date from, core::Date to, const std::function<void(const InvoiceTotal&)>& fn) = 0;
  /// AR movements dated from..to inclusive, per currency (sorted by currency code).
  virtual std::vector<PeriodMovements> movements(core::Date from, core::Date to) = 0;

  // Period close. A locked period refuses every posting dated in it (enforced by the store).
  virtual bool period_locked(std::string_view period) = 0;
  /// Throws otc::core::Error (kLedger, "... falls in a closed period") when `d` is in a locked
  /// period. Every writer calls it before posting anything dated `d`; `what` names the posting
  /// ("invoice date", "payment date", ...).
  virtual void ensure_period_open(core::Date d, std::string_view what) = 0;
  virtual void set_period_lock(std::string_view period, bool locked) = 0;

  /// The latest date of any posted fact (invoice, payment, application), if any.
  virtual std::optional<core::Date> latest_fact_date() = 0;

  // Reconciliation reads.
  /// Payments received from..to inclusive, by date then id: posted and reversed ones (the money
  /// did arrive), but not the records apply-cash keeps of returned items.
  virtual std::vector<ReceiptRecord> receipts(core::Date from, core::Date to) = 0;
  /// Every billed line (one naming a contract) of invoices that are neither void nor released for
  /// rebilling, whose service starts (else whose charge date falls) from..to when given; by
  /// invoice id, then line number.
  virtual void for_each_billed_line(std::optional<core::Date> from, std::optional<core::Date> to,
                                    const std::function<void(const BilledLineRecord&)>& fn) = 0;
};

}  // namespace otc::store
