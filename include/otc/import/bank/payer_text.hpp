#pragma once
// The payer and references that banks print inside free text, where a format has no structured
// payer field (BAI2 16/88 text, MT940 `:86:` without subfields, bank CSV descriptions):
//   ACH    ORIG CO NAME:ACME CORP ORIG ID:1234567890 CO ENTRY DESCR:PAYMENT IND ID:INV1013 IND NAME:...
//   wires  B/O ACME CORP, ORG=/123456789 ACME CORP OBI=INV 123 BNF=..., ORIG:..., SENDER:...
//   SWIFT  /ORDP/ACME CORP/REMI/INV 123
//   X12    RMR*IV*INV-1013*PI*1500.00\ (in ACH addenda printed into the text)
// This is format syntax (labels); whether a name is a customer's is the engine's business
// (engine::find_payer_in_text for known names and aliases inside the text).
#include <string>
#include <string_view>
#include <vector>

#include "otc/domain/bank_transaction.hpp"

namespace otc::import {

struct TextParties {
  std::string payer_name;               ///< ORIG CO NAME, B/O, ORG, ORIG, /ORDP/, SENDER, FROM, DBNM, ...
  std::string payer_account;            ///< ORIG ID, DACT, ACCT, IBAN, the `/123` in front of an ORG name
  std::string individual_name;          ///< IND NAME (in a credit usually the receiver: ourselves)
  std::vector<std::string> references;  ///< IND ID values with digits, RMR*IV* references
  bool name_label_seen = false;         ///< a payer-name label was present (even when empty)
};

/// Reads the labels above from `text` (case-insensitive; values end at the next label).
TextParties parse_payer_text(std::string_view text);

/// Fills what `t` lacks from its remittance text: payer name (ORIG CO NAME etc.; IND NAME only when
/// no payer label at all is present), payer account, and appends label references to
/// remittance_refs (without repeating one already there). The text itself is left as it is.
void enrich_from_text(domain::BankTransaction& t);

}  // namespace otc::import
