#include "billing_book.hpp"

#include <algorithm>
#include <optional>

namespace otc::cli {
namespace {

bool version_before(const domain::ContractLine& a, const domain::ContractLine& b) {
  if (a.contract_id != b.contract_id) return a.contract_id < b.contract_id;
  if (a.line_id != b.line_id) return a.line_id < b.line_id;
  if (a.effective.has_value() != b.effective.has_value()) return !a.effective.has_value();
  return a.effective_from() < b.effective_from();
}

/// Whether the line (versions sorted, base first) is in service on `day`.
bool in_service(std::span<const domain::ContractLine> versions, core::Date day) {
  const domain::ContractLine* governing = nullptr;
  for (const auto& v : versions)
    if (v.effective_from() <= day) governing = &v;
  if (!governing || day < versions.front().start) return false;
  return !governing->end || day <= *governing->end;
}

}  // namespace

void BookLines::load(store::CustomerBook& book) {
  auto& versions = book.versions;
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
  for (const auto& c : book.billed)
    if (auto k = find_line(c.contract_id, c.line_id)) billed_[*k].push_back(c.key);

  for (auto& r : book.usage) {
    std::optional<std::size_t> chosen, fallback;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const auto& base = lines[k].front();
      if (!r.contract_id.empty() && base.contract_id != r.contract_id) continue;
      if (!domain::is_usage_model(base.model) || !domain::usage_applies_to(base, r)) continue;
      if (!fallback) fallback = k;
      if (in_service(lines[k], r.date)) {
        chosen = k;
        break;
      }
    }
    if (!chosen) chosen = fallback;
    if (chosen) usage_[*chosen].push_back(std::move(r));
  }

  inputs_.clear();
  for (std::size_t k = 0; k < lines.size(); ++k) inputs_.push_back(engine::LineInput{lines[k], usage_[k], billed_[k]});
}

}  // namespace otc::cli
