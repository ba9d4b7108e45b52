#include "otc/core/date.hpp"

#include <array>
#include <cctype>

namespace otc::core {
namespace {

// Howard Hinnant's days-from-civil algorithm (public-domain formula), for the proleptic Gregorian calendar.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(std::int32_t z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int yy = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yy + (m <= 2);
}

bool read_digits(std::string_view s, std::size_t& pos, int min_len, int max_len, int& value) {
  int n = 0;
  value = 0;
  while (pos < s.size() && n < max_len && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  return n >= min_len;
}

constexpr std::array<const char*, 12> kMonthAbbrev = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return from_days(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}


void Date::to_ymd(int& y, int& m, int& d) const { civil_from_days(days_, y, m, d); }
int Date::year() const { int y, m, d; to_ymd(y, m, d); return y; }
int Date::month() const { int y, m, d; to_ymd(y, m, d); return m; }
int Date::day() const { int y, m, d; to_ymd(y, m, d); return d; }

Date Date::add_months(int n) const {
  int y, m, d;
  to_ymd(y, m, d);
  int total = y * 12 + (m - 1) + n;
  int ny = total / 12, nm = total % 12 + 1;
  if (nm < 1) {  // a negative total (far before year 0): floor division
    nm += 12;
    ny -= 1;
  }
  int nd = d > days_in_month(ny, nm) ? days_in_month(ny, nm) : d;
  // Not from_ymd: arithmetic may leave the supported range (a window's start), see add_days.
  return from_days(days_from_civil(ny, static_cast<unsigned>(nm), static_cast<unsigned>(nd)));
}

void Date::append_iso(std::string& out) const {
  int y, m, d;
  to_ymd(y, m, d);
  char buf[10] = {char('0' + y / 1000 % 10), char('0' + y / 100 % 10), char('0' + y / 10 % 10),
                  char('0' + y % 10), '-', char('0' + m / 10), char('0' + m % 10), '-',
                  char('0' + d / 10), char('0' + d % 10)};
  out.append(buf, 10);
}

std::string Date::iso() const {
  std::string s;
  append_iso(s);
  return s;
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  std::size_t pos = 0;
  int y, m, d;
  if (!read_digits(s, pos, 4, 4, y) || pos != 4) return std::nullopt;
  pos = 5;
  if (!read_digits(s, pos, 2, 2, m) || pos != 7) return std::nullopt;
  pos = 8;
  if (!read_digits(s, pos, 2, 2, d) || pos != 10) return std::nullopt;
  return Date::from_ymd(y, m, d);
}

DateFormat::DateFormat(std::string pattern) : pattern_(std::move(pattern)) {
  if (pattern_ == "%Y-%m-%d" || pattern_ == "iso" || pattern_ == "ISO") pattern_.clear();
}

std::optional<Date> DateFormat::parse(std::string_view s) const {
  if (pattern_.empty()) return parse_iso_date(s);
  int y = -1, m = -1, d = -1;
  std::size_t pos = 0;
  const std::string& p = pattern_;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '%' && i + 1 < p.size()) {
      char spec = p[++i];
      // A fully numeric pattern like %Y%m%d needs fixed widths; separated ones accept 1-2 digits.
      bool next_is_field = i + 1 < p.size() && p[i + 1] == '%';
      switch (spec) {
        case 'Y': if (!read_digits(s, pos, 4, 4, y)) return std::nullopt; break;
        case 'y':
          if (!read_digits(s, pos, 2, 2, y)) return std::nullopt;
          y = expand_two_digit_year(y);
          break;
        case 'm': if (!read_digits(s, pos, next_is_field ? 2 : 1, 2, m)) return std::nullopt; break;
        case 'd': if (!read_digits(s, pos, next_is_field ? 2 : 1, 2, d)) return std::nullopt; break;
        case 'b': {
          if (pos + 3 > s.size()) return std::nullopt;
          char lower[3];
          for (int k = 0; k < 3; ++k) lower[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[pos + k])));
          m = -1;
          for (int k = 0; k < 12; ++k)
            if (std::string_view(lower, 3) == kMonthAbbrev[k]) m = k + 1;
          if (m < 0) return std::nullopt;
          pos += 3;
          while (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;  // "Sept", "March"
          break;
        }
        case '%': if (pos >= s.size() || s[pos] != '%') return std::nullopt; ++pos; break;
        default: return std::nullopt;
      }
    } else {
      if (pos >= s.size() || s[pos] != p[i]) return std::nullopt;
      ++pos;
    }
  }
  // Trailing time-of-day is tolerated ("03/31/2026 00:00:00"); other trailing text is not.
  if (pos < s.size() && s[pos] != ' ' && s[pos] != 'T') return std::nullopt;
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return Date::from_ymd(y, m, d);
}

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kNames = {"january", "february", "march",     "april",   "may",      "june",
                                                              "july",    "august",   "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (lower == kNames[i] || lower == kNames[i].substr(0, 3) || (lower == "sept" && i == 8)) return static_cast<int>(i + 1);
  return 0;
}

}  // namespace otc::core
