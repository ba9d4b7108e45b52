#pragma once
// Money: an integer count of minor units with an ISO 4217 currency. Never a float.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otc::core {

/// A three-letter ISO 4217 code stored inline (no allocation) with its minor-unit exponent.
struct Currency {
  char code[4] = {0, 0, 0, 0};
  int exponent = 2;

  std::string_view view() const { return std::string_view(code, 3); }
  bool operator==(const Currency& o) const {
    return code[0] == o.code[0] && code[1] == o.code[1] && code[2] == o.code[2];
  }
};

/// Looks up a currency by code (case-insensitive). Unknown but well-formed three-letter codes
/// get exponent 2 only when `allow_unknown`; otherwise nullopt.
std::optional<Currency> find_currency(std::string_view code, bool allow_unknown = false);

/// Largest magnitude accepted for one amount on input: 10^14 - 1 minor units
/// (999,999,999,999.99 in a two-decimal currency; docs/limits.md). A larger value is
/// AmountError::kOverflow. It leaves room for 92,000 such amounts in one 64-bit total; a total
/// beyond that is a checked error naming what was being totalled (checked_total).
inline constexpr std::int64_t kMaxMinor = 99'999'999'999'999LL;

enum class AmountError { kEmpty, kSyntax, kTooManyDecimals, kOverflow };
std::string_view describe(AmountError e);

struct AmountStyle {
  bool decimal_comma = false;  ///< `1.234,56`: '.' groups thousands, ',' is the decimal mark
};

struct AmountResult {
  std::int64_t minor = 0;
  std::optional<AmountError> error;
  bool ok() const { return !error.has_value(); }
};

/// Parses `1234.56`, `1,234.56`, `$1,234.56`, `(1,234.56)`, `-1234.56`, `1234.56-`, `USD 12.00`,
/// and with decimal_comma `1.234,56`. More decimals than `exponent` is an error unless the extra
/// digits are zeros (e.g. `18.150` for EUR). Never passes through a double.
AmountResult parse_amount(std::string_view text, int exponent, AmountStyle style = {});

/// Formats minor units as a plain decimal: 123456, exp 2 -> "1234.56"; -5, exp 2 -> "-0.05".
std::string format_amount(std::int64_t minor, int exponent);
/// Appends the formatted amount to `out` without allocating when capacity allows.
void append_amount(std::string& out, std::int64_t minor, int exponent);

/// Checked arithmetic: throws otc::core::Error (kind overflow) instead of wrapping.
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);

/// Throws otc::core::Error (kind overflow): "amount overflow: the total of WHAT ...".
[[noreturn]] void throw_total_overflow(const std::string& what);

/// checked_add for a running total; `what()` (called only on overflow) names the total, e.g.
/// "customer C-1 in USD", so that the error says which figure could not be held.
template <class What>
std::int64_t checked_total(std::int64_t a, std::int64_t b, What&& what) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) [[unlikely]]
    throw_total_overflow(what());
  return r;
}

enum class Rounding { kHalfEven, kHalfUp };

/// Divides num/den (den > 0) rounding to an integer by the named rule. Uses 128-bit intermediates.
std::int64_t divide_rounded(__int128 num, __int128 den, Rounding mode);

/// Splits `total` into parts proportional to `weights` (non-negative, not all zero) so that the
/// parts sum exactly to `total`; remainders go to the largest fractional parts, ties to earlier parts.
std::vector<std::int64_t> allocate(std::int64_t total, const std::vector<std::int64_t>& weights);

/// A value with its currency: used where an amount travels alone.
struct Money {
  std::int64_t minor = 0;
  Currency currency;
};

}  // namespace otc::core
