#pragma once
// One transaction as read from a bank or payment file, whatever the format.
#include <cstdint>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"

namespace otc::domain {

enum class Direction { kCredit, kDebit };

struct BankTransaction {
  core::Date booking_date;
  core::Date value_date;              ///< equals booking_date when the file gives none
  std::int64_t amount_minor = 0;      ///< always >= 0; the sign is `direction`
  core::Currency currency;
  Direction direction = Direction::kCredit;
  bool reversal = false;              ///< a return/reversal of an earlier entry (camt RvslInd, ACH return, BAI2 return code)
  std::string return_reason;          ///< e.g. "R01", "NSF", "AC04" when known
  std::string bank_reference;         ///< the bank's own id for the entry (unique per account + date + amount)
  std::string end_to_end_id;          ///< payer's reference carried end to end, when present
  std::string payer_name;
  std::string payer_account;          ///< IBAN / account number of the counterparty
  std::vector<std::string> remittance_refs;  ///< structured references (invoice numbers, creditor refs)
  std::string remittance_text;        ///< unstructured remittance / narrative
  std::string type_code;              ///< BAI2 type code, MT940 transaction type, camt BkTxCd, ACH SEC + txn code
  std::string account;                ///< the receiving (our) account
  std::string source_file;
  long source_line = 0;               ///< line where the entry starts (1-based), 0 when not line-based
};

}  // namespace otc::domain
