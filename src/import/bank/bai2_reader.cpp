// BAI2 (Cash Management Balance Reporting, version 2; BTRS version 3 has the same shape).
// 01 (02 (03 [88] (16 [88])* 49)+ 98)+ 99. Fields separated by ',', records end with '/'.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "otc/import/bank/bank_detail.hpp"
#include "otc/import/bank/payer_text.hpp"

namespace otc::import::bank_detail {
namespace {

struct Record {
  int code = 0;                           // 1, 2, 3, 16, 49, 98, 99
  long line = 0;                          // line of the record's first physical line
  std::vector<std::string_view> segments;  // physical pieces, record code and trailing '/' removed
  long physical = 1;                      // physical records: the record itself plus its 88s
};

// Type codes whose detail records are returns or reversals of an earlier entry.
constexpr int kReturnTypeCodes[] = {123, 252, 255, 257, 258, 261, 266, 395, 423, 552, 555, 557, 558, 561, 566, 694};

bool is_return_type(int code) {
  return std::find(std::begin(kReturnTypeCodes), std::end(kReturnTypeCodes), code) != std::end(kReturnTypeCodes);
}

std::string_view strip_record_end(std::string_view s) {
  s = trim_right(s);
  if (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

// Splits the segments of a non-text record into fields; segments are joined as new fields.
std::vector<std::string_view> split_fields(const Record& r) {
  std::vector<std::string_view> fields;
  for (std::string_view seg : r.segments) {
    std::size_t start = 0;
    for (;;) {
      std::size_t comma = seg.find(',', start);
      if (comma == std::string_view::npos) {
        fields.push_back(trim(seg.substr(start)));
        break;
      }
      fields.push_back(trim(seg.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return fields;
}

// Reads the fields of a 16 record one by one across its 88 continuations; the rest is the text.
class FieldCursor {
 public:
  explicit FieldCursor(const std::vector<std::string_view>& segs) : segs_(segs) {}
  std::string_view next() {
    while (seg_ < segs_.size() && pos_ > segs_[seg_].size()) {
      ++seg_;
      pos_ = 0;
    }
    if (seg_ >= segs_.size()) return {};
    std::string_view s = segs_[seg_];
    std::size_t comma = s.find(',', pos_);
    std::string_view field = s.substr(pos_, comma == std::string_view::npos ? std::string_view::npos : comma - pos_);
    pos_ = comma == std::string_view::npos ? s.size() + 1 : comma + 1;
    return trim(field);
  }
  /// The text field: the rest of the current segment and every later one, one piece per segment.
  std::vector<std::string_view> rest() const {
    std::vector<std::string_view> pieces;
    for (std::size_t i = seg_; i < segs_.size(); ++i) {
      std::string_view s = segs_[i];
      if (i == seg_) {
        if (pos_ > s.size()) continue;
        s = s.substr(pos_);
      }
      pieces.push_back(s);
    }
    return pieces;
  }

 private:
  const std::vector<std::string_view>& segs_;
  std::size_t seg_ = 0;
  std::size_t pos_ = 0;
};

std::string_view trim_text(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ',' || s.front() == ' ')) s.remove_prefix(1);
  return s;
}

// "KEY: value" (Goldman) or "KEY:=value" (Fedwire) at the start of a text piece.
bool tagged_value(std::string_view piece, std::string_view key, std::string_view& value) {
  piece = trim(piece);
  if (!starts_with_ci(piece, key)) return false;
  std::string_view rest = piece.substr(key.size());
  if (rest.size() >= 2 && rest[0] == ':' && rest[1] == '=') {
    value = trim(rest.substr(2));
    return true;
  }
  if (!rest.empty() && rest[0] == ':') {
    value = trim(rest.substr(1));
    return true;
  }
  return false;
}

// An ACH return reason such as R02 appearing as a word of its own.
std::string find_return_code(std::string_view text) {
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
    if (text[i] != 'R' || !std::isdigit(static_cast<unsigned char>(text[i + 1])) ||
        !std::isdigit(static_cast<unsigned char>(text[i + 2]))) {
      continue;
    }
    bool left_ok = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    bool right_ok = i + 3 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 3]));
    if (left_ok && right_ok) return std::string(text.substr(i, 3));
  }
  return {};
}

class Bai2Reader {
 public:
  Bai2Reader(std::string_view data, ReadContext& ctx) : data_(data), ctx_(ctx) {}

  void run() {
    collect_records();
    for (const Record& r : records_) handle(r);
    long last = last_line_;
    if (in_account_) ctx_.problem(last, "the file ends inside account " + account_ + " (no 49 account trailer)");
    if (in_group_) ctx_.problem(last, "the file ends inside a group (no 98 group trailer)");
    if (!seen_file_trailer_) ctx_.problem(last, "the file ends without a 99 file trailer");
  }

 private:
  void collect_records() {
    for (const Line& l : split_lines(data_)) {
      std::string_view whole = trim_right(l.text);
      if (!whole.empty()) last_line_ = l.number;
      // Several records on one physical line ("01,...,2/02,...,2/03,.../"): split after each '/'
      // that a record code and a comma follow.
      std::vector<std::string_view> pieces;
      std::size_t from = 0;
      for (std::size_t p = 0; p + 3 < whole.size(); ++p) {
        if (whole[p] != '/' || whole[p + 3] != ',') continue;
        const std::string_view next = whole.substr(p + 1, 2);
        if (next == "01" || next == "02" || next == "03" || next == "16" || next == "49" || next == "88" || next == "98" ||
            next == "99") {
          pieces.push_back(whole.substr(from, p + 1 - from));
          from = p + 1;
        }
      }
      pieces.push_back(whole.substr(from));
      for (std::string_view piece : pieces) collect_record(l, trim_right(piece));
    }
  }

  void collect_record(const Line& l, std::string_view t) {
    {
      if (t.empty()) return;
      std::size_t comma = t.find(',');
      std::string_view code_text = comma == std::string_view::npos ? strip_record_end(t) : t.substr(0, comma);
      std::string_view body = comma == std::string_view::npos ? std::string_view{} : strip_record_end(t.substr(comma + 1));
      auto code = parse_digits(code_text);
      if (!code || code_text.size() != 2) {
        ctx_.problem(l.number, "not a BAI2 record: '" + std::string(t.substr(0, 20)) + "'");
        return;
      }
      if (*code == 88) {
        if (records_.empty()) {
          ctx_.problem(l.number, "88 continuation record before any record it could continue");
          return;
        }
        records_.back().segments.push_back(body);
        ++records_.back().physical;
        return;
      }
      if (*code != 1 && *code != 2 && *code != 3 && *code != 16 && *code != 49 && *code != 98 && *code != 99) {
        ctx_.problem(l.number, "unknown BAI2 record code " + std::string(code_text));
        return;
      }
      Record r;
      r.code = static_cast<int>(*code);
      r.line = l.number;
      r.segments.push_back(body);
      records_.push_back(std::move(r));
    }
  }

  std::int64_t amount_field(std::string_view f, long line, const char* what, bool allow_sign) {
    if (f.empty()) return 0;
    auto v = parse_implied_amount(f, allow_sign);
    if (!v) {
      ctx_.problem(line, std::string("bad ") + what + " '" + std::string(f) + "': expected digits (implied decimals)");
      return 0;
    }
    return *v;
  }

  std::int64_t count_field(std::string_view f, long line, const char* what) {
    auto v = parse_digits(f);
    if (!v) {
      ctx_.problem(line, std::string("bad ") + what + " '" + std::string(f) + "'");
      return 0;
    }
    return *v;
  }

  void handle(const Record& r) {
    if (seen_file_trailer_) {
      ctx_.problem(r.line, "record after the 99 file trailer");
      return;
    }
    file_records_ += r.physical;
    if (in_group_) group_records_ += r.physical;
    if (in_account_) account_records_ += r.physical;
    switch (r.code) {
      case 1: file_header(r); break;
      case 2: group_header(r); break;
      case 3: account_header(r); break;
      case 16: detail(r); break;
      case 49: account_trailer(r); break;
      case 98: group_trailer(r); break;
      case 99: file_trailer(r); break;
    }
  }

  void file_header(const Record& r) {
    if (seen_file_header_) ctx_.problem(r.line, "second 01 file header");
    seen_file_header_ = true;
    file_records_ = r.physical;
    auto f = split_fields(r);
    if (f.size() >= 3) file_date_ = parse_yymmdd(f[2]);
    if (f.size() >= 8 && !f[7].empty() && f[7] != "2" && f[7] != "3") {
      ctx_.note(r.line, "BAI version '" + std::string(f[7]) + "' (expected 2 or 3); read as version 2");
    }
  }

  void group_header(const Record& r) {
    if (!seen_file_header_) ctx_.problem(r.line, "02 group header before the 01 file header");
    if (in_account_) ctx_.problem(r.line, "02 group header inside account " + account_ + " (49 trailer missing)");
    if (in_group_) ctx_.problem(r.line, "02 group header inside a group (98 trailer missing)");
    in_group_ = true;
    in_account_ = false;
    group_records_ = r.physical;
    group_total_ = 0;
    group_accounts_ = 0;
    ++file_groups_;
    auto f = split_fields(r);
    group_date_ = file_date_;
    if (f.size() >= 4) {
      if (auto d = parse_yymmdd(f[3])) group_date_ = d;
      else ctx_.problem(r.line, "bad as-of date '" + std::string(f[3]) + "' in 02 group header (expected YYMMDD)");
    }
    group_currency_ = ctx_.default_currency();
    if (f.size() >= 6 && !f[5].empty()) {
      if (auto c = core::find_currency(f[5], true)) group_currency_ = *c;
      else ctx_.problem(r.line, "bad currency '" + std::string(f[5]) + "' in 02 group header");
    }
  }

  void account_header(const Record& r) {
    if (!in_group_) ctx_.problem(r.line, "03 account record outside a group");
    if (in_account_) ctx_.problem(r.line, "03 account record inside account " + account_ + " (49 trailer missing)");
    in_account_ = true;
    account_records_ = r.physical;
    account_total_ = 0;
    ++group_accounts_;
    auto f = split_fields(r);
    account_ = f.empty() ? std::string() : std::string(f[0]);
    account_currency_ = group_currency_;
    if (f.size() >= 2 && !f[1].empty()) {
      if (auto c = core::find_currency(f[1], true)) account_currency_ = *c;
      else ctx_.problem(r.line, "bad currency '" + std::string(f[1]) + "' in 03 account record");
    }
    // Then repeating: type code, amount, item count, funds type [+ extras]. Parse by meaning: a type
    // code is expected where empty fields (from ",/" endings joined with 88s) may sit.
    std::size_t i = 2;
    while (i < f.size()) {
      if (f[i].empty()) {
        ++i;
        continue;
      }
      std::string_view type = f[i];
      if (type.size() != 3 || !all_digits(type)) {
        ctx_.problem(r.line, "bad type code '" + std::string(type) + "' in 03 account record");
        return;
      }
      std::string_view amount = i + 1 < f.size() ? f[i + 1] : std::string_view{};
      account_total_ += amount_field(amount, r.line, "summary amount", true);
      std::string_view count = i + 2 < f.size() ? f[i + 2] : std::string_view{};
      if (!count.empty() && !all_digits(count)) ctx_.problem(r.line, "bad item count '" + std::string(count) + "'");
      std::string_view funds = i + 3 < f.size() ? f[i + 3] : std::string_view{};
      i += 4;
      i += funds_extras(funds, f, i, r.line);
    }
  }

  // Number of fields that follow a funds type; validates them.
  std::size_t funds_extras(std::string_view funds, const std::vector<std::string_view>& f, std::size_t i, long line) {
    auto at = [&](std::size_t k) { return i + k < f.size() ? f[i + k] : std::string_view{}; };
    if (funds.empty() || funds == "0" || funds == "1" || funds == "2" || funds == "Z") return 0;
    if (funds == "S") {
      for (std::size_t k = 0; k < 3; ++k) amount_field(at(k), line, "funds availability amount", true);
      return 3;
    }
    if (funds == "V") {
      if (!at(0).empty() && !parse_yymmdd(at(0))) {
        ctx_.problem(line, "bad value date '" + std::string(at(0)) + "' after funds type V (expected YYMMDD)");
      }
      return 2;
    }
    if (funds == "D") {
      auto n = parse_digits(at(0));
      if (!n || *n > 1000) {
        ctx_.problem(line, "bad distribution count '" + std::string(at(0)) + "' after funds type D");
        return 1;
      }
      for (std::int64_t k = 0; k < *n; ++k) {
        if (!at(static_cast<std::size_t>(1 + 2 * k)).empty() && !all_digits(at(static_cast<std::size_t>(1 + 2 * k)))) {
          ctx_.problem(line, "bad availability days in funds type D distribution");
        }
        amount_field(at(static_cast<std::size_t>(2 + 2 * k)), line, "distribution amount", true);
      }
      return static_cast<std::size_t>(1 + 2 * *n);
    }
    ctx_.problem(line, "unknown funds type '" + std::string(funds) + "'");
    return 0;
  }

  void detail(const Record& r) {
    if (!in_account_) {
      ctx_.problem(r.line, "16 transaction detail outside an account (no 03 record before it)");
      return;
    }
    FieldCursor cur(r.segments);
    std::string_view type = cur.next();
    std::string_view amount_text = cur.next();
    std::string_view funds = cur.next();
    std::optional<core::Date> value_date;
    if (funds == "S") {
      for (int k = 0; k < 3; ++k) amount_field(cur.next(), r.line, "funds availability amount", true);
    } else if (funds == "V") {
      std::string_view d = cur.next();
      cur.next();  // time
      value_date = parse_yymmdd(d);
      if (!value_date) ctx_.problem(r.line, "bad value date '" + std::string(d) + "' after funds type V (expected YYMMDD)");
    } else if (funds == "D") {
      std::string_view n_text = cur.next();
      auto n = parse_digits(n_text);
      if (!n || *n > 1000) {
        ctx_.problem(r.line, "bad distribution count '" + std::string(n_text) + "' after funds type D");
      } else {
        for (std::int64_t k = 0; k < *n; ++k) {
          cur.next();
          amount_field(cur.next(), r.line, "distribution amount", true);
        }
      }
    } else if (!(funds.empty() || funds == "0" || funds == "1" || funds == "2" || funds == "Z")) {
      ctx_.problem(r.line, "unknown funds type '" + std::string(funds) + "'");
    }
    std::string_view bank_ref = cur.next();
    std::string_view customer_ref = cur.next();
    std::vector<std::string_view> text_pieces = cur.rest();

    if (type.size() != 3 || !all_digits(type)) {
      ctx_.problem(r.line, "bad type code '" + std::string(type) + "' in 16 transaction detail", "entry left out");
      return;
    }
    if (amount_text.empty()) {
      ctx_.problem(r.line, "16 transaction detail without an amount", "entry left out");
      return;
    }
    auto amount = parse_implied_amount(amount_text);
    if (!amount) {
      ctx_.problem(r.line, "bad amount '" + std::string(amount_text) +
                               "' in 16 transaction detail: expected digits with implied decimals",
                   "entry left out");
      return;
    }
    account_total_ += *amount;
    int code = std::stoi(std::string(type));
    domain::Direction direction;
    if (code >= 100 && code <= 399) {
      direction = domain::Direction::kCredit;
    } else if (code >= 400 && code <= 699) {
      direction = domain::Direction::kDebit;
    } else {
      ctx_.problem(r.line, "type code " + std::string(type) +
                               " has no defined direction (credits are 100-399, debits 400-699)", "entry left out");
      return;
    }

    auto& t = ctx_.add_transaction(r.line);
    t.amount_minor = *amount;
    t.currency = account_currency_;
    t.direction = direction;
    t.booking_date = group_date_.value_or(core::Date{});
    t.value_date = value_date.value_or(t.booking_date);
    t.bank_reference = std::string(bank_ref);
    t.type_code = std::string(type);
    t.account = account_;

    std::string text;
    for (std::string_view piece : text_pieces) {
      std::string_view p = trim_text(piece);
      if (p.empty()) continue;
      if (!text.empty()) text += ' ';
      text.append(p);
    }
    // Tags banks put in the text and in 88 lines: Goldman "EREF: x", Fedwire "ORG:=x".
    std::string_view v;
    std::string debtor, creditor, debtor_account, creditor_account;
    for (std::string_view piece : text_pieces) {
      std::string_view p = trim_text(piece);
      if (tagged_value(p, "EREF", v) && !v.empty()) t.end_to_end_id = std::string(v);
      else if ((tagged_value(p, "DBNM", v) || tagged_value(p, "ORG", v)) && !v.empty()) debtor = std::string(v);
      else if ((tagged_value(p, "CRNM", v) || tagged_value(p, "BNF NAME", v)) && !v.empty()) creditor = std::string(v);
      else if (tagged_value(p, "DACT", v) && !v.empty()) debtor_account = std::string(v);
      else if ((tagged_value(p, "CACT", v) || tagged_value(p, "BNF ID", v)) && !v.empty()) creditor_account = std::string(v);
    }
    bool credit = direction == domain::Direction::kCredit;
    t.payer_name = credit ? (debtor.empty() ? creditor : debtor) : (creditor.empty() ? debtor : creditor);
    t.payer_account = credit ? debtor_account : creditor_account;
    if (t.end_to_end_id.empty()) t.end_to_end_id = std::string(customer_ref);
    t.remittance_text = std::move(text);
    // ACH and wire conventions inside the text (ORIG CO NAME:, B/O, ORG=, /ORDP/, IND ID:, RMR*IV*).
    enrich_from_text(t);

    std::string rcode = find_return_code(t.remittance_text);
    bool says_return = contains_ci(t.remittance_text, "RETURN") || contains_ci(t.remittance_text, "REVERSAL");
    if (is_return_type(code) || (says_return && !rcode.empty()) || starts_with_ci(t.remittance_text, "RETURNED")) {
      t.reversal = true;
      t.return_reason = rcode;
    }
  }

  void account_trailer(const Record& r) {
    if (!in_account_) {
      ctx_.problem(r.line, "49 account trailer without an open account");
      return;
    }
    auto f = split_fields(r);
    std::int64_t total = f.empty() ? 0 : amount_field(f[0], r.line, "account control total", true);
    ctx_.check("BAI2 account trailer 49 total (account " + account_ + ")", total, account_total_, account_currency_,
               r.line);
    if (f.size() < 2 || f[1].empty()) {
      ctx_.problem(r.line, "49 account trailer without a record count");
    } else {
      ctx_.check_count("BAI2 account trailer 49 record count (account " + account_ + ")",
                       count_field(f[1], r.line, "record count"), account_records_, r.line);
    }
    group_total_ += total;
    in_account_ = false;
  }

  /// The fields of a 98 or 99 trailer (trailing empty ones dropped), its control total read into
  /// `total` and checked against what the records add up to.
  std::vector<std::string_view> control_trailer(const Record& r, const std::string& label, const char* what, std::int64_t actual,
                                                std::int64_t& total) {
    auto f = split_fields(r);
    while (!f.empty() && f.back().empty()) f.pop_back();
    total = f.empty() ? 0 : amount_field(f[0], r.line, what, true);
    ctx_.check(label + " total", total, actual, group_currency_, r.line);
    return f;
  }

  /// A 98 or 99 trailer's second and third fields: how many accounts (groups) and records it closes.
  void trailer_counts(const Record& r, const std::vector<std::string_view>& f, const std::string& label, const char* children,
                      std::int64_t children_actual, std::int64_t records_actual) {
    ctx_.check_count(label + " " + children, count_field(f[1], r.line, children), children_actual, r.line);
    ctx_.check_count(label + " record count", count_field(f[2], r.line, "record count"), records_actual, r.line);
  }

  void group_trailer(const Record& r) {
    if (in_account_) ctx_.problem(r.line, "98 group trailer inside account " + account_ + " (49 trailer missing)");
    if (!in_group_) {
      ctx_.problem(r.line, "98 group trailer without an open group");
      return;
    }
    std::int64_t total = 0;
    auto f = control_trailer(r, "BAI2 group trailer 98", "group control total", group_total_, total);
    if (f.size() >= 3) {
      trailer_counts(r, f, "BAI2 group trailer 98", "number of accounts", group_accounts_, group_records_);
    } else if (f.size() == 2) {
      ctx_.problem(r.line, "98 group trailer has 2 fields (expected control total, number of accounts, record "
                           "count); read the second as the record count");
      ctx_.check_count("BAI2 group trailer 98 record count", count_field(f[1], r.line, "record count"),
                       group_records_, r.line);
    } else {
      ctx_.problem(r.line, "98 group trailer without number of accounts and record count");
    }
    file_total_ += total;
    in_group_ = false;
    in_account_ = false;
  }

  void file_trailer(const Record& r) {
    if (in_group_) ctx_.problem(r.line, "99 file trailer inside a group (98 trailer missing)");
    std::int64_t total = 0;
    auto f = control_trailer(r, "BAI2 file trailer 99", "file control total", file_total_, total);
    if (f.size() >= 3) {
      trailer_counts(r, f, "BAI2 file trailer 99", "number of groups", file_groups_, file_records_);
    } else {
      ctx_.problem(r.line, "99 file trailer without number of groups and record count");
    }
    seen_file_trailer_ = true;
    in_group_ = false;
  }

  std::string_view data_;
  ReadContext& ctx_;
  std::vector<Record> records_;
  long last_line_ = 1;

  bool seen_file_header_ = false, seen_file_trailer_ = false, in_group_ = false, in_account_ = false;
  std::optional<core::Date> file_date_, group_date_;
  core::Currency group_currency_ = *core::find_currency("USD");
  core::Currency account_currency_ = group_currency_;
  std::string account_;
  std::int64_t account_total_ = 0, group_total_ = 0, file_total_ = 0;
  std::int64_t account_records_ = 0, group_records_ = 0, file_records_ = 0;
  std::int64_t group_accounts_ = 0, file_groups_ = 0;
};

}  // namespace

void read_bai2(std::string_view data, ReadContext& ctx) { run_reader<Bai2Reader>(data, ctx); }

}  // namespace otc::import::bank_detail
