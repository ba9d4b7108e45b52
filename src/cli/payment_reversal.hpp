#pragma once
// Reversing a returned payment (NSF, chargeback, ACH return): one rule, used by `cash reverse`
// and by apply-cash when a bank file carries the return.
#include <optional>
#include <string>

#include "otc/domain/bank_transaction.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

/// Posts a reversing application for each live application of the payment (reopening its
/// invoices) and marks the payment reversed. Returns how many applications were reversed.
int reverse_payment(store::LedgerStore& store, std::int64_t payment_id, core::Date on, const std::string& reason);

/// The posted payment a returned item returns, when it can be told safely: same amount and
/// currency within 120 days before, and the return's original reference or the payer account
/// naming exactly one of them.
std::optional<store::PaymentCandidate> find_returned_payment(store::LedgerStore& store, const domain::BankTransaction& ret);

}  // namespace otc::cli
