#pragma once
// The natural key of a bank transaction, so that the same receipt read twice (the same file
// again, or overlapping statements) is posted once.
#include <string>

#include "otc/domain/bank_transaction.hpp"

namespace otc::import {

/// account | booking date | direction | amount currency | bank reference | end-to-end id | payer
/// account | payer | remittance. Identical transactions on one day are told apart by the caller
/// with an occurrence number ("#2").
std::string bank_transaction_key(const domain::BankTransaction& t);

/// A short, stable payment id for a key: "BNK-YYYYMMDD-" + 12 hex digits of its hash.
std::string bank_payment_id(const domain::BankTransaction& t, const std::string& key);

}  // namespace otc::import
