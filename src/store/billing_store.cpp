// Backend-neutral parts of the billing role.
#include "otc/store/billing_store.hpp"

namespace otc::store {

std::string format_document_number(std::string_view prefix, std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out(prefix);
  if (digits.size() < 6) out.append(6 - digits.size(), '0');
  out += digits;
  return out;
}

}  // namespace otc::store
