// Vocabulary of contract lines and usage records (domain/contract.hpp, domain/usage.hpp).
#include <cctype>
#include <iterator>
#include <string>

#include "otc/core/text.hpp"
#include "otc/domain/contract.hpp"
#include "otc/domain/usage.hpp"

namespace otc::domain {
namespace {

// Lower case, blanks trimmed, ' ' and '-' folded to '_': "Semi-Annual" -> "semi_annual".
std::string normalize(std::string_view text) {
  text = core::trim(text);
  std::string s;
  s.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '-') s.push_back('_');
    else s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return s;
}

}  // namespace

// Indexed by the enumerators' values.
constexpr int kMonths[] = {1, 3, 6, 12};
constexpr std::string_view kFrequencyNames[] = {"monthly", "quarterly", "semiannual", "annual"};
constexpr std::string_view kModelNames[] = {"flat", "per_seat", "usage_graduated", "usage_volume",
                                            "minimum_commitment"};

template <class Table, class Enum>
auto lookup(const Table& table, Enum e) {
  auto k = static_cast<std::size_t>(e);
  return k < std::size(table) ? table[k] : table[0];
}

int months_of(BillingFrequency f) { return lookup(kMonths, f); }

std::string_view to_string(BillingFrequency f) { return lookup(kFrequencyNames, f); }

std::string_view to_string(BillingTiming t) {
  return t == BillingTiming::kAdvance ? "advance" : "arrears";
}

std::string_view to_string(PriceModel m) { return lookup(kModelNames, m); }

std::optional<BillingFrequency> parse_frequency(std::string_view text) {
  std::string s = normalize(text);
  if (s == "monthly" || s == "month" || s == "1m") return BillingFrequency::kMonthly;
  if (s == "quarterly" || s == "quarter" || s == "3m") return BillingFrequency::kQuarterly;
  if (s == "semiannual" || s == "semi_annual" || s == "semiannually" || s == "semi_annually" ||
      s == "half_yearly" || s == "6m")
    return BillingFrequency::kSemiannual;
  if (s == "annual" || s == "annually" || s == "yearly" || s == "year" || s == "12m")
    return BillingFrequency::kAnnual;
  return std::nullopt;
}

std::optional<BillingTiming> parse_timing(std::string_view text) {
  std::string s = normalize(text);
  if (s == "advance" || s == "in_advance") return BillingTiming::kAdvance;
  if (s == "arrears" || s == "in_arrears") return BillingTiming::kArrears;
  return std::nullopt;
}

std::optional<PriceModel> parse_price_model(std::string_view text) {
  std::string s = normalize(text);
  if (s == "flat" || s == "flat_fee") return PriceModel::kFlat;
  if (s == "per_seat" || s == "seat" || s == "per_unit" || s == "per_license") return PriceModel::kPerSeat;
  if (s == "usage_graduated" || s == "graduated") return PriceModel::kUsageGraduated;
  if (s == "usage_volume" || s == "volume") return PriceModel::kUsageVolume;
  if (s == "minimum_commitment" || s == "minimum" || s == "commitment") return PriceModel::kMinimumCommitment;
  return std::nullopt;
}

bool is_usage_model(PriceModel m) {
  return m == PriceModel::kUsageGraduated || m == PriceModel::kUsageVolume ||
         m == PriceModel::kMinimumCommitment;
}

bool usage_applies_to(const ContractLine& line, const UsageRecord& r) {
  const std::string& metric = line.metric.empty() ? line.product : line.metric;
  if (!r.contract_id.empty()) {
    if (r.contract_id != line.contract_id) return false;
    if (!r.line_id.empty() && r.line_id != line.line_id) return false;
    return r.metric.empty() || r.metric == metric;
  }
  return r.customer == line.customer && r.metric == metric;
}

}  // namespace otc::domain
