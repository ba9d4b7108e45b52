// libFuzzer: amount, date, period and terms parsing. Whatever parses must stay in range and
// format back to something that parses to the same value.
#include "fuzz_util.hpp"
#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/core/period.hpp"
#include "otc/import/ar_rows.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace otc;
  if (size < 1) return 0;
  const int exponent = data[0] % 4;
  core::AmountStyle style;
  style.decimal_comma = (data[0] & 0x10) != 0;
  auto text = fuzz::as_view(data + 1, size - 1);
  fuzz::expect_only_otc_errors([&] {
    auto r = core::parse_amount(text, exponent, style);
    if (r.ok()) {
      if (r.minor > core::kMaxMinor || r.minor < -core::kMaxMinor) __builtin_trap();
      auto back = core::parse_amount(core::format_amount(r.minor, exponent), exponent);
      if (!back.ok() || back.minor != r.minor) __builtin_trap();
    }
    if (auto d = core::parse_iso_date(text)) {
      if (!d->in_range()) __builtin_trap();
      if (core::parse_iso_date(d->iso()) != d) __builtin_trap();
      (void)d->add_months(static_cast<int>(data[0]) - 128);
    }
    // The first line is a pattern, the rest a date in it.
    auto nl = text.find('\n');
    if (nl != std::string_view::npos) {
      core::DateFormat f{std::string(text.substr(0, nl))};
      if (auto d = f.parse(text.substr(nl + 1)); d && !d->in_range()) __builtin_trap();
    }
    (void)core::parse_period(text);
    if (auto days = import::parse_terms_days(text); days && (*days < 0 || *days > 3650)) __builtin_trap();
  });
  return 0;
}
