#pragma once
// Where a command's seller block comes from (statements, receipts, invoice documents): one rule.
#include <string>

#include "context.hpp"
#include "otc/import/seller_profile.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

/// The seller profile: `explicit_file` (--seller-file) if given, else the one `otc init
/// --seller-file` stored in the ledger, else seller.toml / seller.ini beside a ledger file (in the current directory for a
/// server ledger); none
/// gives an empty profile (and a note on stderr).
import::SellerProfile seller_profile(Context& ctx, store::LedgerStore& store, const std::string& explicit_file);

}  // namespace otc::cli
