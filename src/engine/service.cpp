#include "otc/engine/service.hpp"

namespace otc::engine {
namespace {

const domain::ContractLine& at(std::span<const domain::ContractLine> v, std::size_t k) { return v[k]; }
const domain::ContractLine& at(std::span<const domain::ContractLine* const> v, std::size_t k) { return *v[k]; }

template <class Versions>
std::size_t governing(Versions versions, core::Date day) {
  std::size_t k = 0;
  for (std::size_t i = 1; i < versions.size(); ++i)
    if (at(versions, i).effective_from() <= day) k = i;
  return k;
}

template <class Versions>
bool serving(Versions versions, core::Date day) {
  if (versions.empty() || day < at(versions, 0).start) return false;
  const domain::ContractLine& v = at(versions, governing(versions, day));
  return !v.end || day <= *v.end;
}

}  // namespace

bool version_before(const domain::ContractLine& a, const domain::ContractLine& b) {
  if (a.contract_id != b.contract_id) return a.contract_id < b.contract_id;
  if (a.line_id != b.line_id) return a.line_id < b.line_id;
  if (a.effective.has_value() != b.effective.has_value()) return !a.effective.has_value();
  return a.effective_from() < b.effective_from();
}

std::size_t governing_version(std::span<const domain::ContractLine> versions, core::Date day) {
  return governing(versions, day);
}
std::size_t governing_version(std::span<const domain::ContractLine* const> versions, core::Date day) {
  return governing(versions, day);
}

bool in_service(std::span<const domain::ContractLine> versions, core::Date day) { return serving(versions, day); }
bool in_service(std::span<const domain::ContractLine* const> versions, core::Date day) {
  return serving(versions, day);
}

}  // namespace otc::engine
