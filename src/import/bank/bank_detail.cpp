#include "otc/import/bank/bank_detail.hpp"

#include <cctype>

#include "otc/core/error.hpp"

namespace otc::import::bank_detail {

using core::Error;
using core::ErrorKind;

namespace {

std::string with_location(const std::string& file, long line, const std::string& message) {
  core::SourceLocation where{file, line, 0};
  return core::format_location(where) + ": " + message;
}

std::string describe_check(const std::string& what, std::int64_t expected, std::int64_t actual,
                           core::Currency currency, bool is_count) {
  std::string s = what + ": the file says ";
  if (is_count) {
    s += std::to_string(expected) + ", the records give " + std::to_string(actual);
  } else {
    core::append_amount(s, expected, currency.exponent);
    s += ", the records give ";
    core::append_amount(s, actual, currency.exponent);
    s += ' ';
    s += currency.view();
  }
  return s;
}

}  // namespace

ReadContext::ReadContext(const std::string& file, const BankReadOptions& opts, BankReadResult& out)
    : file_(file), opts_(opts), out_(out) {
  auto c = core::find_currency(opts.default_currency, true);
  if (!c) {
    throw Error(ErrorKind::kUsage, "default currency '" + opts.default_currency + "' is not a three-letter code");
  }
  default_currency_ = *c;
}

core::SourceLocation ReadContext::where(long line) const {
  core::SourceLocation w{file_, line, 0};
  if (line <= 0 || data_.empty()) return w;
  // Only on an error: walk to the line (LF, CRLF or a lone CR end a line, as split_lines reads them).
  std::size_t pos = 0;
  for (long n = 1; n < line && pos < data_.size(); ++n) {
    std::size_t end = data_.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) return w;
    pos = end + (data_[end] == '\r' && end + 1 < data_.size() && data_[end + 1] == '\n' ? 2 : 1);
  }
  std::size_t end = data_.find_first_of("\r\n", pos);
  w.text = std::string(data_.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
  return w;
}

void ReadContext::problem(long line, const std::string& message) {
  if (!opts_.lenient) {
    throw Error(ErrorKind::kInput, message, where(line),
                "a lenient read accepts this and lists it among what it tolerated");
  }
  out_.tolerated.push_back(with_location(file_, line, message));
}

void ReadContext::problem(long line, const std::string& message, const std::string& lenient_consequence) {
  problem(line, opts_.lenient ? message + "; " + lenient_consequence : message);
}

void ReadContext::note(long line, const std::string& message) {
  out_.tolerated.push_back(with_location(file_, line, message));
}

void ReadContext::fail(long line, const std::string& message) const {
  throw Error(ErrorKind::kInput, message, where(line));
}

void ReadContext::check(std::string what, std::int64_t expected, std::int64_t actual, core::Currency currency,
                        long line) {
  ControlCheck c;
  c.what = std::move(what);
  c.expected = expected;
  c.actual = actual;
  c.currency = currency;
  c.ok = expected == actual;
  c.location = {file_, line, 0};
  out_.checks.push_back(c);
  if (!c.ok) problem(line, describe_check(c.what, expected, actual, currency, c.is_count()));
}

void ReadContext::check_count(std::string what, std::int64_t expected, std::int64_t actual, long line) {
  check(std::move(what), expected, actual, core::Currency{}, line);
}

std::optional<std::int64_t> ReadContext::digits_field(std::optional<std::int64_t> value, std::string_view field, long line,
                                                      const char* what) {
  if (!value) problem(line, std::string("bad ") + what + " '" + std::string(field) + "': expected digits");
  return value;
}

domain::BankTransaction& ReadContext::add_transaction(long line) {
  auto& t = out_.transactions.emplace_back();
  t.source_file = file_;
  t.source_line = line;
  t.currency = default_currency_;
  return t;
}

std::vector<Line> split_lines(std::string_view data) {
  std::vector<Line> lines;
  lines.reserve(data.size() / 40 + 4);
  long number = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    char c = data[i];
    if (c == '\n' || c == '\r') {
      lines.push_back({data.substr(start, i - start), number++});
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < data.size()) lines.push_back({data.substr(start), number});
  return lines;
}


std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (core::is_blank(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) if (c < '0' || c > '9') return false;
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(s[i])) != std::toupper(static_cast<unsigned char>(prefix[i]))) return false;
  }
  return true;
}

bool contains_ci(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (starts_with_ci(s.substr(i), needle)) return true;
  }
  return false;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::int64_t> parse_digits(std::string_view s) {
  if (!all_digits(s)) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (v > (core::kMaxMinor - (c - '0')) / 10) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<std::int64_t> parse_signed_digits(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  auto v = parse_digits(s);
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

std::optional<std::int64_t> parse_implied_amount(std::string_view s, bool allow_sign) {
  std::string_view digits = s;
  if (allow_sign && !digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  if (!all_digits(digits)) return std::nullopt;
  auto r = core::parse_amount(s, 0);
  if (!r.ok()) return std::nullopt;
  return r.minor;
}

std::optional<std::int64_t> parse_decimal(std::string_view s, int exponent, std::string_view marks,
                                          std::string* error) {
  auto fail = [&](std::string_view why) -> std::optional<std::int64_t> {
    if (error) *error = std::string(why);
    return std::nullopt;
  };
  if (s.empty()) return fail(core::describe(core::AmountError::kEmpty));
  // Digits with at most one decimal mark out of `marks`, and a digit before it.
  std::string text(s);
  std::size_t mark = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') continue;
    if (mark != std::string::npos || i == 0 || marks.find(c) == std::string_view::npos) return fail(core::describe(core::AmountError::kSyntax));
    mark = i;
    text[i] = '.';
  }
  auto r = core::parse_amount(text, exponent);
  if (!r.ok()) return fail(core::describe(*r.error));
  return r.minor;
}


std::optional<core::Date> make_date(int year, int month, int day, bool clamp, bool* clamped) {
  if (clamped) *clamped = false;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (auto d = core::Date::from_ymd(year, month, day)) return d;
  if (!clamp) return std::nullopt;
  if (clamped) *clamped = true;
  return core::Date::from_ymd(year, month, core::days_in_month(year, month));
}

std::optional<core::Date> parse_yymmdd(std::string_view s, bool clamp, bool* clamped) {
  if (s.size() != 6 || !all_digits(s)) return std::nullopt;
  int yy = (s[0] - '0') * 10 + (s[1] - '0');
  int mm = (s[2] - '0') * 10 + (s[3] - '0');
  int dd = (s[4] - '0') * 10 + (s[5] - '0');
  return make_date(core::expand_two_digit_year(yy), mm, dd, clamp, clamped);
}

std::optional<core::Date> parse_mmddyy(std::string_view s) {
  if (s.size() != 6 || !all_digits(s)) return std::nullopt;
  int mm = (s[0] - '0') * 10 + (s[1] - '0');
  int dd = (s[2] - '0') * 10 + (s[3] - '0');
  int yy = (s[4] - '0') * 10 + (s[5] - '0');
  return make_date(core::expand_two_digit_year(yy), mm, dd, false);
}

bool valid_utf8_or_latin1(std::string& s) {
  bool valid = true;
  for (std::size_t i = 0; i < s.size() && valid;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      valid = false;
      break;
    }
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) valid = false;
    }
    i += n;
  }
  if (valid) return false;
  std::string out;
  out.reserve(s.size() + 8);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  s = std::move(out);
  return true;
}

void normalize_text_encoding(ReadContext& ctx) {
  long first = 0;
  for (auto& t : ctx.out().transactions) {
    bool changed = false;
    for (std::string* f : {&t.bank_reference, &t.end_to_end_id, &t.payer_name, &t.payer_account,
                           &t.remittance_text, &t.type_code, &t.account, &t.return_reason}) {
      changed = valid_utf8_or_latin1(*f) || changed;
    }
    for (auto& r : t.remittance_refs) changed = valid_utf8_or_latin1(r) || changed;
    if (changed && first == 0) first = t.source_line > 0 ? t.source_line : 1;
  }
  if (first != 0) ctx.note(first, "text that is not UTF-8 was read as Latin-1");
}

bool looks_like_iban(std::string_view s) {
  if (s.size() < 12 || s.size() > 34) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0])) || !std::isalpha(static_cast<unsigned char>(s[1]))) return false;
  if (!std::isdigit(static_cast<unsigned char>(s[2])) || !std::isdigit(static_cast<unsigned char>(s[3]))) return false;
  for (char c : s.substr(4)) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace otc::import::bank_detail
