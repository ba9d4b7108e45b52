#pragma once
// One invoice as a self-contained, printable HTML document (no scripts, no external resources).
#include <ostream>
#include <string>
#include <vector>

#include "otc/report/html.hpp"
#include "otc/store/billing_store.hpp"

namespace otc::report {

/// Who issues the invoice and how to pay: the seller block and remittance instructions.
struct SellerInfo {
  std::string name;
  std::string address;     ///< lines separated by '\n' or ';'
  std::string remit_to;    ///< remittance instructions (bank, account), lines as above
};

/// Writes the document. Every text from the ledger is HTML-escaped.
void write_invoice_html(std::ostream& out, const store::IssuedInvoice& invoice,
                        const std::vector<store::IssuedLine>& lines, const SellerInfo& seller);

}  // namespace otc::report
