// Where `otc credit` finds its policy: the collections policy file's [credit] section.
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/credit.hpp"

namespace otc::cli {

engine::CreditPolicy credit_policy_for(Context&, const std::string& policy_file) {
  if (!policy_file.empty())
    throw core::Error(core::ErrorKind::kUsage, "--policy needs the collections policy reader (not merged yet)");
  return {};  // no past-due holds without a policy
}

}  // namespace otc::cli
