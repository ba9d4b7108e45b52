#include "otc/core/period.hpp"

namespace otc::core {

std::optional<Period> parse_period(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto d = parse_iso_date(std::string(text) + "-01");
  if (!d) return std::nullopt;
  return Period{std::string(text), *d, d->add_months(1).add_days(-1)};
}

Period period_of(Date d) {
  std::string iso = d.iso();
  return *parse_period(std::string_view(iso).substr(0, 7));
}

}  // namespace otc::core
