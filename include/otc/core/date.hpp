#pragma once
// Date: a civil (proleptic Gregorian) day, stored as days since 1970-01-01. No time zone, no clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace otc::core {

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days) { Date d; d.days_ = days; return d; }
  /// nullopt when the triple is not a real calendar day (e.g. 2026-02-29, 2024-02-30) or lies
  /// outside the supported range kMinYear-01-01 ... kMaxYear-12-31 (docs/limits.md).
  static std::optional<Date> from_ymd(int year, int month, int day);
  /// The supported range: every date read, stored or computed (a due date) must lie in it.
  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2199;
  static constexpr std::int32_t kMinDays = -25567;  ///< 1900-01-01
  static constexpr std::int32_t kMaxDays = 84005;   ///< 2199-12-31
  static constexpr Date min() { return from_days(kMinDays); }
  static constexpr Date max() { return from_days(kMaxDays); }
  constexpr bool in_range() const { return days_ >= kMinDays && days_ <= kMaxDays; }

  constexpr std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  void to_ymd(int& year, int& month, int& day) const;

  /// Arithmetic is not range-checked (a window may start before 1900); check in_range() where a
  /// computed date is kept, e.g. a due date (out of range is a row error).
  Date add_days(std::int32_t n) const { return from_days(days_ + n); }
  /// Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 = Feb 28/29).
  Date add_months(int n) const;
  /// Days from `earlier` to this date (positive when this is later).
  std::int32_t days_since(Date earlier) const { return days_ - earlier.days_; }

  std::string iso() const;            ///< YYYY-MM-DD
  void append_iso(std::string& out) const;

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  std::int32_t days_ = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

/// The one pivot for two-digit years (%y, bank YYMMDD): 00-69 are 2000-2069, 70-99 are 1970-1999.
inline int expand_two_digit_year(int yy) { return yy < 70 ? 2000 + yy : 1900 + yy; }

/// A month by its English name or abbreviation ("mar", "March", "Sept", any case): 1-12, or 0.
int month_from_name(std::string_view name);

/// Parses YYYY-MM-DD (also accepts a trailing time part "T..." or " hh:mm:ss", which is ignored).
std::optional<Date> parse_iso_date(std::string_view text);

/// A declared input date format, strftime-like: %Y %y %m %d %b (Jan..Dec) %j is not supported.
/// Example: "%m/%d/%Y", "%d.%m.%Y", "%Y%m%d". Single-digit month/day are accepted for %m/%d.
class DateFormat {
 public:
  DateFormat() = default;  ///< ISO
  explicit DateFormat(std::string pattern);
  std::optional<Date> parse(std::string_view text) const;
  const std::string& pattern() const { return pattern_; }
  bool is_iso() const { return pattern_.empty(); }

 private:
  std::string pattern_;
};

}  // namespace otc::core
