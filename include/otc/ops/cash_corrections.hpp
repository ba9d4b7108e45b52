#pragma once
// Corrections of cash by hand: apply a payment to an invoice, unapply one application, reverse a
// returned payment (NSF, chargeback). Each runs in one write transaction with its audit entry.
#include <cstdint>
#include <optional>
#include <string>

#include "otc/core/date.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

/// What a correction did, for stderr ("PAYMENT: detail").
struct CashCorrectionResult {
  bool changed = false;  ///< false: nothing to do (e.g. the payment was already reversed)
  std::string note;
};

struct ManualApplication {
  std::string payment;     ///< payment external id
  std::string invoice;     ///< invoice number
  std::string amount;      ///< as typed, in the payment's currency; empty = as much as both allow
  core::Date requested;    ///< --date (when date_given)
  bool date_given = false; ///< false: dated on the receipt's date, or the invoice's when later
  std::string reason;      ///< a note kept with the application
};

/// `cash apply`: applies a payment's unapplied cash to an invoice of the same customer and currency,
/// dated engine::application_date(received, invoice date) — the receipt's date, or the invoice's
/// when later — unless --date says otherwise (never before that date); the note says which.
CashCorrectionResult apply_payment(store::LedgerStore& store, const Invocation& inv, const ManualApplication& request);

/// `cash unapply`: posts the reversing application of one application, dated no earlier than it.
CashCorrectionResult unapply(store::LedgerStore& store, const Invocation& inv, std::int64_t application_id, core::Date requested,
                             const std::string& reason);

/// `cash reverse`: reverses a returned payment, reopening its invoices; an already reversed payment
/// is left as it is (changed = false).
CashCorrectionResult reverse_returned_payment(store::LedgerStore& store, const Invocation& inv, const std::string& payment,
                                              core::Date requested, const std::string& reason);

/// The reversal rule, inside the caller's transaction: posts a reversing application for each live
/// application of the payment (each dated engine::correction_date(on, its date)) and marks the
/// payment reversed. Returns how many applications were reversed.
int reverse_payment(store::LedgerStore& store, std::int64_t payment_id, core::Date on, const std::string& reason);

}  // namespace otc::ops
