// NACHA ACH: 94-character records 1 (file header), 5 (batch header), 6 (entry), 7 (addenda),
// 8 (batch control), 9 (file control), blocked in tens with all-'9' filler records.
#include <string>
#include <vector>

#include "otc/import/bank/bank_detail.hpp"

namespace otc::import::bank_detail {
namespace {

constexpr std::size_t kRecordLength = 94;

// 1-based inclusive columns, as the NACHA rules print them.
std::string_view col(std::string_view rec, std::size_t from, std::size_t to) {
  if (from - 1 >= rec.size()) return {};
  return rec.substr(from - 1, to - from + 1);
}

struct Entry {
  std::size_t tx_index = 0;           // index into the result's transactions
  std::vector<std::string> payloads;  // 05 addenda payloads in sequence
};

// Pulls invoice references out of X12 segments carried in addenda: RMR*IV*INV-1001**5200.00\ .
void parse_x12(std::string_view payload, std::vector<std::string>& refs) {
  char elem = '*';
  char seg_end = 0;
  if (payload.substr(0, 3) == "ISA" && payload.size() >= 106) {
    elem = payload[3];
    seg_end = payload[105];
  } else if (payload.find('\\') != std::string_view::npos) {
    seg_end = '\\';
  } else if (payload.find('~') != std::string_view::npos) {
    seg_end = '~';
  }
  std::size_t start = 0;
  while (start < payload.size()) {
    std::size_t end = seg_end ? payload.find(seg_end, start) : std::string_view::npos;
    std::string_view seg = trim(payload.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (seg.substr(0, 4) == std::string{'R', 'M', 'R', elem}) {
      // RMR*qualifier*reference*...
      std::size_t a = 4;
      std::size_t b = seg.find(elem, a);
      if (b != std::string_view::npos) {
        std::size_t c = seg.find(elem, b + 1);
        std::string_view ref = trim(seg.substr(b + 1, c == std::string_view::npos ? std::string_view::npos : c - b - 1));
        if (!ref.empty()) refs.emplace_back(ref);
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

class NachaReader {
 public:
  NachaReader(std::string_view data, ReadContext& ctx) : data_(data), ctx_(ctx) {}

  void run() {
    long last_line = 1;
    std::size_t short_records = 0;
    long first_short = 0;
    for (const Line& l : split_lines(data_)) {
      std::string_view rec = l.text;
      last_line = l.number;
      if (trim(rec).empty()) continue;
      if (rec.size() > kRecordLength) {
        ctx_.problem(l.number, "record is " + std::to_string(rec.size()) + " characters long, expected 94");
      }
      std::string padded;
      if (rec.size() < kRecordLength) {
        if (short_records++ == 0) first_short = l.number;
        padded.assign(rec);
        padded.resize(kRecordLength, ' ');
        rec = padded;
      }
      if (seen_file_control_) {
        if (rec.find_first_not_of('9') == std::string_view::npos || trim(rec).find_first_not_of('9') == std::string_view::npos) {
          continue;
        }
        ctx_.problem(l.number, "record after the 9 file control record");
        continue;
      }
      ++records_;
      switch (rec[0]) {
        case '1': file_header(rec, l.number); break;
        case '5': batch_header(rec, l.number); break;
        case '6': entry(rec, l.number); break;
        case '7': addenda(rec, l.number); break;
        case '8': batch_control(rec, l.number); break;
        case '9': file_control(rec, l.number); break;
        default: ctx_.problem(l.number, std::string("unknown record type '") + rec[0] + "'");
      }
    }
    if (short_records > 0) {
      ctx_.note(first_short, std::to_string(short_records) + " record(s) shorter than 94 characters were padded with spaces");
    }
    finish_entry();
    if (in_batch_) ctx_.problem(last_line, "the file ends inside batch " + batch_number_ + " (no 8 batch control record)");
    if (!seen_file_control_) ctx_.problem(last_line, "the file ends without a 9 file control record");
  }

 private:
  std::optional<std::int64_t> number(std::string_view field, long line, const char* what) {
    return ctx_.digits_field(parse_digits(trim(field)), field, line, what);
  }
  std::optional<std::int64_t> amount_field(std::string_view field, long line, const char* what) {
    return ctx_.digits_field(parse_implied_amount(trim(field)), field, line, what);
  }

  void file_header(std::string_view rec, long line) {
    if (seen_file_header_) ctx_.problem(line, "second 1 file header record");
    seen_file_header_ = true;
    if (col(rec, 35, 37) != "094") {
      ctx_.problem(line, "file header record size is '" + std::string(col(rec, 35, 37)) + "', expected 094");
    }
    file_date_ = parse_yymmdd(col(rec, 24, 29));
    if (!file_date_) ctx_.problem(line, "bad file creation date '" + std::string(col(rec, 24, 29)) + "' (expected YYMMDD)");
  }

  void batch_header(std::string_view rec, long line) {
    finish_entry();
    if (!seen_file_header_) ctx_.problem(line, "5 batch header before the 1 file header");
    if (in_batch_) ctx_.problem(line, "5 batch header inside batch " + batch_number_ + " (8 batch control missing)");
    in_batch_ = true;
    ++batches_;
    service_class_ = std::string(col(rec, 2, 4));
    company_name_ = std::string(trim(col(rec, 5, 20)));
    company_id_ = std::string(trim(col(rec, 41, 50)));
    sec_ = std::string(col(rec, 51, 53));
    entry_description_ = std::string(trim(col(rec, 54, 63)));
    batch_number_ = std::string(col(rec, 88, 94));
    batch_count_ = batch_hash_ = batch_debit_ = batch_credit_ = 0;
    std::string_view eff = col(rec, 70, 75);
    effective_date_ = parse_yymmdd(eff);
    if (!effective_date_) {
      // Returns and notifications of change often carry 000000 or blanks here; the date only
      // positions the entry, so the file creation date stands in.
      effective_date_ = file_date_;
      ctx_.note(line, "batch " + batch_number_ + " effective entry date '" + std::string(eff) +
                          "' is not a YYMMDD date; the file creation date " +
                          (file_date_ ? file_date_->iso() : std::string("(unknown)")) + " is used");
    }
  }

  void entry(std::string_view rec, long line) {
    finish_entry();
    if (!in_batch_) {
      ctx_.problem(line, "6 entry record outside a batch");
      return;
    }
    ++batch_count_;
    std::string_view code = col(rec, 2, 3);
    auto rdfi = number(col(rec, 4, 11), line, "RDFI routing number");
    if (rdfi) batch_hash_ += *rdfi;
    auto amount = amount_field(col(rec, 30, 39), line, "amount");
    if (!amount) return;
    domain::Direction direction;
    if (code.size() == 2 && code[0] >= '2' && code[0] <= '5' && code[1] >= '1' && code[1] <= '4') {
      direction = domain::Direction::kCredit;
      batch_credit_ += *amount;
    } else if (code.size() == 2 && code[0] >= '2' && code[0] <= '5' && code[1] >= '5' && code[1] <= '9') {
      direction = domain::Direction::kDebit;
      batch_debit_ += *amount;
    } else {
      ctx_.problem(line, "unknown transaction code '" + std::string(code) + "'", "entry left out");
      return;
    }
    auto& t = ctx_.add_transaction(line);
    t.amount_minor = *amount;
    t.direction = direction;
    t.booking_date = effective_date_.value_or(core::Date{});
    t.value_date = t.booking_date;
    t.bank_reference = std::string(col(rec, 80, 94));
    t.end_to_end_id = std::string(trim(col(rec, 40, 54)));
    t.type_code = sec_ + " " + std::string(code);
    t.account = std::string(trim(col(rec, 4, 12))) + "/" + std::string(trim(col(rec, 13, 29)));
    bool is_ctx = sec_ == "CTX";
    std::string receiver(trim(is_ctx ? col(rec, 59, 74) : col(rec, 55, 76)));
    // Credits: the originator (batch company) paid. Debits and returns: the receiver is the counterparty.
    if (direction == domain::Direction::kCredit && code[1] != '1') {
      t.payer_name = company_name_;
      t.payer_account = company_id_;
    } else {
      t.payer_name = receiver;
      t.payer_account = t.account;
      t.account = company_id_;
    }
    if (entry_description_ == "REVERSAL") t.reversal = true;
    current_.tx_index = ctx_.out().transactions.size() - 1;
    current_.payloads.clear();
    has_entry_ = true;
    addenda_expected_ = col(rec, 79, 79) == "1";
  }

  void addenda(std::string_view rec, long line) {
    if (!in_batch_) {
      ctx_.problem(line, "7 addenda record outside a batch");
      return;
    }
    ++batch_count_;
    if (!has_entry_) {
      ctx_.problem(line, "7 addenda record without an entry before it");
      return;
    }
    if (!addenda_expected_) ctx_.problem(line, "addenda record for an entry whose addenda indicator is 0");
    auto& t = ctx_.out().transactions[current_.tx_index];
    std::string_view type = col(rec, 2, 3);
    if (type == "05") {
      current_.payloads.emplace_back(col(rec, 4, 83));
    } else if (type == "99") {
      t.reversal = true;
      t.return_reason = std::string(col(rec, 4, 6));
      std::string_view original_trace = trim(col(rec, 7, 21));
      if (!original_trace.empty()) t.remittance_refs.emplace_back(original_trace);
      std::string info = collapse_spaces(col(rec, 36, 79));
      t.remittance_text = "return " + t.return_reason + (info.empty() ? "" : ": " + info);
    } else if (type == "98") {
      t.return_reason = std::string(col(rec, 4, 6));
      std::string_view original_trace = trim(col(rec, 7, 21));
      if (!original_trace.empty()) t.remittance_refs.emplace_back(original_trace);
      t.remittance_text = "notification of change " + t.return_reason + ": corrected data " +
                          collapse_spaces(col(rec, 36, 64));
    } else if (type == "02" || (type >= "10" && type <= "18")) {
      // POS/SHR terminal data and IAT addenda: kept as text.
      if (!t.remittance_text.empty()) t.remittance_text += ' ';
      t.remittance_text += collapse_spaces(col(rec, 4, 83));
    } else {
      ctx_.problem(line, "unknown addenda type '" + std::string(type) + "'");
    }
  }

  void finish_entry() {
    if (!has_entry_) return;
    has_entry_ = false;
    if (current_.payloads.empty()) return;
    auto& t = ctx_.out().transactions[current_.tx_index];
    std::string joined;
    for (const auto& p : current_.payloads) joined += p;  // X12 segments cross 80-character payloads
    bool x12 = joined.find('*') != std::string::npos &&
               (joined.find('\\') != std::string::npos || joined.find('~') != std::string::npos ||
                joined.substr(0, 3) == "ISA");
    if (x12) {
      parse_x12(joined, t.remittance_refs);
      t.remittance_text = std::string(trim(joined));
    } else {
      std::string text;
      for (const auto& p : current_.payloads) {
        std::string_view piece = trim(p);
        if (piece.empty()) continue;
        if (!text.empty()) text += ' ';
        text.append(piece);
      }
      t.remittance_text = std::move(text);
    }
  }

  void batch_control(std::string_view rec, long line) {
    finish_entry();
    if (!in_batch_) {
      ctx_.problem(line, "8 batch control record without a batch");
      return;
    }
    in_batch_ = false;
    std::string label = "NACHA batch " + batch_number_ + " control ";
    if (col(rec, 2, 4) != service_class_) {
      ctx_.problem(line, label + "service class " + std::string(col(rec, 2, 4)) + " differs from the batch header's " +
                             service_class_);
    }
    if (col(rec, 88, 94) != batch_number_) {
      ctx_.problem(line, label + "batch number " + std::string(col(rec, 88, 94)) + " differs from the batch header's");
    }
    core::Currency usd = ctx_.default_currency();
    if (auto n = number(col(rec, 5, 10), line, "entry/addenda count")) {
      ctx_.check_count(label + "entry/addenda count", *n, batch_count_, line);
    }
    if (auto h = number(col(rec, 11, 20), line, "entry hash")) {
      ctx_.check_count(label + "entry hash", *h, batch_hash_ % 10000000000LL, line);
    }
    if (auto d = amount_field(col(rec, 21, 32), line, "total debit amount")) ctx_.check(label + "total debit", *d, batch_debit_, usd, line);
    if (auto c = amount_field(col(rec, 33, 44), line, "total credit amount")) ctx_.check(label + "total credit", *c, batch_credit_, usd, line);
    file_count_ += batch_count_;
    file_hash_ += batch_hash_;
    file_debit_ += batch_debit_;
    file_credit_ += batch_credit_;
  }

  void file_control(std::string_view rec, long line) {
    finish_entry();
    if (in_batch_) ctx_.problem(line, "9 file control record inside batch " + batch_number_ + " (8 batch control missing)");
    seen_file_control_ = true;
    core::Currency usd = ctx_.default_currency();
    if (auto n = number(col(rec, 2, 7), line, "batch count")) ctx_.check_count("NACHA file control batch count", *n, batches_, line);
    if (auto n = number(col(rec, 8, 13), line, "block count")) {
      ctx_.check_count("NACHA file control block count", *n, (records_ + 9) / 10, line);
    }
    if (auto n = number(col(rec, 14, 21), line, "entry/addenda count")) {
      ctx_.check_count("NACHA file control entry/addenda count", *n, file_count_, line);
    }
    if (auto h = number(col(rec, 22, 31), line, "entry hash")) {
      ctx_.check_count("NACHA file control entry hash", *h, file_hash_ % 10000000000LL, line);
    }
    if (auto d = amount_field(col(rec, 32, 43), line, "total debit amount")) ctx_.check("NACHA file control total debit", *d, file_debit_, usd, line);
    if (auto c = amount_field(col(rec, 44, 55), line, "total credit amount")) ctx_.check("NACHA file control total credit", *c, file_credit_, usd, line);
  }

  std::string_view data_;
  ReadContext& ctx_;
  bool seen_file_header_ = false, seen_file_control_ = false, in_batch_ = false, has_entry_ = false;
  bool addenda_expected_ = false;
  std::optional<core::Date> file_date_, effective_date_;
  std::string service_class_, company_name_, company_id_, sec_, entry_description_, batch_number_;
  std::int64_t records_ = 0, batches_ = 0;
  std::int64_t batch_count_ = 0, batch_hash_ = 0, batch_debit_ = 0, batch_credit_ = 0;
  std::int64_t file_count_ = 0, file_hash_ = 0, file_debit_ = 0, file_credit_ = 0;
  Entry current_;
};

}  // namespace

void read_nacha(std::string_view data, ReadContext& ctx) { run_reader<NachaReader>(data, ctx); }

}  // namespace otc::import::bank_detail
