#pragma once
// The balances role of the ledger: point-in-time reads for reports and reconciliation. Only facts
// dated on or before the as-of date (or within from..to) count.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/ar_records.hpp"

namespace otc::store {

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

class BalancesStore {
 public:
  virtual ~BalancesStore() = default;

  virtual void for_each_open_item(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) = 0;
  /// The same items in no particular order, for reports that group and sort on their own; a store
  /// may answer it from open items it keeps per customer (the SQLite ledger does), far faster.
  virtual void for_each_open_item_unordered(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) {
    for_each_open_item(as_of, fn);
  }
  /// The same items grouped per customer and currency, compact (no invoice ids or names per
  /// item), in no particular order; a customer may come in more than one run. For aggregates.
  virtual void for_each_open_run(core::Date as_of, const std::function<void(const domain::OpenItemRun&)>& fn);
  virtual void for_each_unapplied(core::Date as_of, const std::function<void(const domain::UnappliedCredit&)>& fn) = 0;
  virtual void for_each_unapplied_payment(core::Date as_of, const std::function<void(const UnappliedPayment&)>& fn) = 0;
  /// Every (not voided) invoice dated from..to inclusive, streamed: callers group as they need.
  virtual void for_each_invoice_total(core::Date from, core::Date to, const std::function<void(const InvoiceTotal&)>& fn) = 0;
  /// AR movements dated from..to inclusive, per currency (sorted by currency code).
  virtual std::vector<PeriodMovements> movements(core::Date from, core::Date to) = 0;
  /// Payments received from..to inclusive, by date then id: posted and reversed ones (the money
  /// did arrive), but not the records apply-cash keeps of returned items.
  virtual std::vector<ReceiptRecord> receipts(core::Date from, core::Date to) = 0;
  /// The latest date of any posted fact (invoice, payment, application), if any.
  virtual std::optional<core::Date> latest_fact_date() = 0;
};

}  // namespace otc::store
