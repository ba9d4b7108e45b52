#pragma once
// The seller profile: who issues statements, receipts (and invoices) and how to pay. Read from
// `seller.toml` or `seller.ini` in the ledger's folder, or from the file `otc init --seller-file`
// stored in the ledger. One small format for both (docs/statements.md, "Seller profile"):
//
//   [seller]                          # keys: name, address, email, phone, tax_id, website
//   name = "Northwind Analytics Ltd"
//   address = "1 Dock Road; London E1 1AA; United Kingdom"   # lines split on ';' or "\n"
//   [remittance]                      # keys: instructions, bank, account_name, account_number,
//   bank = "First Bank"               #   routing, iban, swift, reference
//   [statement]                       # keys: note (printed under the statement), contact
//
// `key = value` with the value bare or in double quotes ("\n", "\"" and "\\" escapes); a line
// starting with `#` or `;` is a comment, and so is ` # ...` after a value. A TOML array of strings (`address = ["1 Dock Road", "London"]`)
// gives lines too. Unknown sections or keys, a line that is neither, or an unterminated quote are
// errors at FILE:LINE:COLUMN.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otc::import {

struct SellerProfile {
  std::string name;
  std::vector<std::string> address;
  std::string email, phone, tax_id, website;
  std::vector<std::string> remittance;   ///< "Bank: First Bank", "IBAN: ...", the instructions' lines
  std::string statement_note, contact;
  std::string source;                    ///< the file it came from
  bool empty() const { return name.empty() && address.empty() && remittance.empty(); }
};

/// Parses the profile's text; `file_name` names it in errors.
SellerProfile parse_seller_profile(std::string_view text, const std::string& file_name);

/// `seller.toml`, else `seller.ini`, in `folder`: its path, if one exists.
std::optional<std::string> find_seller_file(const std::string& folder);

}  // namespace otc::import
