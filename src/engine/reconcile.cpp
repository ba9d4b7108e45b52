#include "otc/engine/reconcile.hpp"

#include <algorithm>
#include <tuple>

namespace otc::engine {
namespace {

constexpr std::array<std::string_view, kBreakTypeCount> kBreakNames = {
    "missing_in_erp",          "missing_in_crm",         "currency_mismatch",
    "customer_mismatch",       "quantity_difference",    "price_difference",
    "discount_difference",     "amount_difference",      "duplicate_billing",
    "unmatched_deposit",       "unmatched_receipt",      "receipt_amount_difference",
    "payout_without_deposit",  "deposit_without_payout", "payout_mismatch",
    "fee",                     "rollforward_difference", "rollforward_out_of_balance",
    "unmapped_gl_source",
};
static_assert(static_cast<std::size_t>(BreakType::kUnmappedGlSource) + 1 == kBreakTypeCount);

}  // namespace

std::string_view break_type_name(BreakType type) { return kBreakNames[static_cast<std::size_t>(type)]; }

std::optional<BreakType> parse_break_type(std::string_view name) {
  for (std::size_t i = 0; i < kBreakNames.size(); ++i)
    if (kBreakNames[i] == name) return static_cast<BreakType>(i);
  return std::nullopt;
}

bool is_exception(BreakType type) { return type != BreakType::kFee; }

bool has_exceptions(const std::vector<Break>& breaks) {
  for (const auto& b : breaks)
    if (is_exception(b.type)) return true;
  return false;
}

const std::array<std::string_view, 7>& break_column_names() {
  static const std::array<std::string_view, 7> names = {"type",       "keys",     "left",      "right",
                                                        "difference", "currency", "suggestion"};
  return names;
}

std::array<std::string, 7> break_cells(const Break& b) {
  return {std::string(break_type_name(b.type)), b.keys, b.left, b.right, b.difference, b.currency, b.suggestion};
}

void sort_breaks(std::vector<Break>& breaks) {
  std::stable_sort(breaks.begin(), breaks.end(), [](const Break& a, const Break& b) {
    return std::tie(a.keys, a.type, a.left, a.right) < std::tie(b.keys, b.type, b.left, b.right);
  });
}

std::string money_text(std::int64_t minor, const core::Currency& currency) {
  return core::format_amount(minor, currency.exponent);
}

std::string micros_text(std::int64_t micros) {
  std::string s = core::format_amount(micros, 6);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::optional<std::int64_t> parse_micros(std::string_view text, core::AmountStyle style) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '%')) text.remove_suffix(1);
  core::AmountResult r = core::parse_amount(text, 6, style);
  if (!r.ok()) return std::nullopt;
  return r.minor;
}

}  // namespace otc::engine
