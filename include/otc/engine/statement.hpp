#pragma once
// Statements of account, built from one customer's facts (store::CustomerFacts), per currency:
// the open-item statement as of D (open invoices with their age, unapplied cash, the balance due
// and an aging summary) and the activity statement from S through D (the opening balance at S−1,
// every invoice, payment, credit, write-off, void and reversal dated S..D with a running balance,
// the closing balance). The balance at a date is the customer's open AR less its unapplied cash,
// counted by the same point-in-time rules as `otc aging` (docs/statements.md), so a statement's
// closing balance equals aging's open_total − unapplied_credit for the customer and currency.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/aging.hpp"
#include "otc/store/credit_store.hpp"

namespace otc::engine {

struct StatementOpenItem {
  std::string invoice;
  core::Date invoice_date, due_date;
  std::string po_number;
  std::int64_t total_minor = 0;
  std::int64_t open_minor = 0;
  int days_past_due = 0;              ///< D − due date; ≤ 0 when not yet due
};

struct StatementCredit {               ///< unapplied cash on account
  std::string payment;
  core::Date received_date;
  std::string reference;
  std::int64_t amount_minor = 0;
  std::int64_t unapplied_minor = 0;
};

/// One line of an activity statement: `amount` is signed, + raises the balance (an invoice),
/// − lowers it (a payment, credit, write-off, void).
struct StatementLine {
  core::Date date;
  std::string kind;                    ///< invoice | void | payment | credit | write_off | deduction | adjustment | reversal | unapply | transfer
  std::string reference;               ///< invoice number, payment id or credit memo number
  std::string detail;
  std::int64_t amount_minor = 0;
  std::int64_t balance_minor = 0;      ///< running balance after the line
};

struct CurrencyStatement {
  core::Currency currency;
  // Open-item statement.
  std::vector<StatementOpenItem> items;     ///< by due date, invoice
  std::vector<StatementCredit> credits;     ///< by received date, payment
  std::int64_t open_ar = 0;
  std::int64_t unapplied = 0;
  std::vector<std::int64_t> aging;          ///< per bucket of the statement's AgingBuckets
  // Activity statement.
  std::int64_t opening_balance = 0;         ///< at since − 1
  std::vector<StatementLine> lines;
  /// open_ar − unapplied at as_of (both kinds); for activity also opening + Σ lines.
  std::int64_t closing_balance = 0;
};

struct Statement {
  store::CreditCustomer customer;
  core::Date as_of;
  std::optional<core::Date> since;          ///< set: an activity statement
  AgingBuckets buckets;
  std::vector<CurrencyStatement> currencies;  ///< by currency code; only currencies with anything to show
};

/// The customer's balance (open AR − unapplied cash) per currency at `d`, by aging's rules.
std::vector<std::pair<core::Currency, std::int64_t>> statement_balances(const store::CustomerFacts& facts, core::Date d);

/// Open-item statement as of `as_of` (since unset) or activity statement `since` .. `as_of`.
Statement build_statement(const store::CustomerFacts& facts, core::Date as_of, std::optional<core::Date> since,
                          const AgingBuckets& buckets = {});

/// A payment confirmation: the payment, the invoices it paid (net of unapplies) with what each
/// still owes, and what is left on account, as of `as_of`.
struct ReceiptLine {
  std::string invoice;
  core::Date invoice_date;
  core::Date applied_on;
  std::int64_t applied_minor = 0;
};
struct Receipt {
  store::PaymentFact payment;
  core::Date as_of;
  std::vector<ReceiptLine> lines;           ///< by invoice (first application date)
  std::int64_t applied_minor = 0;
  std::int64_t on_account_minor = 0;        ///< amount − applied (0 once reversed)
  bool reversed = false;
};
Receipt build_receipt(const store::PaymentFact& payment, const std::vector<store::ApplicationFact>& applications,
                      core::Date as_of);

}  // namespace otc::engine
