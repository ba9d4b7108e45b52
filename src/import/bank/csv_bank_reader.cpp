// Generic CSV bank export: a header row naming the columns, then one transaction per row.
// Columns are found by name through the one synonym table below, never by position.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "otc/import/bank/bank_csv_profiles.hpp"
#include "otc/import/bank/bank_detail.hpp"
#include "otc/import/bank/payer_text.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/header_index.hpp"
#include "otc/import/mapping.hpp"

namespace otc::import::bank_detail {
namespace {

enum class Col {
  kDate, kValueDate, kAmount, kDebit, kCredit, kDirection, kCurrency, kReference, kEndToEnd,
  kPayer, kPayerAccount, kDescription, kRemittanceRef, kTypeCode, kAccount, kCount
};

struct Synonyms {
  Col col;
  std::array<std::string_view, 12> names;  // compared after import::normalize_header (lower-case letters and digits)
};

// THE table of CSV bank-export header synonyms.
constexpr Synonyms kSynonyms[] = {
    {Col::kDate, {"date", "bookingdate", "postingdate", "transactiondate", "postdate", "entrydate", "buchungstag",
                  "buchungsdatum", "datum", "txndate", "posteddate"}},
    {Col::kValueDate, {"valuedate", "valuta", "valutadatum", "effectivedate", "wertstellung"}},
    {Col::kAmount, {"amount", "amt", "transactionamount", "betrag", "netamount", "bedrag"}},
    {Col::kDebit, {"debit", "debitamount", "withdrawal", "withdrawals", "moneyout", "paidout", "soll", "debits"}},
    {Col::kCredit, {"credit", "creditamount", "deposit", "deposits", "moneyin", "paidin", "haben", "credits"}},
    {Col::kDirection, {"direction", "creditdebit", "debitcredit", "drcr", "crdr", "cdtdbtind", "sign", "afbij"}},
    {Col::kCurrency, {"currency", "ccy", "currencycode", "curr", "wahrung", "munt"}},
    // The bank's own id for the entry. A plain "Reference" column in a bank export is usually the
    // payer's reference (what they typed), so it is read as remittance below.
    {Col::kReference, {"bankreference", "bankref", "transactionid", "id", "transactionreference", "fitid",
                       "banktransactionid", "servicerreference", "acctsvcrref"}},
    {Col::kEndToEnd, {"endtoendid", "endtoendreference", "customerreference", "eref", "paymentreference"}},
    {Col::kPayer, {"payer", "payername", "name", "counterparty", "counterpartyname", "remitter", "from",
                   "originator", "beguenstigterzahlungspflichtiger", "naamtegenpartij", "payee"}},
    {Col::kPayerAccount, {"payeraccount", "counterpartyaccount", "iban", "accountnumberofpayer", "fromaccount",
                          "kontonummer", "tegenrekening"}},
    {Col::kDescription, {"description", "memo", "narrative", "details", "remittance", "remittanceinformation",
                         "text", "verwendungszweck", "omschrijving", "purpose", "paymentdetails"}},
    {Col::kRemittanceRef, {"reference", "ref", "referencenumber", "invoice", "invoicenumber", "invoiceno", "invoiceref",
                           "invoices", "remittancereference", "structuredreference", "creditorreference"}},
    {Col::kTypeCode, {"type", "typecode", "transactiontype", "code", "buchungstext"}},
    {Col::kAccount, {"account", "accountnumber", "ouraccount", "accountiban", "auftragskonto"}},
};


char detect_delimiter(std::string_view data) {
  std::string_view header = data.substr(0, data.find_first_of("\r\n"));
  std::size_t commas = 0, semis = 0, tabs = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++commas;
    else if (c == ';') ++semis;
    else if (c == '\t') ++tabs;
  }
  if (tabs > commas && tabs > semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

bool names_date_and_amount(std::string_view line) {
  const std::string h = to_upper(line);
  auto has = [&](const char* w) { return h.find(w) != std::string::npos; };
  return (has("DATE") || has("DATUM") || has("BUCHUNGSTAG")) &&
         (has("AMOUNT") || has("DEBIT") || has("CREDIT") || has("BETRAG") || has("SOLL") || has("HABEN"));
}

// Where the header row starts when a summary block precedes it; 0 when the first line is the header.
std::size_t preamble_end(std::string_view data) {
  std::size_t pos = 0;
  for (int n = 0; n < 20 && pos < data.size(); ++n) {
    std::size_t end = data.find('\n', pos);
    std::string_view line = data.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (names_date_and_amount(line)) return pos;
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return 0;
}

// The date order of dates that are not ISO, from the values: a first part above 12 is a day, a
// second part above 12 too. "%d.%m.%Y" for dotted dates that say nothing else (the European
// convention); nullopt with `why` set when the file does not tell.
std::optional<core::DateFormat> detect_date_format(const std::vector<std::string>& dates, std::string& why) {
  bool all_iso = true;
  for (const auto& d : dates) all_iso = all_iso && core::DateFormat().parse(d).has_value();
  if (all_iso) return core::DateFormat();
  char sep = 0;
  bool day_first = false, month_first = false, year_first = false;
  int year_digits = 0;
  for (const auto& d : dates) {
    std::string_view v = d;
    v = v.substr(0, v.find_first_of(" T"));
    int parts[3] = {0, 0, 0};
    int lens[3] = {0, 0, 0};
    int k = 0;
    char this_sep = 0;
    bool ok = true;
    for (char c : v) {
      if (c >= '0' && c <= '9') {
        if (k > 2 || lens[k] >= 4) { ok = false; break; }  // no date part has more than 4 digits
        parts[k] = parts[k] * 10 + (c - '0');
        ++lens[k];
      } else if (c == '.' || c == '/' || c == '-') {
        if (this_sep && c != this_sep) { ok = false; break; }
        this_sep = c;
        ++k;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok || k != 2 || lens[0] == 0 || lens[1] == 0 || lens[2] == 0) continue;
    if (sep && this_sep != sep) {
      why = "dates use different separators";
      return std::nullopt;
    }
    sep = this_sep;
    if (lens[0] == 4) {
      year_first = true;
      continue;
    }
    year_digits = std::max(year_digits, lens[2]);
    if (parts[0] > 12) day_first = true;
    if (parts[1] > 12) month_first = true;
  }
  if (!sep) {
    why = "no date in a known form";
    return std::nullopt;
  }
  const std::string s(1, sep);
  if (year_first) return core::DateFormat("%Y" + s + "%m" + s + "%d");
  const std::string year = year_digits == 2 ? "%y" : "%Y";
  if (day_first && month_first) {
    why = "some dates are day-first and some month-first";
    return std::nullopt;
  }
  if (day_first || (!month_first && sep == '.')) return core::DateFormat("%d" + s + "%m" + s + year);
  if (month_first) return core::DateFormat("%m" + s + "%d" + s + year);
  why = "every date reads both day-first and month-first (e.g. " + dates.front() + ")";
  return std::nullopt;
}

// The decimal mark from the amounts: "1.234,56" / "12,50" say comma, "1,234.56" / "12.50" say
// point. nullopt when the amounts say both or nothing.
std::optional<bool> detect_decimal_comma(const std::vector<std::string>& amounts) {
  bool comma = false, point = false;
  for (const auto& a : amounts) {
    std::string_view v = trim(a);
    while (!v.empty() && (v.back() < '0' || v.back() > '9')) v.remove_suffix(1);  // "12,50 EUR", "12.50-"
    const std::size_t mark = v.find_last_of(".,");
    if (mark == std::string_view::npos) continue;
    const std::size_t decimals = v.size() - mark - 1;
    if (decimals == 0 || decimals > 2) {
      // "1.234" or "1,234": a thousands separator, unless the other mark follows.
      continue;
    }
    if (v[mark] == ',') comma = true;
    else point = true;
  }
  if (comma == point) return std::nullopt;
  return comma;
}

}  // namespace

void read_bank_csv(std::string_view data, ReadContext& ctx) {
  const BankReadOptions& opts = ctx.opts();
  const BankCsvProfile* profile = nullptr;
  if (!opts.csv_profile.empty()) {
    profile = find_bank_csv_profile(opts.csv_profile);
    if (profile == nullptr) {
      std::string names;
      for (const auto& p : bank_csv_profiles()) names += (names.empty() ? "" : ", ") + std::string(p.name);
      throw core::Error(core::ErrorKind::kUsage, "--profile '" + opts.csv_profile + "' is not a bank CSV profile (" + names + ")");
    }
  }
  const MappingFile* map = opts.csv_mapping ? &*opts.csv_mapping : nullptr;
  // No profile and no map: a header that is a known export's signature picks its profile (its
  // columns; the delimiter, dates and amounts are still detected, the profile's only as fallback).
  bool auto_profile = false;
  if (profile == nullptr && map == nullptr) {
    auto_profile = true;
    std::vector<std::string_view> head;
    std::string_view first = data.substr(preamble_end(data));
    first = first.substr(0, first.find_first_of("\r\n"));
    if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);
    std::string norm;
    for (char c : first) norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto has = [&](std::string_view w) { return norm.find(w) != std::string::npos; };
    if ((has("details") && has("posting date") && has("description")) || has("running bal")) profile = find_bank_csv_profile("us-bank");
    else if (has("buchungstag") || (has("soll") && has("haben")) || has("verwendungszweck")) profile = find_bank_csv_profile("eu-bank");
    else if (has("remitter") && has("check")) profile = find_bank_csv_profile("lockbox");
  }
  char delimiter = opts.csv_delimiter;
  if (!delimiter && map && map->delimiter) delimiter = *map->delimiter;
  if (!delimiter && profile && profile->delimiter && !auto_profile) delimiter = profile->delimiter;
  // Exports that put a summary block above the header (Bank of America: "Description,,Summary
  // Amt." ... then "Date,Description,Amount,Running Bal."): the lines before the header are blanked
  // (their line numbers kept) when the first line names no date and a later one, within 20, does.
  std::string unprefixed;
  if (std::size_t header_at = preamble_end(data); header_at > 0) {
    unprefixed.assign(data);
    for (std::size_t i = 0; i < header_at; ++i)
      if (unprefixed[i] != '\n' && unprefixed[i] != '\r') unprefixed[i] = ' ';
    data = unprefixed;
    ctx.note(1, "lines before the header row are not transactions; skipped");
  }
  if (!delimiter) delimiter = detect_delimiter(data.substr(data.find_first_not_of(" \r\n") == std::string_view::npos ? 0 : data.find_first_not_of(" \r\n")));
  CsvReader csv(ctx.file(), data, delimiter);
  bool got_header = false;
  while (csv.next()) {
    bool blank = true;
    for (std::size_t i = 0; i < csv.size(); ++i) blank = blank && trim(csv.field(i)).empty();
    if (!blank) {
      got_header = true;
      break;
    }
  }
  if (!got_header) ctx.fail(1, "empty CSV file: expected a header row");

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::array<std::size_t, static_cast<std::size_t>(Col::kCount)> at;
  at.fill(kNone);
  std::vector<std::string_view> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.push_back(csv.field(i));
  const HeaderIndex columns(header);
  long header_line = csv.line();
  const auto& fields = bank_csv_fields();
  auto col_of_field = [&](std::string_view f) -> std::optional<Col> {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i] == f) return static_cast<Col>(i);
    return std::nullopt;
  };
  std::array<bool, static_cast<std::size_t>(Col::kCount)> claimed{};
  // 1. The mapping file names columns outright.
  if (map) {
    for (const auto& [field, header_text] : map->columns) {
      auto c = col_of_field(field);
      if (!c) {
        std::string list;
        for (auto f : fields) list += (list.empty() ? "" : ", ") + std::string(f);
        throw core::Error(core::ErrorKind::kUsage, "mapping names field '" + field + "', which a bank CSV does not have (" + list + ")");
      }
      int i = columns.find_any_spelling(header_text);
      if (i < 0) ctx.fail(header_line, "the mapping names column '" + header_text + "' for " + field + ", but the header has no such column");
      at[static_cast<std::size_t>(*c)] = static_cast<std::size_t>(i);
      claimed[static_cast<std::size_t>(*c)] = true;
    }
  }
  // 2. The profile's names, 3. the synonym table (the leftmost column carrying any of a field's
  // names; for the description the most telling name first, so "Description" beats "Details").
  auto taken = [&](std::size_t i) {
    for (std::size_t c = 0; c < at.size(); ++c)
      if (at[c] == i) return true;
    return false;
  };
  if (profile) {
    for (const auto& [field, names] : profile->columns) {
      auto c = col_of_field(field);
      if (!c || claimed[static_cast<std::size_t>(*c)]) continue;
      for (std::string_view n : names) {
        int i = columns.find({n});
        if (i >= 0 && !taken(static_cast<std::size_t>(i))) {
          at[static_cast<std::size_t>(*c)] = static_cast<std::size_t>(i);
          claimed[static_cast<std::size_t>(*c)] = true;
          break;
        }
      }
    }
  }
  for (const Synonyms& s : kSynonyms) {
    const auto c = static_cast<std::size_t>(s.col);
    if (claimed[c] || at[c] != kNone) continue;
    int i = -1;
    if (s.col == Col::kDescription) {
      for (std::string_view n : s.names)
        if (!n.empty() && (i = columns.find({n})) >= 0 && !taken(static_cast<std::size_t>(i))) break;
        else i = -1;
    } else {
      i = columns.leftmost(s.names);
      if (i >= 0 && taken(static_cast<std::size_t>(i))) i = -1;
    }
    if (i >= 0) at[c] = static_cast<std::size_t>(i);
  }
  auto idx = [&](Col c) { return at[static_cast<std::size_t>(c)]; };
  // US exports: "Details" holds CREDIT/DEBIT when a "Description" column holds the text.
  if (idx(Col::kDirection) == kNone) {
    int details = columns.find({"details"});
    if (details >= 0 && !taken(static_cast<std::size_t>(details))) at[static_cast<std::size_t>(Col::kDirection)] = static_cast<std::size_t>(details);
  }
  if (idx(Col::kDate) == kNone) {
    ctx.fail(header_line, "CSV header has no date column (e.g. 'date', 'booking date', 'posting date'); "
                          "name it with --map (date = Header) or use --profile");
  }
  bool split_columns = idx(Col::kDebit) != kNone || idx(Col::kCredit) != kNone;
  if (idx(Col::kAmount) == kNone && !split_columns) {
    ctx.fail(header_line, "CSV header has no amount column ('amount', or 'debit'/'credit' columns); "
                          "name it with --map (amount = Header) or use --profile");
  }

  // How dates and amounts are written: the command line, else the mapping file, else the profile,
  // else what the file shows when it is unambiguous.
  core::DateFormat date_format = opts.csv_date_format;
  bool date_given = !date_format.is_iso();
  if (!date_given && map && map->date_format) date_format = core::DateFormat(*map->date_format), date_given = true;
  if (!date_given && profile && !profile->date_format.empty() && !auto_profile) date_format = core::DateFormat(std::string(profile->date_format)), date_given = true;
  bool decimal_comma = opts.csv_decimal_comma;
  bool decimal_given = decimal_comma;
  if (!decimal_given && map && map->decimal_comma) decimal_comma = *map->decimal_comma, decimal_given = true;
  if (!decimal_given && profile && profile->name != "generic" && !auto_profile) decimal_comma = profile->decimal_comma, decimal_given = true;
  core::Currency file_currency = ctx.default_currency();
  if (map && map->currency) {
    if (auto c = core::find_currency(*map->currency, true)) file_currency = *c;
  }
  if (!date_given || !decimal_given) {
    std::vector<std::string> dates, amounts;
    CsvReader scan(ctx.file(), data, delimiter);
    while (scan.next()) {  // up to the header row (blank preamble lines before it)
      bool blank = true;
      for (std::size_t i = 0; i < scan.size(); ++i) blank = blank && trim(scan.field(i)).empty();
      if (!blank) break;
    }
    long first_date_line = 0;
    while (scan.next() && dates.size() < 5000) {
      auto get = [&](Col c) { return idx(c) == kNone || idx(c) >= scan.size() ? std::string_view{} : trim(scan.field(idx(c))); };
      if (std::string_view d = get(Col::kDate); !d.empty()) {
        if (!first_date_line) first_date_line = scan.line();
        dates.emplace_back(d);
      }
      for (Col c : {Col::kAmount, Col::kDebit, Col::kCredit})
        if (std::string_view a = get(c); !a.empty()) amounts.emplace_back(a);
    }
    if (!date_given && !dates.empty()) {
      std::string why;
      auto f = detect_date_format(dates, why);
      if (!f && auto_profile && profile && !profile->date_format.empty()) f = core::DateFormat(std::string(profile->date_format));
      if (!f) {
        ctx.fail(first_date_line ? first_date_line : header_line,
                 "cannot tell the date order of column '" + std::string(header[idx(Col::kDate)]) + "': " + why +
                     "; give --date-format (e.g. %m/%d/%Y or %d/%m/%Y) or --profile");
      }
      date_format = *f;
    }
    if (!decimal_given) {
      if (auto comma = detect_decimal_comma(amounts)) decimal_comma = *comma;
      else if (auto_profile && profile) decimal_comma = profile->decimal_comma;
    }
  }

  core::AmountStyle style;
  style.decimal_comma = decimal_comma;
  long data_rows = 0;
  auto field = [&](Col c) { return idx(c) == kNone ? std::string_view{} : trim(csv.field(idx(c))); };
  while (csv.next()) {
    long line = csv.line();
    bool blank = true;
    for (std::size_t i = 0; i < csv.size(); ++i) blank = blank && trim(csv.field(i)).empty();
    if (blank) continue;
    ++data_rows;

    core::Currency ccy = file_currency;
    if (std::string_view c = field(Col::kCurrency); !c.empty()) {
      auto found = core::find_currency(c, true);
      if (!found) {
        ctx.problem(line, "bad currency '" + std::string(c) + "'", "row left out");
        continue;
      }
      ccy = *found;
    }
    std::string_view date_text = field(Col::kDate);
    auto date = date_format.parse(date_text);
    if (!date) {
      ctx.problem(line, "bad date '" + std::string(date_text) + "' (expected " +
                            (date_format.is_iso() ? std::string("YYYY-MM-DD") : date_format.pattern()) +
                            ")", "row left out");
      continue;
    }
    std::optional<core::Date> value_date;
    if (std::string_view v = field(Col::kValueDate); !v.empty()) {
      value_date = date_format.parse(v);
      if (!value_date) ctx.problem(line, "bad value date '" + std::string(v) + "'");
    }

    std::int64_t signed_amount = 0;
    bool ok = true;
    auto parse = [&](std::string_view text, const char* what) -> std::int64_t {
      auto r = core::parse_amount(text, ccy.exponent, style);
      if (!r.ok()) {
        ctx.problem(line, std::string("bad ") + what + " '" + std::string(text) + "': " +
                              std::string(core::describe(*r.error)), "row left out");
        ok = false;
        return 0;
      }
      return r.minor;
    };
    std::string_view amount_text = field(Col::kAmount);
    if (!amount_text.empty()) {
      signed_amount = parse(amount_text, "amount");
    } else if (split_columns) {
      std::string_view debit = field(Col::kDebit), credit = field(Col::kCredit);
      std::int64_t d = debit.empty() ? 0 : parse(debit, "debit amount");
      std::int64_t c = credit.empty() ? 0 : parse(credit, "credit amount");
      if (ok && d != 0 && c != 0) {
        ctx.problem(line, "both debit and credit amounts are filled in", "row left out");
        continue;
      }
      // A debit column holds money out whatever its sign.
      signed_amount = c != 0 ? (c < 0 ? -c : c) : -(d < 0 ? -d : d);
    } else {
      // Balance lines some exports mix in ("Beginning balance as of 01/01/2026,,1,000.00") move no money.
      std::string text = to_upper(field(Col::kDescription));
      if (text.find("BALANCE") != std::string::npos) {
        ctx.note(line, "balance line without an amount; not a transaction");
        --data_rows;
        continue;
      }
      ctx.problem(line, "no amount", "row left out");
      continue;
    }
    if (!ok) continue;
    if (std::string_view dir = field(Col::kDirection); !dir.empty()) {
      std::string d = to_upper(dir);
      std::int64_t magnitude = signed_amount < 0 ? -signed_amount : signed_amount;
      if (d == "C" || d == "CR" || d == "CRDT" || d == "CREDIT" || d == "BIJ" || d == "H" || d == "HABEN" || d == "DSLIP" ||
          d == "DEPOSIT")
        signed_amount = magnitude;
      else if (d == "D" || d == "DR" || d == "DBIT" || d == "DEBIT" || d == "AF" || d == "S" || d == "SOLL" || d == "CHECK")
        signed_amount = -magnitude;
      else ctx.problem(line, "direction '" + std::string(dir) + "' is not C/D, CR/DR or CREDIT/DEBIT", "the amount's sign is used");
    }

    auto& t = ctx.add_transaction(line);
    t.currency = ccy;
    t.direction = signed_amount < 0 ? domain::Direction::kDebit : domain::Direction::kCredit;
    t.amount_minor = signed_amount < 0 ? -signed_amount : signed_amount;
    t.booking_date = *date;
    t.value_date = value_date.value_or(*date);
    t.bank_reference = std::string(field(Col::kReference));
    t.end_to_end_id = std::string(field(Col::kEndToEnd));
    t.payer_name = collapse_spaces(field(Col::kPayer));
    t.payer_account = std::string(field(Col::kPayerAccount));
    t.remittance_text = collapse_spaces(field(Col::kDescription));
    if (std::string_view r = field(Col::kRemittanceRef); !r.empty()) t.remittance_refs.emplace_back(r);
    t.type_code = std::string(field(Col::kTypeCode));
    t.account = std::string(field(Col::kAccount));
    enrich_from_text(t);
    // A lockbox check paying several invoices is listed on several rows: one receipt.
    auto& txs = ctx.out().transactions;
    if (profile && profile->rows_per_invoice && txs.size() >= 2) {
      auto& prev = txs[txs.size() - 2];
      if (prev.booking_date == t.booking_date && prev.amount_minor == t.amount_minor && prev.end_to_end_id == t.end_to_end_id &&
          prev.bank_reference == t.bank_reference && prev.payer_name == t.payer_name && prev.direction == t.direction) {
        for (auto& r : t.remittance_refs)
          if (std::find(prev.remittance_refs.begin(), prev.remittance_refs.end(), r) == prev.remittance_refs.end())
            prev.remittance_refs.push_back(r);
        txs.pop_back();
      }
    }
  }
  // A lenient read never silently drops every row.
  if (data_rows > 0 && ctx.out().transactions.empty()) {
    std::string first = ctx.out().tolerated.empty() ? std::string() : ": " + ctx.out().tolerated.front();
    ctx.fail(header_line, "none of the " + std::to_string(data_rows) + " rows could be read" + first);
  }
}

}  // namespace otc::import::bank_detail
