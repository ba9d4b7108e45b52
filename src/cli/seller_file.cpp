#include "seller_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "otc/core/error.hpp"
#include "otc/ops/statement.hpp"

namespace otc::cli {

namespace {
std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::ErrorKind::kInput, "cannot read the seller profile", {path});
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

import::SellerProfile seller_profile(Context& ctx, store::LedgerStore& store, const std::string& explicit_file) {
  if (!explicit_file.empty()) return import::parse_seller_profile(read_text(explicit_file), explicit_file);
  if (auto stored = ops::stored_seller_profile(store)) return import::parse_seller_profile(stored->first, stored->second);
  // A server ledger (postgresql://...) has no folder beside it: there, the current directory.
  const std::string ledger = ctx.ledger_path();
  const auto folder = ledger.find("://") == std::string::npos ? std::filesystem::path(ledger).parent_path().string() : std::string();
  if (auto f = import::find_seller_file(folder)) return import::parse_seller_profile(read_text(*f), *f);
  ctx.note("no seller profile (seller.toml beside the ledger, or otc init --seller-file): the seller block is empty");
  return {};
}

}  // namespace otc::cli
