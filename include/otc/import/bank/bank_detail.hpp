#pragma once
// Shared pieces of the bank-file readers: the read context (strict/lenient policy), line splitting,
// the amount forms banks write (adapters on core::parse_amount) and the short date forms banks use.
// Internal to src/import/bank.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/text.hpp"
#include "otc/import/bank/bank_reader.hpp"

namespace otc::import::bank_detail {

/// Carries the file name, the options and the result being built; decides what a problem does.
class ReadContext {
 public:
  ReadContext(const std::string& file, const BankReadOptions& opts, BankReadResult& out);

  const std::string& file() const { return file_; }
  const BankReadOptions& opts() const { return opts_; }
  BankReadResult& out() { return out_; }
  bool lenient() const { return opts_.lenient; }
  core::Currency default_currency() const { return default_currency_; }
  /// The file's bytes, so that an error can echo its line (set once before reading).
  void set_data(std::string_view data) { data_ = data; }
  /// FILE:LINE with that line's text (for errors).
  core::SourceLocation where(long line) const;

  /// Something strict mode rejects: throws core::Error at FILE:LINE, or (lenient) lists it and returns.
  void problem(long line, const std::string& message);
  /// Same, with what a lenient read does about it ("entry left out", "read as 2016-02-29"), which is
  /// appended to the tolerated entry only.
  void problem(long line, const std::string& message, const std::string& lenient_consequence);
  /// A harmless deviation, accepted in both modes and listed in `tolerated`.
  void note(long line, const std::string& message);
  /// Always throws: the input cannot be read any further.
  [[noreturn]] void fail(long line, const std::string& message) const;
  /// Records a control check; a failed one is a problem().
  void check(std::string what, std::int64_t expected, std::int64_t actual, core::Currency currency, long line);
  /// A count check (no currency).
  void check_count(std::string what, std::int64_t expected, std::int64_t actual, long line);
  /// `value` read from a fixed-width numeric field; when it is nullopt, a problem()
  /// "bad WHAT 'FIELD': expected digits".
  std::optional<std::int64_t> digits_field(std::optional<std::int64_t> value, std::string_view field, long line, const char* what);
  /// Starts a transaction with the source file and line filled in.
  domain::BankTransaction& add_transaction(long line);

 private:
  std::string file_;
  const BankReadOptions& opts_;
  BankReadResult& out_;
  core::Currency default_currency_;
  std::string_view data_;
};

struct Line {
  std::string_view text;  ///< without the line terminator
  long number = 0;        ///< 1-based
};

/// Splits on LF, CRLF or a lone CR. A final line without terminator is kept; a trailing empty one is not.
std::vector<Line> split_lines(std::string_view data);

using core::trim;
using core::trim_left;
using core::trim_right;
/// Collapses runs of whitespace (space, tab, CR, LF) to one space and trims both ends.
std::string collapse_spaces(std::string_view s);
bool all_digits(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
bool contains_ci(std::string_view s, std::string_view needle);
std::string to_upper(std::string_view s);

/// Parses an unsigned run of digits into an int64 (no sign, no separators): counts, hashes, routing
/// numbers. nullopt when empty, not all digits or too large.
std::optional<std::int64_t> parse_digits(std::string_view s);
/// Like parse_digits but allows one leading '+' or '-'.
std::optional<std::int64_t> parse_signed_digits(std::string_view s);

/// An amount in minor units written without a decimal point (BAI2, NACHA, lockbox: implied decimals),
/// with a leading '+' or '-' when `allow_sign`: digits only, read by core::parse_amount (exponent 0).
std::optional<std::int64_t> parse_implied_amount(std::string_view s, bool allow_sign = false);

/// A decimal amount "123", "123,45", "0,", "000000001147,95", "18.150" with one decimal mark from
/// `marks` into minor units of a currency with `exponent` decimals. Extra decimals are accepted only
/// when they are zeros. `error` says why on failure. The shape is checked here (digits, at most one
/// mark, a digit before it); the value is read by core::parse_amount.
std::optional<std::int64_t> parse_decimal(std::string_view s, int exponent, std::string_view marks,
                                          std::string* error = nullptr);

/// A calendar date from year/month/day. Invalid days (30 February) are clamped to the month's last
/// day when `clamp` is set, and `clamped` says so.
std::optional<core::Date> make_date(int year, int month, int day, bool clamp, bool* clamped = nullptr);
/// YYMMDD with a two-digit year (00-79 -> 20xx, 80-99 -> 19xx).
std::optional<core::Date> parse_yymmdd(std::string_view s, bool clamp = false, bool* clamped = nullptr);
/// MMDDYY.
std::optional<core::Date> parse_mmddyy(std::string_view s);

/// Leaves valid UTF-8 alone; otherwise re-reads every byte >= 0x80 as Latin-1 (banks still send
/// ISO-8859-1 names). Returns true when it changed the text.
bool valid_utf8_or_latin1(std::string& s);

/// Applies valid_utf8_or_latin1 to every text field of every transaction; notes the first one changed.
void normalize_text_encoding(ReadContext& ctx);

/// True for something shaped like an IBAN: two letters, two digits, 8 to 30 more letters/digits.
bool looks_like_iban(std::string_view s);

/// Runs one of the reader classes below: `Reader(data, ctx).run()`.
template <class Reader>
void run_reader(std::string_view data, ReadContext& ctx) {
  Reader reader(data, ctx);
  reader.run();
}

// One reader per format. Each appends to ctx.out().
void read_bai2(std::string_view data, ReadContext& ctx);
void read_mt94x(std::string_view data, ReadContext& ctx, bool mt942);
void read_camt(std::string_view data, ReadContext& ctx);
void read_nacha(std::string_view data, ReadContext& ctx);
void read_lockbox(std::string_view data, ReadContext& ctx);
void read_bank_csv(std::string_view data, ReadContext& ctx);

}  // namespace otc::import::bank_detail
