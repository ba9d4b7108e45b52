#include "otc/import/bank/bank_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

#include "otc/import/bank/bank_detail.hpp"

namespace otc::import {

using core::Error;
using core::ErrorKind;
using namespace bank_detail;

namespace {

struct FormatName {
  BankFormat format;
  std::string_view name;
};

// The first name of each format is its canonical one; the others are accepted aliases.
constexpr FormatName kFormatNames[] = {
    {BankFormat::kAuto, "auto"},       {BankFormat::kCsv, "csv"},         {BankFormat::kBai2, "bai2"},
    {BankFormat::kBai2, "bai"},        {BankFormat::kBai2, "btrs"},       {BankFormat::kMt940, "mt940"},
    {BankFormat::kMt942, "mt942"},     {BankFormat::kCamt053, "camt053"}, {BankFormat::kCamt053, "camt.053"},
    {BankFormat::kCamt052, "camt052"}, {BankFormat::kCamt052, "camt.052"}, {BankFormat::kCamt054, "camt054"}, {BankFormat::kCamt054, "camt.054"}, {BankFormat::kNacha, "nacha"},
    {BankFormat::kNacha, "ach"},       {BankFormat::kLockbox, "lockbox"},
};

std::string_view first_line(std::string_view s) {
  std::size_t end = s.find_first_of("\r\n");
  return end == std::string_view::npos ? s : s.substr(0, end);
}

std::string_view next_line(std::string_view s) {
  std::size_t end = s.find_first_of("\r\n");
  if (end == std::string_view::npos) return {};
  s.remove_prefix(end);
  while (!s.empty() && (s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  return first_line(s);
}

bool has_tag_line(std::string_view s, std::string_view tag) {
  std::size_t pos = 0;
  while ((pos = s.find(tag, pos)) != std::string_view::npos) {
    if (pos == 0 || s[pos - 1] == '\n' || s[pos - 1] == '\r' || s[pos - 1] == '\x01' || s[pos - 1] == '{' ||
        s[pos - 1] == ':') {
      return true;
    }
    pos += tag.size();
  }
  return false;
}

BankFormat detect_swift(std::string_view s) {
  // SWIFT block 2 names the message type: {2:O940...} or {2:I942...}.
  if (auto b2 = s.find("{2:"); b2 != std::string_view::npos && b2 + 7 <= s.size()) {
    std::string_view mt = s.substr(b2 + 4, 3);
    if (mt == "940" || mt == "950") return BankFormat::kMt940;
    if (mt == "942") return BankFormat::kMt942;
  }
  if (!has_tag_line(s, ":20:")) return BankFormat::kAuto;
  bool mt942_tags = has_tag_line(s, ":34F:") || has_tag_line(s, ":13D:") || has_tag_line(s, ":13:");
  bool balance = has_tag_line(s, ":60F:") || has_tag_line(s, ":60M:");
  if (mt942_tags && !balance) return BankFormat::kMt942;
  if (balance || has_tag_line(s, ":61:") || has_tag_line(s, ":25:")) return BankFormat::kMt940;
  return BankFormat::kAuto;
}

bool csv_header_looks_like_bank(std::string_view header) {
  std::string h = to_upper(header);
  auto has = [&](const char* w) { return h.find(w) != std::string::npos; };
  bool date = has("DATE") || has("DATUM") || has("BUCHUNGSTAG") || has("VALUTA") || has("FECHA") || has("DATA");
  bool amount = has("AMOUNT") || has("DEBIT") || has("CREDIT") || has("BETRAG") || has("SOLL") || has("HABEN") ||
                has("UMSATZ") || has("IMPORTE") || has("MONTANT") || has("IMPORTO") || has("BEDRAG");
  bool delimited = header.find_first_of(",;\t") != std::string_view::npos;
  return date && amount && delimited;
}

}  // namespace

std::string_view bank_format_name(BankFormat format) {
  for (const auto& f : kFormatNames) {
    if (f.format == format) return f.name;
  }
  return "auto";
}

std::optional<BankFormat> parse_bank_format(std::string_view name) {
  std::string n = to_upper(trim(name));
  for (const auto& f : kFormatNames) {
    if (n == to_upper(f.name)) return f.format;
  }
  return std::nullopt;
}

BankFormat detect_bank_format(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  // Skip SOH framing and blank lines before the first record.
  while (!s.empty() && (s.front() == '\x01' || s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\n')) {
    s.remove_prefix(1);
  }
  if (s.empty()) return BankFormat::kAuto;

  if (s.front() == '<') {
    if (s.find("camt.053") != std::string_view::npos || s.find("BkToCstmrStmt") != std::string_view::npos) {
      return BankFormat::kCamt053;
    }
    if (s.find("camt.054") != std::string_view::npos || s.find("BkToCstmrDbtCdtNtfctn") != std::string_view::npos) {
      return BankFormat::kCamt054;
    }
    if (s.find("camt.052") != std::string_view::npos || s.find("BkToCstmrAcctRpt") != std::string_view::npos) {
      return BankFormat::kCamt052;
    }
    return BankFormat::kAuto;
  }

  std::string_view line1 = first_line(s);
  if (line1.size() >= 3 && line1.substr(0, 3) == "01,") return BankFormat::kBai2;
  if (line1.size() >= 40 && line1[0] == '1' && line1.substr(34, 3) == "094") return BankFormat::kNacha;
  if (line1.size() >= 3 && line1[0] == '1' && all_digits(line1.substr(1, 2))) {
    std::string_view line2 = next_line(s);
    if (!line2.empty() && line2[0] == '2') return BankFormat::kLockbox;
    if (!line2.empty() && line2[0] == '5' && line1.size() >= 90) return BankFormat::kNacha;
  }
  if (BankFormat f = detect_swift(s); f != BankFormat::kAuto) return f;
  if (csv_header_looks_like_bank(line1)) return BankFormat::kCsv;
  // A summary block above the header (Bank of America): a later line among the first 20 is the header.
  {
    std::string_view rest = s;
    for (int n = 0; n < 20 && !rest.empty(); ++n) {
      std::size_t nl = rest.find('\n');
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
      std::string_view line = rest.substr(0, rest.find_first_of("\r\n"));
      if (csv_header_looks_like_bank(line) && line.find("DATE") != std::string_view::npos) return BankFormat::kCsv;
      if (csv_header_looks_like_bank(line) && line.find("Date") != std::string_view::npos) return BankFormat::kCsv;
    }
  }
  return BankFormat::kAuto;
}

BankReadResult read_bank_data(const std::string& name, std::string_view data, BankFormat format,
                              const BankReadOptions& opts) {
  BankReadResult result;
  if (format == BankFormat::kAuto) {
    format = detect_bank_format(data.substr(0, 8192));
    // A bank CSV profile or mapping file says what the file is.
    if (format == BankFormat::kAuto && (opts.csv_mapping || !opts.csv_profile.empty())) format = BankFormat::kCsv;
    if (format == BankFormat::kAuto) {
      throw Error(ErrorKind::kInput, "cannot tell the bank file format from its content", {name, 1, 0},
                  "name the format (csv, bai2, mt940, mt942, camt052, camt053, camt054, nacha, lockbox)");
    }
  }
  result.format = format;
  ReadContext ctx(name, opts, result);
  ctx.set_data(data);
  switch (format) {
    case BankFormat::kBai2: read_bai2(data, ctx); break;
    case BankFormat::kMt940: read_mt94x(data, ctx, false); break;
    case BankFormat::kMt942: read_mt94x(data, ctx, true); break;
    case BankFormat::kCamt052:
    case BankFormat::kCamt053:
    case BankFormat::kCamt054: read_camt(data, ctx); break;
    case BankFormat::kNacha: read_nacha(data, ctx); break;
    case BankFormat::kLockbox: read_lockbox(data, ctx); break;
    case BankFormat::kCsv: read_bank_csv(data, ctx); break;
    case BankFormat::kAuto: break;
  }
  normalize_text_encoding(ctx);
  // A lenient read never silently drops every entry: nothing read from a file whose entries were
  // all left out is an error, not an empty statement.
  if (opts.lenient && result.transactions.empty()) {
    for (const auto& t : result.tolerated)
      if (t.find("left out") != std::string::npos && t.find("not booked") == std::string::npos)
        throw Error(ErrorKind::kInput, "no transaction could be read: every entry was left out (first: " + t + ")", {name});
  }
  return result;
}

BankReadResult read_bank_file(const std::string& path, BankFormat format, const BankReadOptions& opts) {
  std::string data;
  std::string name = path == "-" ? "<stdin>" : path;
  if (path == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) throw Error(ErrorKind::kInput, std::string("cannot open: ") + std::strerror(errno), {name});
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) throw Error(ErrorKind::kInput, "read error", {name});
  }
  return read_bank_data(name, data, format, opts);
}

}  // namespace otc::import
