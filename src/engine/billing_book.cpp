#include "otc/engine/billing_book.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "otc/engine/service.hpp"

namespace otc::engine {

std::optional<std::size_t> line_for_usage(std::span<const std::span<const domain::ContractLine>> lines,
                                          const domain::UsageRecord& r) {
  std::optional<std::size_t> fallback;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const auto& base = lines[k].front();
    if (!r.contract_id.empty() && base.contract_id != r.contract_id) continue;
    if (!domain::is_usage_model(base.model) || !domain::usage_applies_to(base, r)) continue;
    if (!fallback) fallback = k;
    if (in_service(lines[k], r.date)) return k;
  }
  return fallback;
}

void LineBook::load(std::vector<domain::ContractLine>& versions, std::vector<domain::UsageRecord>& usage,
                    std::span<const BilledCharge> billed) {
  // The store reads them in this order already; sorting would move every version.
  if (!std::is_sorted(versions.begin(), versions.end(), version_before))
    std::stable_sort(versions.begin(), versions.end(), version_before);
  auto& lines = lines_;
  lines.clear();
  for (std::size_t i = 0; i < versions.size();) {
    std::size_t j = i + 1;
    while (j < versions.size() && versions[j].contract_id == versions[i].contract_id &&
           versions[j].line_id == versions[i].line_id)
      ++j;
    lines.emplace_back(versions.data() + i, j - i);
    i = j;
  }
  if (usage_.size() < lines.size()) {
    usage_.resize(lines.size());
    billed_.resize(lines.size());
  }
  for (std::size_t k = 0; k < lines.size(); ++k) {
    usage_[k].clear();
    billed_[k].clear();
  }

  auto find_line = [&](std::string_view contract, std::string_view line) -> std::optional<std::size_t> {
    auto it = std::lower_bound(lines.begin(), lines.end(), std::pair(contract, line), [](const auto& l, const auto& key) {
      const auto& b = l.front();
      return std::pair<std::string_view, std::string_view>(b.contract_id, b.line_id) < key;
    });
    if (it == lines.end() || it->front().contract_id != contract || it->front().line_id != line) return std::nullopt;
    return static_cast<std::size_t>(it - lines.begin());
  };
  for (const auto& c : billed)
    if (auto k = find_line(c.contract_id, c.line_id)) billed_[*k].push_back(c.key);

  unassigned_ = 0;
  for (auto& r : usage) {
    if (auto k = line_for_usage(lines, r)) usage_[*k].push_back(std::move(r));
    else ++unassigned_;
  }

  inputs_.clear();
  for (std::size_t k = 0; k < lines.size(); ++k) inputs_.push_back(LineInput{lines[k], usage_[k], billed_[k]});
}

}  // namespace otc::engine
