#pragma once
// Invoice references as customers write them: `INV-000123`, `inv 123`, `#123`, `Invoice no. 000123`.
// One rule turns both our invoice numbers and their remittance text into comparable keys.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace otc::engine {

/// Appends the matching key of an invoice number or reference: its digit runs with leading zeros
/// removed, joined by '-'; letters and punctuation are dropped. "INV-000123" -> "123",
/// "inv 123" -> "123", "2024-0001" -> "2024-1", "INV-000000" -> "0". Appends nothing when the
/// text holds no digit.
void append_invoice_key(std::string_view number, std::string& out);
/// As append_invoice_key, into a new string.
std::string invoice_key(std::string_view number);

/// The last digit run of `number` without leading zeros ("INV-2024-00123" -> "123"), empty when
/// the number has fewer than two digit runs (then the whole key already is the last run).
std::string_view last_run_key(std::string_view key);

/// Uppercase ASCII letters and digits only: "inv-000123" -> "INV000123".
void append_compact(std::string_view text, std::string& out);

/// How a reference was found, strongest first.
enum class RefContext : std::uint8_t {
  kStructured,   ///< a structured remittance field (one reference per field)
  kInvoiceWord,  ///< free text, next to `INV`, `invoice`, `#`, `no.` or glued to letters (`INV000123`)
  kBare,         ///< a bare number of four or more digits in free text
};

/// One reference candidate found in a text. Fixed buffers: extraction does not allocate per hit.
struct RefCandidate {
  static constexpr int kMax = 31;
  char key[kMax + 1] = {};      ///< invoice_key of the word (digit runs, zeros stripped, '-' joined)
  char digits[kMax + 1] = {};   ///< the word's digits as written, zeros kept ("000123")
  char compact[kMax + 1] = {};  ///< the word upper-cased, letters and digits only ("INV000123")
  std::uint8_t key_len = 0;
  std::uint8_t digits_len = 0;
  std::uint8_t compact_len = 0;
  RefContext context = RefContext::kBare;

  std::string_view key_view() const { return {key, key_len}; }
  std::string_view digits_view() const { return {digits, digits_len}; }
  std::string_view compact_view() const { return {compact, compact_len}; }
};

/// Finds invoice-reference candidates in `text` and appends them to `out` (at most `max_out` in
/// total). Amounts (`1,234.56`) and dates (`2024-03-15`, `03/15/2024`) are skipped; bare numbers
/// shorter than four digits are ignored; a word with several digit runs (`123/124`) yields the
/// joined key and each run. `structured` marks every candidate kStructured.
void extract_references(std::string_view text, bool structured, std::vector<RefCandidate>& out,
                        std::size_t max_out = 32);

/// Calls `fn(std::string_view variant_digits)` for every string one edit away from `digits`
/// (deletion, insertion of a digit, substitution by a digit, adjacent transposition). Variants may
/// repeat. Used to find an invoice behind a typo.
template <typename Fn>
void for_each_digit_edit(std::string_view digits, Fn&& fn) {
  char buf[RefCandidate::kMax + 2];
  const std::size_t n = digits.size();
  if (n == 0 || n > static_cast<std::size_t>(RefCandidate::kMax)) return;
  // deletions
  for (std::size_t i = 0; i < n && n > 1; ++i) {
    std::size_t k = 0;
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) buf[k++] = digits[j];
    fn(std::string_view(buf, k));
  }
  // transpositions
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (digits[i] == digits[i + 1]) continue;
    for (std::size_t j = 0; j < n; ++j) buf[j] = digits[j];
    buf[i] = digits[i + 1];
    buf[i + 1] = digits[i];
    fn(std::string_view(buf, n));
  }
  // substitutions
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) buf[j] = digits[j];
    for (char c = '0'; c <= '9'; ++c) {
      if (c == digits[i]) continue;
      buf[i] = c;
      fn(std::string_view(buf, n));
    }
  }
  // insertions
  if (n + 1 <= static_cast<std::size_t>(RefCandidate::kMax)) {
    for (std::size_t i = 0; i <= n; ++i) {
      for (char c = '0'; c <= '9'; ++c) {
        std::size_t k = 0;
        for (std::size_t j = 0; j < i; ++j) buf[k++] = digits[j];
        buf[k++] = c;
        for (std::size_t j = i; j < n; ++j) buf[k++] = digits[j];
        fn(std::string_view(buf, k));
      }
    }
  }
}

/// Damerau-Levenshtein (optimal string alignment) distance between two short strings, stopping
/// early: returns `limit + 1` as soon as the distance is known to exceed `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

}  // namespace otc::engine
