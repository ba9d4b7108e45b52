// Where `otc credit` finds its policy: the collections policy file's [credit] section (--policy
// FILE, else the built-in policy, as `otc collect`).
#include "context.hpp"
#include "otc/engine/credit.hpp"
#include "otc/import/collections_policy.hpp"

namespace otc::cli {

engine::CreditPolicy credit_policy_for(Context&, const std::string& policy_file) {
  const auto p = policy_file.empty() ? import::default_collections_policy() : import::read_collections_policy(policy_file);
  engine::CreditPolicy c;
  c.hold_days_past_due = p.credit.hold_days_past_due;
  return c;
}

}  // namespace otc::cli
