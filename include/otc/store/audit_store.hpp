#pragma once
// The audit role of the ledger: import batches, the audit log, and the activity mark that lets
// reports as of later dates skip history.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "otc/core/date.hpp"

namespace otc::store {

struct BatchInfo {
  std::int64_t id = 0;
  std::string file_name;
  std::string created_at;
  std::int64_t rows_added = 0;
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

/// One record a batch wrote, as `otc log show BATCH` prints it again.
struct BatchRecord {
  std::string record;        ///< customer, invoice, payment, application
  std::string id;            ///< external id / invoice number / application id
  std::string customer_id;   ///< the customer's external id
  std::string date;          ///< invoice date, payment date, application date (ISO)
  std::string due_date;      ///< invoices only
  std::string invoice_id;    ///< applications: the invoice applied to
  std::string payment_id;    ///< applications: the payment applied
  std::int64_t amount_minor = 0;
  std::string currency;      ///< empty for customers
  std::string detail;        ///< rule, note, status
};

/// One audit-log row as read back.
struct AuditRecord {
  std::int64_t id = 0;
  std::string at;
  AuditEntry entry;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

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
  /// The batch as recorded (nullopt when there is none with this id).
  virtual std::optional<BatchInfo> batch(std::int64_t batch_id) = 0;
  /// Every customer, invoice, payment and application the batch wrote, in that order, each by id.
  virtual void for_each_batch_record(std::int64_t batch_id, const std::function<void(const BatchRecord&)>& fn) = 0;
};

}  // namespace otc::store
