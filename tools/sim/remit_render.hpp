#pragma once
// The same generated receipts written as the bank files they arrive in: a CSV export with a payer
// column, BAI2 (payer and remittance only in the 16/88 text, as ACH and wire banks print them),
// MT940 (`:86:` as Dutch tags, German GVC subfields or plain free text), camt.053 (structured) and
// NACHA CCD/CTX (company name, individual id, RMR or free-text addenda). Test and benchmark data.
//
// Each rendering carries what a bank of that kind carries: the payer name is cut to the field width
// (16 characters in NACHA), the company id holds at most 10 characters, and so on. Variants are
// chosen from a hash of the bank reference, so a repeated line is repeated exactly.
#include <string>
#include <string_view>
#include <vector>

#include "otc/domain/bank_transaction.hpp"

namespace otc::sim {

/// kCsvUs is a US bank's CSV export (Details, Posting Date MM/DD/YYYY, Description, Amount, Type,
/// Balance, Check or Slip #) whose Description carries the ACH/wire text BAI2 carries.
enum class BankRendering { kCsv, kBai2, kMt940, kCamt053, kNacha, kCsvUs };
inline constexpr BankRendering kAllRenderings[] = {BankRendering::kCsv, BankRendering::kBai2, BankRendering::kMt940,
                                                  BankRendering::kCamt053, BankRendering::kNacha, BankRendering::kCsvUs};

/// "csv", "bai2", "mt940", "camt053", "nacha", "csv-us".
const char* rendering_name(BankRendering r);
/// File name used by remit_gen: bank.csv, bank.bai2, bank.mt940, bank.camt053.xml, bank.ach, bank_us.csv.
const char* rendering_file_name(BankRendering r);

/// The whole file, in receipt order (one entry per receipt; NACHA: one batch per receipt).
std::string render_bank_file(const std::vector<domain::BankTransaction>& receipts, BankRendering r);

/// The bank reference a reader gives the receipt back: the bank reference, or for NACHA the trace
/// number ("09100001" + the last 7 digits of the bank reference).
std::string rendered_bank_reference(const domain::BankTransaction& t, BankRendering r);

}  // namespace otc::sim
