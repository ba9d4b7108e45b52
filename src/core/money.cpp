#include "otc/core/money.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <stdexcept>

#include "otc/core/error.hpp"

namespace otc::core {
namespace {

struct CurrencyRow {
  const char* code;
  int exponent;
};

// ISO 4217 minor-unit exponents for the currencies AR teams meet; anything else must be declared.
constexpr CurrencyRow kCurrencies[] = {
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DEM", 2}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2},
    {"GBP", 2}, {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"ISK", 0},
    {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3}, {"MKD", 2}, {"MXN", 2},
    {"MYR", 2}, {"NGN", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2},
    {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2},
    {"TND", 3}, {"TRY", 2}, {"TWD", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"VND", 0}, {"XAF", 0},
    {"XOF", 0}, {"ZAR", 2},
};

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

}  // namespace

std::optional<Currency> find_currency(std::string_view code, bool allow_unknown) {
  if (code.size() != 3) return std::nullopt;
  Currency c;
  for (int i = 0; i < 3; ++i) {
    unsigned char ch = static_cast<unsigned char>(code[i]);
    if (!std::isalpha(ch)) return std::nullopt;
    c.code[i] = static_cast<char>(std::toupper(ch));
  }
  for (const auto& row : kCurrencies) {
    if (c.view() == row.code) {
      c.exponent = row.exponent;
      return c;
    }
  }
  if (!allow_unknown) return std::nullopt;
  c.exponent = 2;
  return c;
}

std::string_view describe(AmountError e) {
  switch (e) {
    case AmountError::kEmpty: return "amount is empty";
    case AmountError::kSyntax: return "not an amount";
    case AmountError::kTooManyDecimals: return "more decimal places than the currency allows";
    case AmountError::kOverflow: return "amount is too large";
  }
  return "bad amount";
}

AmountResult parse_amount(std::string_view s, int exponent, AmountStyle style) {
  AmountResult r;
  auto fail = [&](AmountError e) { r.error = e; r.minor = 0; return r; };
  // Trim blanks.
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return fail(AmountError::kEmpty);

  bool negative = false;
  if (s.front() == '(' ) {
    if (s.back() != ')') return fail(AmountError::kSyntax);
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  // Leading sign, currency symbol or three-letter code in any order: "-$12", "$-12", "USD 12".
  for (bool progressed = true; progressed && !s.empty();) {
    progressed = false;
    char c = s.front();
    if (c == '-' || c == '+') {
      if (c == '-') { if (negative) return fail(AmountError::kSyntax); negative = true; }
      s.remove_prefix(1);
      progressed = true;
    } else if (c == '$' || c == ' ') {
      s.remove_prefix(1);
      progressed = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // UTF-8 currency symbols (€ £ ¥ ₹ ...): skip the whole multi-byte sequence.
      std::size_t n = 1;
      while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
      s.remove_prefix(n);
      progressed = true;
    } else if (s.size() > 3 && std::isalpha(static_cast<unsigned char>(c)) &&
               std::isalpha(static_cast<unsigned char>(s[1])) && std::isalpha(static_cast<unsigned char>(s[2]))) {
      s.remove_prefix(3);
      progressed = true;
    }
  }
  if (!s.empty() && s.back() == '-') {  // trailing minus, as some ERPs and banks print it
    if (negative) return fail(AmountError::kSyntax);
    negative = true;
    s.remove_suffix(1);
  }
  if (s.empty()) return fail(AmountError::kSyntax);

  const char decimal_mark = style.decimal_comma ? ',' : '.';
  const char group_mark = style.decimal_comma ? '.' : ',';
  std::int64_t whole = 0;
  std::int64_t frac = 0;
  int frac_digits = 0;
  bool seen_digit = false, in_frac = false;
  int digits_since_group = -1;  // -1: no group separator seen yet
  int int_digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (in_frac) {
        if (frac_digits >= exponent) {
          if (c != '0') return fail(AmountError::kTooManyDecimals);
          ++frac_digits;  // trailing zeros beyond the exponent carry no value
          continue;
        }
        frac = frac * 10 + (c - '0');
        ++frac_digits;
      } else {
        if (whole > (kMaxMinor / 10)) return fail(AmountError::kOverflow);
        whole = whole * 10 + (c - '0');
        ++int_digits;
        if (digits_since_group >= 0) ++digits_since_group;
      }
    } else if (c == group_mark && !in_frac) {
      // Group separators must sit between complete groups of three digits.
      if (int_digits == 0 || (digits_since_group >= 0 && digits_since_group != 3)) return fail(AmountError::kSyntax);
      if (digits_since_group < 0 && int_digits > 3) return fail(AmountError::kSyntax);
      digits_since_group = 0;
    } else if (c == decimal_mark && !in_frac) {
      if (digits_since_group >= 0 && digits_since_group != 3) return fail(AmountError::kSyntax);
      in_frac = true;
    } else if (c == '\'' && !in_frac) {
      // Swiss grouping 1'234.56
      digits_since_group = 0;
    } else {
      return fail(AmountError::kSyntax);
    }
  }
  if (!seen_digit) return fail(AmountError::kSyntax);
  if (!in_frac && digits_since_group >= 0 && digits_since_group != 3) return fail(AmountError::kSyntax);
  int used = std::min(frac_digits, exponent);
  frac *= kPow10[exponent - used];
  __int128 value = static_cast<__int128>(whole) * kPow10[exponent] + frac;
  if (value > kMaxMinor) return fail(AmountError::kOverflow);
  r.minor = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
  return r;
}

void append_amount(std::string& out, std::int64_t minor, int exponent) {
  // Written backwards into a buffer, then appended at once (reports write millions of these).
  char buf[80];
  if (exponent > 56) throw std::logic_error("append_amount: exponent out of range");
  char* end = buf + sizeof buf;
  char* p = end;
  const bool negative = minor < 0;
  unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(minor) : static_cast<unsigned long long>(minor);
  if (exponent > 0) {
    for (int i = 0; i < exponent; ++i) {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    *--p = '.';
  }
  // The integer part two digits at a time.
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  while (v >= 100) {
    const unsigned r = static_cast<unsigned>(v % 100);
    v /= 100;
    p -= 2;
    p[0] = kPairs[2 * r];
    p[1] = kPairs[2 * r + 1];
  }
  if (v >= 10) {
    p -= 2;
    p[0] = kPairs[2 * v];
    p[1] = kPairs[2 * v + 1];
  } else {
    *--p = static_cast<char>('0' + v);
  }
  if (negative) *--p = '-';
  out.append(p, static_cast<std::size_t>(end - p));
}

std::string format_amount(std::int64_t minor, int exponent) {
  std::string s;
  append_amount(s, minor, exponent);
  return s;
}

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw Error(ErrorKind::kOverflow, "amount overflow in addition");
  return r;
}
void throw_total_overflow(const std::string& what) {
  throw Error(ErrorKind::kOverflow, "amount overflow: the total of " + what +
                                        " is beyond 9223372036854775807 minor units, the most otc can hold",
              {}, "split the ledger, or check the amounts: one amount may be at most 99999999999999 minor units");
}

std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) throw Error(ErrorKind::kOverflow, "amount overflow in subtraction");
  return r;
}
std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) throw Error(ErrorKind::kOverflow, "amount overflow in multiplication");
  return r;
}

std::int64_t divide_rounded(__int128 num, __int128 den, Rounding mode) {
  if (den < 0) { num = -num; den = -den; }
  bool negative = num < 0;
  __int128 a = negative ? -num : num;
  __int128 q = a / den, rem = a % den;
  __int128 twice = rem * 2;
  if (twice > den || (twice == den && (mode == Rounding::kHalfUp || (q % 2) == 1))) ++q;
  __int128 result = negative ? -q : q;
  if (result > INT64_MAX || result < INT64_MIN) throw Error(ErrorKind::kOverflow, "amount overflow in division");
  return static_cast<std::int64_t>(result);
}

std::vector<std::int64_t> allocate(std::int64_t total, const std::vector<std::int64_t>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  __int128 sum = 0;
  for (auto w : weights) {
    if (w < 0) throw Error(ErrorKind::kInput, "allocation weight is negative");
    sum += w;
  }
  if (weights.empty() || sum == 0) throw Error(ErrorKind::kInput, "allocation needs a positive weight");
  bool negative = total < 0;
  __int128 t = negative ? -static_cast<__int128>(total) : total;
  std::vector<std::pair<__int128, std::size_t>> remainders;
  remainders.reserve(weights.size());
  __int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    __int128 exact = t * weights[i];
    parts[i] = static_cast<std::int64_t>(exact / sum);
    given += parts[i];
    remainders.emplace_back(exact % sum, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < t; ++k, ++given) parts[remainders[k].second] += 1;
  if (negative)
    for (auto& p : parts) p = -p;
  return parts;
}

}  // namespace otc::core
