// SWIFT MT940 (customer statement) and MT942 (interim transaction report).
// A statement is a run of ":NN[a]:" tags from :20: to a "-" line (or the next :20:). Lines that do
// not start a tag continue the previous one.
#include <cctype>
#include <string>
#include <vector>

#include "otc/import/bank/bank_detail.hpp"
#include "otc/import/bank/payer_text.hpp"

namespace otc::import::bank_detail {
namespace {

struct Tag {
  std::string name;  // "20", "60F", "61", ...
  long line = 0;
  std::vector<std::string_view> lines;  // first line is the text after ":NN:"
};

struct Balance {
  bool present = false;
  std::int64_t signed_minor = 0;
  core::Currency currency;
  long line = 0;
};

struct PendingTx {
  domain::BankTransaction t;
  std::string amount_text;
  long line = 0;
  bool has_86 = false;
};

// SEPA purpose keys inside German ?20-?29 text.
constexpr std::string_view kSepaKeys[] = {"EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+",
                                          "ABWA+", "ABWE+", "COAM+", "OAMT+", "IBAN+", "BIC+"};

// Dutch/SEPA "/TAG/value" keys in :86:.
constexpr std::string_view kSlashTags[] = {"TRTP", "IBAN", "BIC",  "NAME", "REMI", "EREF", "MARF", "CSID",
                                           "ORDP", "BENM", "ISDT", "ADDR", "ACCW", "ULTC", "ULTD", "ULTB",
                                           "PREF", "RTRN", "CNTP", "PURP", "SVCL", "INV",  "OCMT", "CHGS",
                                           "EXCH", "BUSP", "RETR", "ID"};

bool is_tag_line(std::string_view s, std::string& name, std::string_view& rest) {
  // ":NN:" or ":NNa:" with two digits and an optional letter, or ":NS:".
  if (s.size() < 4 || s[0] != ':') return false;
  std::size_t close = s.find(':', 1);
  if (close == std::string_view::npos || close < 3 || close > 4) return false;
  std::string_view n = s.substr(1, close - 1);
  bool digits = std::isdigit(static_cast<unsigned char>(n[0])) && std::isdigit(static_cast<unsigned char>(n[1]));
  bool letter = n.size() == 2 || std::isalpha(static_cast<unsigned char>(n[2]));
  if (!(digits && letter) && n != "NS") return false;
  name = std::string(n);
  rest = s.substr(close + 1);
  return true;
}

bool is_statement_end(std::string_view s) {
  s = trim(s);
  if (s.empty() || s[0] != '-') return false;
  if (s.size() >= 2 && s[1] == '}') return true;
  if (s.size() > 5) return false;
  for (char c : s.substr(1)) if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string_view strip_framing(std::string_view s) {
  while (!s.empty() && (s.front() == '\x01' || s.front() == '\x02')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\x03' || s.back() == '\x1a')) s.remove_suffix(1);
  return s;
}

// Joins :86: lines. Structured German (?nn) and Triodos (>nn) text is joined without separator,
// because subfields are cut mid-word at the line break. Free text: a line that fills the 65-character
// width continues without a separator, a shorter one ends a word.
std::string join_86(const std::vector<std::string_view>& lines, bool structured) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (structured) {
      // Trailing blanks are line padding; the subfield text itself continues on the next line.
      out.append(trim_right(i == 0 ? trim_left(l) : l));
      continue;
    }
    // The first line's width includes the ":86:" tag.
    std::size_t previous_width = i == 0 ? 0 : lines[i - 1].size() + (i == 1 ? 4 : 0);
    if (i > 0 && previous_width < 65 && !out.empty()) out.push_back(' ');
    out.append(trim_right(l));
  }
  return out;
}

bool is_structured_86(std::string_view s, char& marker) {
  s = trim_left(s);
  if (s.size() < 4 || !all_digits(s.substr(0, 3))) return false;
  if (s[3] != '?' && s[3] != '>') return false;
  marker = s[3];
  return true;
}

// Appends `piece` to `out`: with no separator when the previous piece filled its 27-character
// slot (a word cut at the slot end), else with a space.
void append_piece(std::string& out, std::string_view piece, std::size_t& last_len) {
  if (!out.empty() && last_len < 27) out.push_back(' ');
  out.append(piece);
  last_len = piece.size();
}

std::string sepa_value(std::string_view purpose, std::string_view key) {
  std::size_t p = purpose.find(key);
  if (p == std::string_view::npos) return {};
  std::size_t start = p + key.size();
  std::size_t end = purpose.size();
  for (std::string_view k : kSepaKeys) {
    std::size_t q = purpose.find(k, start);
    if (q != std::string_view::npos && q < end) end = q;
  }
  return collapse_spaces(purpose.substr(start, end - start));
}

void apply_structured_86(std::string_view text, char marker, domain::BankTransaction& t) {
  text = trim_left(text);
  std::string gvc(text.substr(0, 3));
  struct Sub {
    int key;
    std::string_view value;
  };
  std::vector<Sub> subs;
  std::size_t i = 3;
  auto is_key = [&](std::size_t k) {
    return k + 2 < text.size() && text[k] == marker && std::isdigit(static_cast<unsigned char>(text[k + 1])) &&
           std::isdigit(static_cast<unsigned char>(text[k + 2]));
  };
  while (i < text.size() && !is_key(i)) ++i;
  while (i < text.size()) {
    int key = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
    std::size_t start = i + 3, end = start;
    while (end < text.size() && !is_key(end)) ++end;
    subs.push_back({key, text.substr(start, end - start)});
    i = end;
  }
  std::string purpose, name, posting;
  std::size_t last = 27;
  std::string_view account, iban;
  for (const Sub& s : subs) {
    if ((s.key >= 20 && s.key <= 29) || (s.key >= 60 && s.key <= 63)) {
      append_piece(purpose, s.value, last);
    } else if (s.key == 32 || s.key == 33) {
      name.append(s.value);
    } else if (s.key == 31) {
      account = trim(s.value);
    } else if (s.key == 38) {
      iban = trim(s.value);
    } else if (s.key == 0) {
      posting = collapse_spaces(s.value);
    }
  }
  if (!name.empty()) t.payer_name = collapse_spaces(name);
  if (!iban.empty() || !account.empty()) t.payer_account = std::string(iban.empty() ? account : iban);
  t.remittance_text = collapse_spaces(purpose.empty() ? posting : purpose);
  std::string eref = sepa_value(purpose, "EREF+");
  if (!eref.empty() && eref != "NOTPROVIDED") t.end_to_end_id = eref;
  if (!gvc.empty() && gvc != "000") t.type_code += (t.type_code.empty() ? "" : "/") + gvc;
}

bool apply_slash_tags(std::string_view text, domain::BankTransaction& t) {
  auto tag_at = [&](std::size_t p, std::string_view& tag) {
    if (p >= text.size() || text[p] != '/') return false;
    for (std::string_view k : kSlashTags) {
      if (text.size() >= p + k.size() + 2 && text.substr(p + 1, k.size()) == k && text[p + 1 + k.size()] == '/') {
        tag = k;
        return true;
      }
    }
    return false;
  };
  std::string_view tag;
  std::size_t p = text.find('/');
  if (p == std::string_view::npos || !tag_at(p, tag)) return false;
  bool any_remi = false;
  while (p < text.size()) {
    std::size_t start = p + tag.size() + 2;
    std::size_t end = start;
    std::string_view next_tag;
    while (end < text.size() && !tag_at(end, next_tag)) ++end;
    std::string value = collapse_spaces(text.substr(start, end - start));
    while (!value.empty() && value.back() == '/') value.pop_back();  // the closing slash of the last tag
    if ((tag == "NAME" || tag == "ORDP") && t.payer_name.empty()) {
      std::string_view v = value;
      while (!v.empty() && v.front() == '/') v.remove_prefix(1);
      t.payer_name = std::string(v);
    } else if ((tag == "IBAN" || tag == "ACCW") && t.payer_account.empty()) {
      t.payer_account = value.substr(0, value.find(','));
    } else if (tag == "CNTP") {
      // /CNTP/IBAN/BIC/NAME/CITY/
      std::vector<std::string> parts;
      std::size_t a = 0;
      for (;;) {
        std::size_t b = value.find('/', a);
        parts.push_back(value.substr(a, b == std::string::npos ? std::string::npos : b - a));
        if (b == std::string::npos) break;
        a = b + 1;
      }
      if (!parts.empty() && t.payer_account.empty()) t.payer_account = parts[0];
      if (parts.size() > 2 && t.payer_name.empty()) t.payer_name = parts[2];
    } else if (tag == "REMI") {
      any_remi = true;
      std::string_view v = value;
      if (v.substr(0, 6) == "USTD//") v.remove_prefix(6);
      if (v.substr(0, 9) == "STRD/CUR/") {
        v.remove_prefix(9);
        std::string_view ref = v.substr(0, v.find('/'));
        if (!ref.empty()) t.remittance_refs.emplace_back(ref);
      }
      t.remittance_text = std::string(trim(v));
    } else if (tag == "EREF" && !value.empty() && value != "NOTPROVIDED") {
      t.end_to_end_id = value;
    } else if (tag == "INV" && !value.empty()) {
      t.remittance_refs.push_back(value);
    } else if (tag == "RTRN" && !value.empty()) {
      t.reversal = true;
      t.return_reason = value;
    }
    if (end >= text.size()) break;
    p = end;
    tag = next_tag;
  }
  if (!any_remi) t.remittance_text = collapse_spaces(text);
  return true;
}

class Mt94xReader {
 public:
  Mt94xReader(std::string_view data, ReadContext& ctx, bool mt942) : data_(data), ctx_(ctx), mt942_(mt942) {}

  void run() {
    bool have_tag = false;
    Tag tag;
    long last_line = 1;
    for (const Line& l : split_lines(data_)) {
      std::string_view s = strip_framing(l.text);
      if (!trim(s).empty()) last_line = l.number;
      // SWIFT envelope: {1:...}{2:...}{4: opens the text block, "-}" closes it.
      if (!s.empty() && s.front() == '{') {
        std::size_t b4 = s.find("{4:");
        if (b4 == std::string_view::npos) continue;
        s = s.substr(b4 + 3);
        if (trim(s).empty()) continue;
      }
      std::string name;
      std::string_view rest;
      if (is_tag_line(s, name, rest)) {
        if (have_tag) handle(tag);
        tag = Tag{name, l.number, {rest}};
        have_tag = true;
        continue;
      }
      if (is_statement_end(s)) {
        if (have_tag) handle(tag);
        have_tag = false;
        finish_statement(l.number);
        continue;
      }
      if (have_tag) {
        tag.lines.push_back(s);
      } else if (!trim(s).empty() && in_statement_) {
        ctx_.problem(l.number, "text outside any tag: '" + std::string(trim(s).substr(0, 30)) + "'");
      }
    }
    if (have_tag) handle(tag);
    finish_statement(last_line);
    if (statements_ == 0) ctx_.fail(last_line, std::string("no ") + (mt942_ ? "MT942" : "MT940") + " statement (:20: tag) found");
  }

 private:
  void start_statement(long line) {
    finish_statement(line);
    in_statement_ = true;
    ++statements_;
    statement_line_ = line;
    account_.clear();
    reference_.clear();
    sequence_.clear();
    opening_ = closing_ = Balance{};
    currency_.reset();
    pending_.clear();
    last_tag_.clear();
    sum90d_ = sum90c_ = Balance{};
    count90d_ = count90c_ = -1;
  }

  std::string label() const {
    std::string s = "statement " + reference_;
    if (!sequence_.empty()) s += " " + sequence_;
    return s;
  }

  void handle(const Tag& tag) {
    const std::string& n = tag.name;
    std::string_view first = tag.lines.empty() ? std::string_view{} : trim(tag.lines[0]);
    if (n == "20") {
      start_statement(tag.line);
      reference_ = std::string(first);
      valid_utf8_or_latin1(reference_);
      return;
    }
    if (!in_statement_) {
      ctx_.problem(tag.line, ":" + n + ": tag before the :20: that starts a statement");
      return;
    }
    if (n == "25") {
      account_ = std::string(first);
    } else if (n == "28" || n == "28C") {
      sequence_ = std::string(first);
    } else if (n == "60F" || n == "60M") {
      opening_ = balance(first, tag.line, n);
    } else if (n == "62F" || n == "62M") {
      closing_ = balance(first, tag.line, n);
    } else if (n == "61") {
      statement_line(tag);
    } else if (n == "86") {
      if (!pending_.empty() && !pending_.back().has_86 && last_tag_ == "61") {
        information(tag, pending_.back());
      }
    } else if (n == "34F") {
      if (first.size() >= 3) set_currency(first.substr(0, 3), tag.line);
    } else if (n == "90D" || n == "90C") {
      sum_line(first, tag.line, n == "90D");
    }
    last_tag_ = n;
  }

  void set_currency(std::string_view code, long line) {
    if (currency_) return;
    auto c = core::find_currency(code, true);
    if (!c) {
      ctx_.problem(line, "bad currency '" + std::string(code) + "'");
      return;
    }
    currency_ = *c;
  }

  Balance balance(std::string_view s, long line, const std::string& tag) {
    Balance b;
    b.line = line;
    // D|C YYMMDD CCY amount
    if (s.size() < 11 || (s[0] != 'C' && s[0] != 'D')) {
      ctx_.problem(line, ":" + tag + ": balance '" + std::string(s) + "' is not D|C + YYMMDD + currency + amount");
      return b;
    }
    auto c = core::find_currency(s.substr(7, 3), true);
    if (!c) {
      ctx_.problem(line, ":" + tag + ": bad currency '" + std::string(s.substr(7, 3)) + "'");
      return b;
    }
    if (!currency_) currency_ = *c;
    std::string why;
    auto amount = parse_decimal(trim(s.substr(10)), c->exponent, ",.", &why);
    if (!amount) {
      ctx_.problem(line, ":" + tag + ": bad amount '" + std::string(s.substr(10)) + "': " + why);
      return b;
    }
    b.present = true;
    b.currency = *c;
    b.signed_minor = s[0] == 'D' ? -*amount : *amount;
    return b;
  }

  void sum_line(std::string_view s, long line, bool debit) {
    // count + CCY + amount, e.g. "3PLN0,03"
    std::size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    auto count = parse_digits(s.substr(0, i));
    if (!count || s.size() < i + 4) {
      ctx_.problem(line, std::string(debit ? ":90D:" : ":90C:") + " '" + std::string(s) + "' is not count + currency + amount");
      return;
    }
    set_currency(s.substr(i, 3), line);
    Balance b;
    b.line = line;
    auto c = core::find_currency(s.substr(i, 3), true);
    std::string why;
    auto amount = c ? parse_decimal(s.substr(i + 3), c->exponent, ",.", &why) : std::nullopt;
    if (!amount) {
      ctx_.problem(line, std::string(debit ? ":90D:" : ":90C:") + " bad amount '" + std::string(s.substr(i + 3)) + "'");
      return;
    }
    b.present = true;
    b.currency = *c;
    b.signed_minor = *amount;
    if (debit) { sum90d_ = b; count90d_ = *count; }
    else { sum90c_ = b; count90c_ = *count; }
  }

  std::optional<core::Date> date_field(std::string_view s, long line, const char* what) {
    bool clamped = false;
    auto d = parse_yymmdd(s, true, &clamped);
    if (!d) {
      ctx_.problem(line, std::string("bad ") + what + " '" + std::string(s) + "' in :61: (expected YYMMDD)", "entry left out");
      return std::nullopt;
    }
    if (clamped) {
      ctx_.problem(line, std::string(what) + " '" + std::string(s) + "' in :61: is not a calendar date",
                   "read as " + d->iso());
    }
    return d;
  }

  void statement_line(const Tag& tag) {
    std::string_view s = trim(tag.lines[0]);
    long line = tag.line;
    auto bad = [&](const std::string& why) {
      ctx_.problem(line, ":61: statement line '" + std::string(s) + "': " + why, "entry left out");
    };
    if (s.size() < 6 || !all_digits(s.substr(0, 6))) return bad("expected a YYMMDD value date");
    std::size_t p = 6;
    auto value_date = date_field(s.substr(0, 6), line, "value date");
    if (!value_date) return;
    std::optional<core::Date> entry_date;
    if (s.size() >= p + 4 && all_digits(s.substr(p, 4))) {
      int mm = (s[p] - '0') * 10 + (s[p + 1] - '0');
      int dd = (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
      int year = value_date->year();
      if (mm - value_date->month() > 6) --year;       // entry in December, value in January
      else if (value_date->month() - mm > 6) ++year;  // entry in January, value in December
      bool clamped = false;
      entry_date = make_date(year, mm, dd, true, &clamped);
      if (!entry_date) {
        ctx_.problem(line, "bad entry date '" + std::string(s.substr(p, 4)) + "' in :61: (expected MMDD)");
      } else if (clamped) {
        ctx_.problem(line, "entry date '" + std::string(s.substr(p, 4)) + "' in :61: is not a calendar date",
                     "read as " + entry_date->iso());
      }
      p += 4;
    }
    std::string mark;
    if (p < s.size() && (s[p] == 'R' || s[p] == 'E')) {
      mark = std::string(s.substr(p, 2));
      p += 2;
    } else if (p < s.size()) {
      mark = std::string(1, s[p]);
      p += 1;
    }
    if (mark != "C" && mark != "D" && mark != "RC" && mark != "RD" && mark != "EC" && mark != "ED") {
      return bad("expected C, D, RC or RD after the dates");
    }
    if (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) ++p;  // funds code (3rd letter of the currency)
    std::size_t amount_start = p;
    while (p < s.size() && (std::isdigit(static_cast<unsigned char>(s[p])) || s[p] == ',' || s[p] == '.')) ++p;
    std::string_view amount = s.substr(amount_start, p - amount_start);
    if (amount.empty() || !std::isdigit(static_cast<unsigned char>(amount[0]))) return bad("no amount");
    std::string_view rest = s.substr(p);
    std::string_view type;
    if (rest.substr(0, 2) == "//" || rest.substr(0, 6) == "NONREF") {
      // transaction type missing (seen from some banks)
    } else if (rest.size() >= 4 && std::isalpha(static_cast<unsigned char>(rest[0]))) {
      type = trim(rest.substr(0, 4));
      rest.remove_prefix(4);
    } else if (!rest.empty()) {
      return bad("expected a transaction type such as NTRF after the amount");
    }
    std::size_t slashes = rest.find("//");
    std::string_view customer_ref = trim(rest.substr(0, slashes));
    // Old layouts put the counterparty name after the 16-character reference, padded with blanks.
    std::string_view counterparty;
    if (std::size_t gap = customer_ref.find("  "); gap != std::string_view::npos) {
      counterparty = trim(customer_ref.substr(gap));
      customer_ref = trim(customer_ref.substr(0, gap));
    }
    std::string_view bank_ref = slashes == std::string_view::npos ? std::string_view{} : trim(rest.substr(slashes + 2));

    PendingTx tx;
    tx.line = line;
    tx.amount_text = std::string(amount);
    auto& t = tx.t;
    t.source_file = ctx_.file();
    t.source_line = line;
    t.value_date = *value_date;
    t.booking_date = entry_date.value_or(*value_date);
    t.direction = (mark == "C" || mark == "RD" || mark == "EC") ? domain::Direction::kCredit : domain::Direction::kDebit;
    t.reversal = mark == "RC" || mark == "RD";
    t.type_code = std::string(type);
    if (bank_ref != "NONREF") t.bank_reference = std::string(bank_ref);
    if (customer_ref != "NONREF") t.end_to_end_id = std::string(customer_ref);
    t.account = account_;
    t.payer_name = std::string(counterparty);
    // Supplementary details (34x) on the following lines.
    std::string supplementary;
    for (std::size_t i = 1; i < tag.lines.size(); ++i) {
      std::string_view l = trim(tag.lines[i]);
      if (l.empty()) continue;
      if (!supplementary.empty()) supplementary += ' ';
      supplementary.append(l);
    }
    if (!supplementary.empty()) {
      std::string_view sv = supplementary;
      bool account_like = looks_like_iban(sv) ||
                          (sv.size() <= 18 && (all_digits(sv) || (sv[0] == 'P' && all_digits(sv.substr(1)))));
      if (account_like) t.payer_account = supplementary;
      else t.remittance_text = supplementary;
    }
    pending_.push_back(std::move(tx));
  }

  void information(const Tag& tag, PendingTx& tx) {
    tx.has_86 = true;
    char marker = 0;
    bool structured = is_structured_86(tag.lines[0], marker);
    std::string text = join_86(tag.lines, structured);
    auto& t = tx.t;
    std::string supplementary = std::move(t.remittance_text);
    std::string keep_account = t.payer_account;
    t.remittance_text.clear();
    if (structured) {
      apply_structured_86(text, marker, t);
    } else if (!apply_slash_tags(text, t)) {
      t.remittance_text = collapse_spaces(text);
    }
    if (t.payer_account.empty()) t.payer_account = keep_account;
    if (!supplementary.empty()) {
      t.remittance_text = t.remittance_text.empty() ? supplementary : supplementary + " " + t.remittance_text;
    }
    // Free text that follows ACH or wire conventions (ORIG CO NAME:, B/O, ORG=, /ORDP/, IND ID:).
    enrich_from_text(t);
  }

  void finish_statement(long end_line) {
    if (!in_statement_) return;
    in_statement_ = false;
    core::Currency ccy = currency_.value_or(ctx_.default_currency());
    if (!currency_) ctx_.problem(statement_line_, label() + " names no currency", "read as " + std::string(ccy.view()));
    std::int64_t movement = 0, debits = 0, credits = 0;
    std::int64_t n_debits = 0, n_credits = 0;
    auto& out = ctx_.out().transactions;
    for (PendingTx& p : pending_) {
      std::string why;
      auto amount = parse_decimal(p.amount_text, ccy.exponent, ",.", &why);
      if (!amount) {
        ctx_.problem(p.line, ":61: bad amount '" + p.amount_text + "': " + why, "entry left out");
        continue;
      }
      p.t.amount_minor = *amount;
      p.t.currency = ccy;
      if (p.t.account.empty()) p.t.account = account_;
      bool credit = p.t.direction == domain::Direction::kCredit;
      movement += credit ? *amount : -*amount;
      if (credit) { credits += *amount; ++n_credits; }
      else { debits += *amount; ++n_debits; }
      out.push_back(std::move(p.t));
    }
    pending_.clear();
    if (mt942_) {
      if (count90d_ >= 0) {
        ctx_.check_count("MT942 :90D: number of debit entries", count90d_, n_debits, sum90d_.line);
        ctx_.check("MT942 :90D: sum of debit entries", sum90d_.signed_minor, debits, ccy, sum90d_.line);
      }
      if (count90c_ >= 0) {
        ctx_.check_count("MT942 :90C: number of credit entries", count90c_, n_credits, sum90c_.line);
        ctx_.check("MT942 :90C: sum of credit entries", sum90c_.signed_minor, credits, ccy, sum90c_.line);
      }
      return;
    }
    if (!opening_.present) {
      ctx_.problem(statement_line_, label() + " has no opening balance (:60F:/:60M:)");
      return;
    }
    if (!closing_.present) {
      ctx_.problem(end_line, label() + " has no closing balance (:62F:/:62M:); the file may be truncated");
      return;
    }
    if (!(opening_.currency == closing_.currency)) {
      ctx_.problem(closing_.line, label() + ": closing balance currency " + std::string(closing_.currency.view()) +
                                      " differs from opening balance currency " + std::string(opening_.currency.view()));
      return;
    }
    ctx_.check("MT940 opening+movements=closing (" + label() + ")", closing_.signed_minor,
               opening_.signed_minor + movement, ccy, closing_.line);
  }

  std::string_view data_;
  ReadContext& ctx_;
  bool mt942_;
  bool in_statement_ = false;
  int statements_ = 0;
  long statement_line_ = 0;
  std::string account_, reference_, sequence_, last_tag_;
  Balance opening_, closing_, sum90d_, sum90c_;
  std::int64_t count90d_ = -1, count90c_ = -1;
  std::optional<core::Currency> currency_;
  std::vector<PendingTx> pending_;
};

}  // namespace

void read_mt94x(std::string_view data, ReadContext& ctx, bool mt942) {
  Mt94xReader reader(data, ctx, mt942);
  reader.run();
}

}  // namespace otc::import::bank_detail
