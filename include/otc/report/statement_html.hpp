#pragma once
// Statements of account and payment receipts as self-contained, printable HTML documents (inline
// CSS, no scripts, no external resources; @page rules that print on A4 and on Letter), and
// statements as CSV. The seller block is report::SellerInfo, the one invoices use.
#include <ostream>
#include <string>

#include "otc/report/html.hpp"

#include "otc/engine/statement.hpp"
#include "otc/report/invoice_html.hpp"

namespace otc::report {

/// Extra text a statement prints: a note under it and whom to ask.
struct StatementTexts {
  std::string note;
  std::string contact;
};

/// An open-item statement (statement.since unset) or an activity statement.
void write_statement_html(std::ostream& out, const engine::Statement& statement, const SellerInfo& seller,
                          const StatementTexts& texts = {});

/// The same as CSV rows (RFC 4180, formula-like text neutralised): one row per line with its kind.
void write_statement_csv(std::ostream& out, const engine::Statement& statement);

/// A payment confirmation.
void write_receipt_html(std::ostream& out, const engine::Receipt& receipt, const SellerInfo& seller);

/// The shared stylesheet of statements and receipts.
const char* statement_style();


}  // namespace otc::report
