#pragma once
// The documents role of the ledger: invoices as posted, found by their number. (Billed invoices'
// lines, voids and credit memos are the billing role's: billing_store.hpp.)
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/ar_records.hpp"
#include "otc/store/records.hpp"
#include "otc/store/billing_role.hpp"

namespace otc::store {

struct InvoiceRef {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  core::Currency currency;
  core::Date invoice_date;
  std::int64_t open_minor = 0;
};

class DocumentsStore {
 public:
  virtual ~DocumentsStore() = default;

  /// Stores an invoice keyed by its number; refuses (throws) one dated in a closed period.
  virtual PutResult put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t content_hash,
                                std::int64_t batch_id, long source_line) = 0;
  /// The invoice, when it is in the ledger and open (not void).
  virtual std::optional<InvoiceRef> find_invoice(std::string_view external_id) = 0;

  // Imports of ERP/CRM exports (issue 13).
  /// The customer's default currency (ISO code); empty when the customer or its currency is unknown.
  virtual std::string customer_currency(std::string_view customer_external_id) = 0;
  /// What stands of the invoice's opening application (adjustments of kind 'opening': the part of
  /// its amount paid or credited before it came into otc), and its date.
  virtual std::optional<std::pair<std::int64_t, core::Date>> opening_balance_of(std::int64_t invoice_id) = 0;
  /// Stores a credit memo read from an invoice export, wholly open (apply_credit_memo applies it).
  /// Keyed by its number like an invoice: the same content again is kUnchanged, other content kConflict.
  virtual PutResult put_credit_memo_record(const domain::Invoice& memo, std::int64_t customer_id, std::string_view reason,
                                           std::uint64_t content_hash, std::int64_t batch_id, long source_line) = 0;
  /// The credit memo's open amount.
  virtual std::int64_t credit_memo_open(std::int64_t memo_id) = 0;
  /// Applies `amount` of an open credit memo to an invoice on `on` (links the memo to the invoice).
  virtual void apply_credit_memo(std::int64_t memo_id, std::int64_t invoice_id, std::int64_t amount, core::Date on,
                                 std::int64_t batch_id) = 0;
  /// The open invoices of a customer (by id) whose number is `number` once both are normalised
  /// ("INV-2047", "2047", "#2047"): the one a memo's text names. Empty when none or several.
  virtual std::optional<InvoiceRef> find_customer_invoice_by_number(std::int64_t customer_id, std::string_view number) = 0;
  /// Open credit (imported credit memos not applied) per currency as of a date.
  virtual std::vector<core::Money> open_credit_totals(core::Date as_of) = 0;
  /// The documents dated in from..to behind each roll-forward component, for reconciliation
  /// breaks: "invoiced" (invoices), "collected" (payments received), "credited" (credit memos,
  /// voids), "written_off" (the invoices written off).
  virtual void for_each_period_document(core::Date from, core::Date to,
                                        const std::function<void(std::string_view component, const core::Currency& currency,
                                                                 std::string_view number)>& fn) = 0;
  /// Writes the lines of an invoice imported from an ERP line export (no charge keys: otc did not bill it).
  virtual void put_imported_lines(std::int64_t invoice_id, const std::vector<BilledLineRecord>& lines) = 0;
};

}  // namespace otc::store
