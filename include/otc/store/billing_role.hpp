#pragma once
// The billing role's interface: contract lines and their versions, metered usage, the charges
// each invoice bills, number sequences, billed invoices and their lines, voids, credit memos and
// releases. A role of LedgerStore (ledger_store.hpp), so it shares the ledger's transaction.
// The records that carry engine types (CustomerBook, IssuedLine) are in billing_store.hpp: include
// that to call the billing role. This header names them only, so that ledger_store.hpp does not
// pull the billing engine's header into every user of the ledger.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/store/records.hpp"

namespace otc::domain {
struct ContractLine;
struct UsageRecord;
}  // namespace otc::domain

namespace otc::engine {
struct BilledCharge;
struct InvoiceDraft;
}  // namespace otc::engine

namespace otc::store {

struct CustomerBook;  // billing_store.hpp
struct IssuedLine;    // billing_store.hpp

/// A contract line as the ledger knows it.
struct ContractLineRef {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string customer;  ///< customer external id
};

/// An invoice as issued (any invoice in the ledger; billed ones have lines).
struct IssuedInvoice {
  std::int64_t id = 0;
  std::string number;          ///< invoices.external_id
  std::int64_t customer_id = 0;
  std::string customer;        ///< external id
  std::string customer_name;
  std::string customer_email;
  core::Currency currency;
  core::Date invoice_date;
  core::Date due_date;
  std::int64_t total = 0;
  std::int64_t open = 0;       ///< kept balance
  std::string status;          ///< open | void
  std::int64_t paid = 0;       ///< net cash applications
  std::int64_t credited = 0;   ///< net credit-memo applications
  std::int64_t adjusted = 0;   ///< adjustments (write-offs, deductions)
  std::optional<std::string> released;  ///< void | rebill, when the invoice's charges were released
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

/// A credit memo to post against an invoice.
struct CreditMemoDraft {
  std::string number;
  std::int64_t invoice_id = 0;
  std::int64_t customer_id = 0;
  core::Currency currency;
  core::Date memo_date;
  std::int64_t amount = 0;               ///< positive
  std::string reason;
  std::optional<int> line_no;            ///< set when crediting one invoice line
  std::int64_t batch_id = 0;
};

class BillingStore {
 public:
  virtual ~BillingStore() = default;

  // Contracts.
  virtual std::optional<ContractLineRef> find_contract_line(std::string_view contract_id, std::string_view line_id) = 0;
  /// The customer (external id) of any line of the contract, when the contract is known.
  virtual std::optional<std::string> contract_customer(std::string_view contract_id) = 0;
  virtual std::int64_t add_contract_line(std::string_view contract_id, std::string_view line_id,
                                         std::int64_t customer_id, std::string_view customer) = 0;
  /// The line's versions, ordered by effective date (base first).
  virtual void load_versions(std::int64_t line_ref, std::vector<domain::ContractLine>& out) = 0;
  /// Stores a version keyed by (line, effective date or base). The same key again is kUnchanged
  /// when its content hash matches, else kConflict naming where the stored one came from.
  virtual PutResult put_contract_version(std::int64_t line_ref, const domain::ContractLine& version,
                                         std::uint64_t content_hash, std::int64_t batch_id) = 0;

  // Usage.
  /// Stores a usage record; false when its event id is already in the ledger (nothing stored).
  virtual bool put_usage(const domain::UsageRecord& record, std::int64_t batch_id) = 0;

  // Billing.
  /// Calls `fn` once per customer that has contract lines (in external id order), with usage
  /// dated on or before `through`. With `customer`, only that customer.
  virtual void for_each_customer_book(core::Date through, std::optional<std::string_view> customer,
                                      const std::function<void(CustomerBook&)>& fn) = 0;
  /// Takes the next number of the gapless sequence for `prefix` ("INV-" -> "INV-000001").
  virtual std::string next_number(std::string_view prefix) = 0;
  /// The last number taken of `prefix`'s sequence (0 when none). With set_last_number, a writer
  /// that issues many documents in one transaction numbers them itself and stores the last one.
  virtual std::int64_t last_number(std::string_view prefix) = 0;
  virtual void set_last_number(std::string_view prefix, std::int64_t value) = 0;
  /// Writes a billed invoice: the invoices row (through the documents role, which keeps the open
  /// balance and notes the activity), its lines and their charge keys. Returns the invoice id;
  /// throws when the number is already taken.
  virtual std::int64_t post_invoice(const engine::InvoiceDraft& invoice, std::int64_t customer_id,
                                    std::string_view number, std::int64_t batch_id) = 0;

  // Issued invoices and corrections.
  virtual std::optional<IssuedInvoice> find_issued_invoice(std::string_view number) = 0;
  virtual void load_lines(std::int64_t invoice_id, std::vector<IssuedLine>& out) = 0;
  /// Every invoice that `invoice run` billed (it has lines), by number.
  virtual void for_each_billed_invoice(const std::function<void(const IssuedInvoice&)>& fn) = 0;
  /// Marks the invoice void (open balance 0) and releases its charges.
  virtual void void_invoice(std::int64_t invoice_id, core::Date on, std::string_view reason, std::int64_t batch_id) = 0;
  /// Posts a credit memo and applies it to its invoice's open balance. Returns the memo's id.
  virtual std::int64_t post_credit_memo(const CreditMemoDraft& memo) = 0;
  /// Releases an invoice's charges after a full credit, so that they can be billed again.
  virtual void release_for_rebill(std::int64_t invoice_id, core::Date on, std::string_view reason,
                                  std::int64_t credit_memo_id, std::int64_t batch_id) = 0;
  /// The charge keys an invoice billed.
  virtual std::vector<engine::BilledCharge> charges_of(std::int64_t invoice_id) = 0;

  // Reconciliation reads.
  /// Every billed line (one naming a contract) of invoices that are neither void nor released for
  /// rebilling, whose service starts (else whose charge date falls) from..to when given; by
  /// invoice id, then line number.
  virtual void for_each_billed_line(std::optional<core::Date> from, std::optional<core::Date> to,
                                    const std::function<void(const BilledLineRecord&)>& fn) = 0;
};

}  // namespace otc::store
