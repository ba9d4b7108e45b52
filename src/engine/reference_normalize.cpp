#include "otc/engine/reference_normalize.hpp"

#include <algorithm>
#include <array>

namespace otc::engine {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_separator(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case ',': case ';': case '|': case '(': case ')':
    case '[': case ']': case '{': case '}': case ':': case '"': case '\'': case '=': case '#':
    case '+': case '&': case '<': case '>': case '!': case '?':
      return true;
    default:
      return false;
  }
}

bool is_trim_char(char c) { return c == '.' || c == '-' || c == '/' || c == '_' || c == '*'; }

// Calls fn(run) for each maximal run of digits in `s`, left to right.
template <typename Fn>
void for_each_digit_run(std::string_view s, Fn&& fn) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    fn(s.substr(i, j - i));
    i = j;
  }
}

// Words that announce an invoice number in free text (compared upper-cased, punctuation removed).
// Remittance labels banks print count too: REF:, RMT, RMR*IV*, OBI=, /REMI/, RFB=.
constexpr std::array<std::string_view, 27> kInvoiceWords = {
    "INV",      "INVS",     "INVOICE", "INVOICES", "INVNO",   "INVNR",   "NO",
    "NR",       "NUM",      "NUMBER",  "BILL",     "BILLS",   "FACTURE", "FACTURA",
    "FACTUUR",  "RECHNUNG", "RG",      "RGNR",     "FATTURA", "DOC",     "REF",
    "RMT",      "RMR",      "IV",      "OBI",      "REMI",    "RFB"};
// Words after which a number is not an invoice (order, customer, account, cheque numbers).
// Bank fields in ACH and wire texts are not references either: TRACE#, DESC DATE:, EED:, TIME:,
// TRN:, IMAD:, ORG=/account, ABA.
constexpr std::array<std::string_view, 27> kOtherNumberWords = {
    "PO",    "ORDER", "CUST",  "CUSTOMER", "ACCT", "ACCOUNT", "ID",   "TEL",  "PHONE",
    "CHECK", "CHK",   "CHEQUE", "CUSTNO",  "ACCTNO", "TRACE", "DATE", "EED",  "TIME",
    "TRN",   "IMAD",  "OMAD",  "ABA",      "ORG",  "DACT",    "IBAN", "SEQ",  "ROUTING"};
// Words that keep an invoice list going: "INV 12 AND 13".
constexpr std::array<std::string_view, 3> kListWords = {"AND", "UND", "ET"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view word) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// "1,234.56", "12.50", "1.234,56": digits with a decimal mark before exactly two digits.
bool looks_like_amount(std::string_view w) {
  bool has_sep = false;
  for (char c : w) {
    if (c == '.' || c == ',') has_sep = true;
    else if (!is_digit(c)) return false;
  }
  if (!has_sep || w.size() < 4) return false;
  const char mark = w[w.size() - 3];
  return (mark == '.' || mark == ',') && is_digit(w[w.size() - 2]) && is_digit(w.back());
}

// "2024-03-15", "03/15/2024", "15.03.2024": three digit groups, one of four digits.
bool looks_like_date(std::string_view w) {
  int groups = 0;
  int len[3] = {0, 0, 0};
  for (char c : w) {
    if (is_digit(c)) {
      if (groups == 0) groups = 1;
      if (groups > 3) return false;
      ++len[groups - 1];
    } else if (c == '-' || c == '/' || c == '.') {
      if (groups == 0 || len[groups - 1] == 0) return false;
      ++groups;
      if (groups > 3) return false;
    } else {
      return false;
    }
  }
  if (groups != 3) return false;
  const bool ymd = len[0] == 4 && len[1] >= 1 && len[1] <= 2 && len[2] >= 1 && len[2] <= 2;
  const bool dmy = len[2] == 4 && len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2;
  return ymd || dmy;
}

void push(std::vector<RefCandidate>& out, std::size_t max_out, RefCandidate& c) {
  if (c.key_len == 0 || out.size() >= max_out) return;
  for (const RefCandidate& e : out)
    if (e.key_view() == c.key_view() && e.compact_view() == c.compact_view()) return;
  out.push_back(c);
}

}  // namespace

void append_invoice_key(std::string_view number, std::string& out) {
  bool first_run = true;
  for_each_digit_run(number, [&](std::string_view run) {
    std::size_t k = 0;
    while (k + 1 < run.size() && run[k] == '0') ++k;  // keep one zero for "000"
    if (!first_run) out.push_back('-');
    out.append(run.substr(k));
    first_run = false;
  });
}

std::string invoice_key(std::string_view number) {
  std::string out;
  append_invoice_key(number, out);
  return out;
}

std::string_view last_run_key(std::string_view key) {
  const auto dash = key.rfind('-');
  if (dash == std::string_view::npos) return {};
  return key.substr(dash + 1);
}

void append_compact(std::string_view text, std::string& out) {
  for (char c : text)
    if (is_digit(c) || is_alpha(c)) out.push_back(upper(c));
}

void extract_references(std::string_view text, bool structured, std::vector<RefCandidate>& out,
                        std::size_t max_out) {
  int invoice_context = 0;  // > 0: the next numbers follow an invoice word
  bool other_context = false;
  bool after_ind = false;  // the previous word was IND (ACH "IND ID:" holds the payer's reference)
  bool hash = false;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n && out.size() < max_out) {
    if (is_separator(text[i])) {
      if (text[i] == '#') hash = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && !is_separator(text[j])) ++j;
    std::string_view word = text.substr(i, j - i);
    i = j;
    while (!word.empty() && is_trim_char(word.front())) word.remove_prefix(1);
    while (!word.empty() && is_trim_char(word.back())) word.remove_suffix(1);
    if (word.empty()) continue;

    bool has_digit = false;
    for (char c : word) has_digit = has_digit || is_digit(c);

    char upper_word[RefCandidate::kMax + 1];
    std::size_t upper_len = 0;
    std::size_t leading_letters = 0;
    bool in_leading = true;
    for (char c : word) {
      if (is_digit(c)) in_leading = false;
      if ((is_alpha(c) || is_digit(c)) && upper_len < static_cast<std::size_t>(RefCandidate::kMax)) {
        upper_word[upper_len++] = upper(c);
        if (in_leading && is_alpha(c)) ++leading_letters;
      }
    }
    const std::string_view compact(upper_word, upper_len);

    if (!has_digit) {
      const bool was_ind = after_ind;
      after_ind = compact == "IND";
      if (was_ind && compact == "ID") {
        invoice_context = 3;
        other_context = false;
      } else if (contains(kInvoiceWords, compact)) {
        invoice_context = 3;
        other_context = false;
      } else if (contains(kOtherNumberWords, compact)) {
        other_context = true;
        invoice_context = 0;
      } else if (!contains(kListWords, compact)) {
        invoice_context = 0;
        other_context = false;
      }
      hash = false;
      continue;
    }

    const bool was_hash = hash;
    hash = false;
    after_ind = false;
    if (looks_like_amount(word) || looks_like_date(word)) {
      continue;
    }
    const std::string_view prefix = compact.substr(0, leading_letters);
    if (other_context || (!prefix.empty() && contains(kOtherNumberWords, prefix))) {
      other_context = false;
      continue;
    }

    RefCandidate c;
    c.compact_len = static_cast<std::uint8_t>(upper_len);
    std::copy(upper_word, upper_word + upper_len, c.compact);
    std::string key;
    key.reserve(24);
    append_invoice_key(word, key);
    if (key.size() > static_cast<std::size_t>(RefCandidate::kMax)) continue;
    c.key_len = static_cast<std::uint8_t>(key.size());
    std::copy(key.begin(), key.end(), c.key);
    std::size_t digit_count = 0;
    for (char ch : word)
      if (is_digit(ch) && digit_count < static_cast<std::size_t>(RefCandidate::kMax))
        c.digits[digit_count++] = ch;
    c.digits_len = static_cast<std::uint8_t>(digit_count);

    if (structured) c.context = RefContext::kStructured;
    else if (was_hash || invoice_context > 0 || leading_letters > 0) c.context = RefContext::kInvoiceWord;
    else c.context = RefContext::kBare;
    if (c.context == RefContext::kBare && digit_count < 4) continue;
    if (invoice_context > 0) invoice_context = 3;  // a list of numbers keeps the context

    push(out, max_out, c);
    // "123/124": also each run on its own, when it is long enough to mean something.
    if (key.find('-') != std::string::npos) {
      for_each_digit_run(word, [&](std::string_view run) {
        if (run.size() < 3) return;
        RefCandidate r;
        r.context = c.context;
        std::string rk;
        append_invoice_key(run, rk);
        if (rk.size() > static_cast<std::size_t>(RefCandidate::kMax)) return;
        r.key_len = static_cast<std::uint8_t>(rk.size());
        std::copy(rk.begin(), rk.end(), r.key);
        r.digits_len = static_cast<std::uint8_t>(run.size());
        std::copy(run.begin(), run.end(), r.digits);
        r.compact_len = static_cast<std::uint8_t>(run.size());
        std::copy(run.begin(), run.end(), r.compact);
        push(out, max_out, r);
      });
    }
  }
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  if (n > 64 || m > 64) return a == b ? 0 : limit + 1;
  int prev2[65];
  int prev[65];
  int cur[65];
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    std::copy(prev, prev + m + 1, prev2);
    std::copy(cur, cur + m + 1, prev);
  }
  return std::min(prev[m], limit + 1);
}

}  // namespace otc::engine
