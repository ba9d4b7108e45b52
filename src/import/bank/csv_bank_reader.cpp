// Generic CSV bank export: a header row naming the columns, then one transaction per row.
// Columns are found by name through the one synonym table below, never by position.
#include <array>
#include <cctype>
#include <string>
#include <vector>

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

}  // namespace

void read_bank_csv(std::string_view data, ReadContext& ctx) {
  const BankReadOptions& opts = ctx.opts();
  char delimiter = opts.csv_delimiter ? opts.csv_delimiter : detect_delimiter(data);
  CsvReader csv(ctx.file(), data, delimiter);
  if (!csv.next()) ctx.fail(1, "empty CSV file: expected a header row");

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::array<std::size_t, static_cast<std::size_t>(Col::kCount)> at;
  at.fill(kNone);
  std::vector<std::string_view> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.push_back(csv.field(i));
  const HeaderIndex columns(header);
  // The leftmost column carrying any of a field's names.
  for (const Synonyms& s : kSynonyms)
    if (int i = columns.leftmost(s.names); i >= 0) at[static_cast<std::size_t>(s.col)] = static_cast<std::size_t>(i);
  auto idx = [&](Col c) { return at[static_cast<std::size_t>(c)]; };
  long header_line = csv.line();
  if (idx(Col::kDate) == kNone) {
    ctx.fail(header_line, "CSV header has no date column (e.g. 'date', 'booking date', 'posting date')");
  }
  bool split_columns = idx(Col::kDebit) != kNone || idx(Col::kCredit) != kNone;
  if (idx(Col::kAmount) == kNone && !split_columns) {
    ctx.fail(header_line, "CSV header has no amount column ('amount', or 'debit'/'credit' columns)");
  }

  core::AmountStyle style;
  style.decimal_comma = opts.csv_decimal_comma;
  auto field = [&](Col c) { return idx(c) == kNone ? std::string_view{} : trim(csv.field(idx(c))); };
  while (csv.next()) {
    long line = csv.line();
    bool blank = true;
    for (std::size_t i = 0; i < csv.size(); ++i) blank = blank && trim(csv.field(i)).empty();
    if (blank) continue;

    core::Currency ccy = ctx.default_currency();
    if (std::string_view c = field(Col::kCurrency); !c.empty()) {
      auto found = core::find_currency(c, true);
      if (!found) {
        ctx.problem(line, "bad currency '" + std::string(c) + "'", "row left out");
        continue;
      }
      ccy = *found;
    }
    std::string_view date_text = field(Col::kDate);
    auto date = opts.csv_date_format.parse(date_text);
    if (!date) {
      ctx.problem(line, "bad date '" + std::string(date_text) + "' (expected " +
                            (opts.csv_date_format.is_iso() ? std::string("YYYY-MM-DD") : opts.csv_date_format.pattern()) +
                            ")", "row left out");
      continue;
    }
    std::optional<core::Date> value_date;
    if (std::string_view v = field(Col::kValueDate); !v.empty()) {
      value_date = opts.csv_date_format.parse(v);
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
      ctx.problem(line, "no amount", "row left out");
      continue;
    }
    if (!ok) continue;
    if (std::string_view dir = field(Col::kDirection); !dir.empty()) {
      std::string d = to_upper(dir);
      std::int64_t magnitude = signed_amount < 0 ? -signed_amount : signed_amount;
      if (d == "C" || d == "CR" || d == "CRDT" || d == "CREDIT" || d == "BIJ" || d == "H") signed_amount = magnitude;
      else if (d == "D" || d == "DR" || d == "DBIT" || d == "DEBIT" || d == "AF" || d == "S") signed_amount = -magnitude;
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
  }
}

}  // namespace otc::import::bank_detail
