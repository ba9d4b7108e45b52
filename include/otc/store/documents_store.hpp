#pragma once
// The documents role of the ledger: invoices as posted, found by their number. (Billed invoices'
// lines, voids and credit memos are the billing role's: billing_store.hpp.)
#include <cstdint>
#include <optional>
#include <string_view>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/ar_records.hpp"
#include "otc/store/records.hpp"

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
};

}  // namespace otc::store
