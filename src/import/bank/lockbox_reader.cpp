// BAI lockbox, fixed width (the layout of the FundersClub/bai-lockbox corpus file; bank layouts vary):
// 1 immediate address header, 2 service record, 5 detail header, 6 check detail, 4 overflow,
// 7 batch total, 8 service total, 9 destination trailer.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "otc/import/bank/bank_detail.hpp"

namespace otc::import::bank_detail {
namespace {

// 0-based [from, to) columns.
std::string_view cols(std::string_view rec, std::size_t from, std::size_t to) {
  if (from >= rec.size()) return {};
  return rec.substr(from, std::min(to, rec.size()) - from);
}

std::string strip_zeros(std::string_view s) {
  s = trim(s);
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  return std::string(s);
}

class LockboxReader {
 public:
  LockboxReader(std::string_view data, ReadContext& ctx) : data_(data), ctx_(ctx) {}

  void run() {
    long last_line = 1;
    for (const Line& l : split_lines(data_)) {
      std::string_view rec = trim_right(l.text);
      last_line = l.number;
      if (rec.empty()) continue;
      if (seen_trailer_) {
        ctx_.problem(l.number, "record after the 9 destination trailer");
        continue;
      }
      ++records_;
      if (rec.size() > 104) ctx_.problem(l.number, "record is longer than 104 characters");
      switch (rec[0]) {
        case '1': header(rec, l.number); break;
        case '2': break;  // service record: record size and blocking factor are not needed to read lines
        case '5': detail_header(rec, l.number); break;
        case '6': check(rec, l.number); break;
        case '4': overflow(rec, l.number); break;
        case '7': batch_total(rec, l.number); break;
        case '8': service_total(rec, l.number); break;
        case '9': trailer(rec, l.number); break;
        default: ctx_.problem(l.number, std::string("unknown lockbox record type '") + rec[0] + "'");
      }
    }
    if (!seen_trailer_) ctx_.problem(last_line, "the file ends without a 9 destination trailer");
  }

 private:
  std::optional<std::int64_t> number(std::string_view field, long line, const char* what) {
    return ctx_.digits_field(parse_digits(field), field, line, what);
  }
  std::optional<std::int64_t> amount_field(std::string_view field, long line, const char* what) {
    return ctx_.digits_field(parse_implied_amount(field), field, line, what);
  }

  void header(std::string_view rec, long line) {
    processing_date_ = parse_yymmdd(cols(rec, 23, 29));
    if (!processing_date_) ctx_.problem(line, "bad processing date '" + std::string(cols(rec, 23, 29)) + "' (expected YYMMDD)");
  }

  void detail_header(std::string_view rec, long line) {
    lockbox_ = std::string(cols(rec, 7, 14));
    deposit_date_text_ = std::string(cols(rec, 14, 20));
    deposit_date_ = parse_yymmdd(deposit_date_text_);
    if (!deposit_date_) {
      ctx_.problem(line, "bad deposit date '" + deposit_date_text_ + "' (expected YYMMDD)");
      deposit_date_ = processing_date_;
    }
  }

  void check(std::string_view rec, long line) {
    std::string batch(cols(rec, 1, 4)), item(cols(rec, 4, 7));
    auto amount = amount_field(cols(rec, 7, 17), line, "check amount");
    if (!amount) return;
    auto& b = batches_[batch];
    b.count += 1;
    b.total += *amount;
    service_count_ += 1;
    service_total_ += *amount;
    auto& t = ctx_.add_transaction(line);
    t.amount_minor = *amount;
    t.direction = domain::Direction::kCredit;
    t.booking_date = deposit_date_.value_or(processing_date_.value_or(core::Date{}));
    t.value_date = t.booking_date;
    t.bank_reference = lockbox_ + "-" + deposit_date_text_ + "-" + batch + "-" + item;
    std::string check_number = strip_zeros(cols(rec, 36, 46));
    t.end_to_end_id = check_number;
    std::string_view routing = trim(cols(rec, 17, 26)), account = trim(cols(rec, 26, 36));
    t.payer_account = std::string(routing) + "/" + std::string(account);
    t.payer_name = collapse_spaces(cols(rec, 52, 82));
    t.type_code = "LOCKBOX CHECK";
    t.account = lockbox_;
    std::string_view check_date = cols(rec, 46, 52);
    auto cd = parse_mmddyy(check_date);
    if (!cd && !trim(check_date).empty()) ctx_.problem(line, "bad check date '" + std::string(check_date) + "' (expected MMDDYY)");
    t.remittance_text = "check " + check_number + (cd ? " dated " + cd->iso() : std::string());
    items_[batch + "/" + item] = ctx_.out().transactions.size() - 1;
  }

  void overflow(std::string_view rec, long line) {
    std::string key = std::string(cols(rec, 1, 4)) + "/" + std::string(cols(rec, 4, 7));
    auto it = items_.find(key);
    if (it == items_.end()) {
      ctx_.problem(line, "overflow record for batch/item " + key + " that has no check record");
      return;
    }
    auto& t = ctx_.out().transactions[it->second];
    std::string memo = collapse_spaces(cols(rec, 11, 41));
    if (memo.empty()) return;
    t.remittance_refs.push_back(memo);
    t.remittance_text += " " + memo;
  }

  void batch_total(std::string_view rec, long line) {
    std::string batch(cols(rec, 1, 4));
    const auto& b = batches_[batch];
    if (auto n = number(cols(rec, 20, 23), line, "number of remittances")) {
      ctx_.check_count("lockbox batch " + batch + " total 7 number of remittances", *n, b.count, line);
    }
    if (auto total = amount_field(cols(rec, 23, 33), line, "batch dollar total")) {
      ctx_.check("lockbox batch " + batch + " total 7 dollar total", *total, b.total, ctx_.default_currency(), line);
    }
  }

  void service_total(std::string_view rec, long line) {
    if (auto n = number(cols(rec, 20, 24), line, "number of checks")) {
      ctx_.check_count("lockbox service total 8 number of checks", *n, service_count_, line);
    }
    if (auto total = amount_field(cols(rec, 24, 34), line, "service dollar total")) {
      ctx_.check("lockbox service total 8 dollar total", *total, service_total_, ctx_.default_currency(), line);
    }
  }

  void trailer(std::string_view rec, long line) {
    seen_trailer_ = true;
    if (auto n = number(cols(rec, 1, 7), line, "total record count")) {
      ctx_.check_count("lockbox destination trailer 9 record count", *n, records_, line);
    }
  }

  struct BatchSum {
    std::int64_t count = 0, total = 0;
  };

  std::string_view data_;
  ReadContext& ctx_;
  std::optional<core::Date> processing_date_, deposit_date_;
  std::string lockbox_, deposit_date_text_;
  std::map<std::string, BatchSum> batches_;
  std::map<std::string, std::size_t> items_;
  std::int64_t records_ = 0, service_count_ = 0, service_total_ = 0;
  bool seen_trailer_ = false;
};

}  // namespace

void read_lockbox(std::string_view data, ReadContext& ctx) { run_reader<LockboxReader>(data, ctx); }

}  // namespace otc::import::bank_detail
