#include "otc/import/gateway.hpp"

#include <algorithm>
#include <set>

#include <fstream>

#include "otc/core/text.hpp"
#include "otc/import/header_index.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;
using engine::GatewayKind;
using engine::GatewayTransaction;

std::string lower(std::string_view s) {
  return core::to_lower(s);
}

using core::trim;

bool has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Columns are found by normalised header name (normalize_header: lower-case letters and digits
// only, so "Created (UTC)" is "createdutc" and "Gebühr" is "gebhr").

/// Columns whose name says they carry invoice numbers, plus the caller's own.
std::vector<int> invoice_columns(const HeaderIndex& cols, const std::vector<std::string>& extra) {
  std::vector<int> out;
  std::set<std::string> wanted;
  for (const auto& e : extra) wanted.insert(normalize_header(e));
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const std::string& n = cols.normalised(i);
    bool builtin = n == "invoiceid" || n == "invoice" || n == "invoicenumber" || n == "invoiceno" ||
                   n == "rechnungsnummer" || (has(n, "metadata") && has(n, "invoice"));
    if (builtin || wanted.count(n) != 0) out.push_back(static_cast<int>(i));
  }
  return out;
}

struct Need {
  int index;
  const char* name;
};

/// Fails on line 1 naming the first required column the export lacks.
void require_columns(const CsvReader& csv, std::initializer_list<Need> needs, const char* export_name, const char* hint) {
  for (Need n : needs)
    if (n.index < 0)
      throw Error(ErrorKind::kInput, std::string(export_name) + " has no " + n.name + " column", {csv.file_name(), 1, 0}, hint);
}

std::string cell(const CsvReader& csv, int index) {
  if (index < 0) return {};
  return std::string(trim(csv.field(static_cast<std::size_t>(index))));
}

void split_invoices(std::string_view text, std::vector<std::string>& out) {
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
    cur.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ';' || c == ' ' || c == '|' || c == '\t') flush();
    else cur.push_back(c);
  }
  flush();
}

// "21:56", "21:56:07", "2022-04-23 21:56" (the part after the date) -> seconds after midnight.
int parse_time_of_day(std::string_view s) {
  s = trim(s);
  std::size_t t = s.find_first_of("T ");
  if (s.size() >= 10 && s[4] == '-' && t != std::string_view::npos) s = s.substr(t + 1);
  int parts[3] = {0, 0, 0};
  int n = 0;
  int value = -1;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (value > 99) return -1;  // no part of a time of day has more than two digits
      value = (value < 0 ? 0 : value * 10) + (c - '0');
    } else if (c == ':') {
      if (value < 0 || n >= 2) return -1;
      parts[n++] = value;
      value = -1;
    } else {
      break;  // "Z", "+00:00" or a zone name
    }
  }
  if (value < 0 || n < 1) return -1;
  parts[n++] = value;
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 60) return -1;
  return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

/// The columns both gateways have, under their own names.
struct CommonColumns {
  int id, type, source, email, description;
};

/// A row's gateway, location and the common cells; the readers fill in the rest.
GatewayTransaction start_row(const CsvReader& csv, const char* gateway, const CommonColumns& c) {
  GatewayTransaction t;
  t.gateway = gateway;
  t.source_file = csv.file_name();
  t.source_line = csv.line();
  t.id = cell(csv, c.id);
  t.type = cell(csv, c.type);
  t.source_id = cell(csv, c.source);
  t.customer_email = cell(csv, c.email);
  t.description = cell(csv, c.description);
  return t;
}

struct RowContext {
  CsvReader& csv;
  GatewayReadResult& result;
  bool ok = true;
  void issue(int index, std::string message) {
    result.issues.push_back({csv.location_of(index), std::move(message)});
    ok = false;
  }
};

std::optional<std::int64_t> amount_cell(RowContext& ctx, int index, std::string_view what, int exponent,
                                        core::AmountStyle style, bool required) {
  if (index < 0) return std::nullopt;
  std::string text = cell(ctx.csv, index);
  if (text.empty()) {
    if (required) ctx.issue(index, std::string(what) + " is empty");
    return std::nullopt;
  }
  // French exports group thousands with a (non-breaking) space: "1 234,56".
  for (std::string_view sp : {"\xE2\x80\xAF", "\xC2\xA0", " "})
    for (std::size_t p = text.find(sp); p != std::string::npos; p = text.find(sp)) text.erase(p, sp.size());
  core::AmountResult r = core::parse_amount(text, exponent, style);
  if (!r.ok()) {
    ctx.issue(index, std::string(what) + " '" + text + "': " + std::string(core::describe(*r.error)));
    return std::nullopt;
  }
  return r.minor;
}

std::optional<core::Date> date_cell(RowContext& ctx, int index, std::string_view what, const core::DateFormat& format,
                                    bool required) {
  if (index < 0) return std::nullopt;
  std::string text = cell(ctx.csv, index);
  if (text.empty()) {
    if (required) ctx.issue(index, std::string(what) + " is empty");
    return std::nullopt;
  }
  if (auto d = format.parse(text)) return d;
  // The date part alone, when a time follows ("09/15/2025 02:32:15").
  std::size_t space = text.find(' ');
  if (space != std::string::npos)
    if (auto d = format.parse(std::string_view(text).substr(0, space))) return d;
  if (auto d = core::parse_iso_date(text)) return d;
  ctx.issue(index, std::string(what) + " '" + text + "' is not a date" +
                       (format.is_iso() ? std::string(" (YYYY-MM-DD)") : " (" + format.pattern() + ")"));
  return std::nullopt;
}

// Gross, fee and net as exports write them: the fee is a positive cost (net = gross − fee, Stripe
// and some PayPal versions) or a negative number (net = gross + fee, most PayPal versions). The
// row's own net decides; the result is always the cost as a positive number.
bool settle_fee(RowContext& ctx, int fee_index, std::int64_t gross, std::optional<std::int64_t> fee,
                std::optional<std::int64_t> net, bool negative_fee_is_cost, GatewayTransaction& t) {
  std::int64_t f = fee.value_or(0);
  if (!net) {
    t.fee_minor = negative_fee_is_cost ? -f : f;
  } else if (*net == gross - f) {
    t.fee_minor = f;
  } else if (*net == gross + f) {
    t.fee_minor = -f;
  } else {
    ctx.issue(fee_index, "gross " + core::format_amount(gross, t.currency.exponent) + ", fee " +
                             core::format_amount(f, t.currency.exponent) + " and net " +
                             core::format_amount(*net, t.currency.exponent) + " do not add up");
    return false;
  }
  t.gross_minor = gross;
  t.net_minor = gross - t.fee_minor;
  return true;
}

std::optional<core::Currency> currency_cell(RowContext& ctx, int index) {
  std::string text = cell(ctx.csv, index);
  auto c = core::find_currency(text, true);
  if (!c) ctx.issue(index, "currency '" + text + "' is not a three-letter code");
  return c;
}

struct MoneyColumns {
  int currency, gross, fee, net;
};
struct MoneyCells {
  std::optional<std::int64_t> gross, fee, net;
};

/// The row's currency, then its gross (required), fee and net in that currency; false when the
/// currency is bad (the amounts are then not read).
bool money_cells(RowContext& ctx, GatewayTransaction& t, const MoneyColumns& c, const char* gross_name,
                 core::AmountStyle style, MoneyCells& out) {
  auto currency = currency_cell(ctx, c.currency);
  if (!currency) return false;
  t.currency = *currency;
  out.gross = amount_cell(ctx, c.gross, gross_name, t.currency.exponent, style, true);
  out.fee = amount_cell(ctx, c.fee, "fee", t.currency.exponent, style, false);
  out.net = amount_cell(ctx, c.net, "net", t.currency.exponent, style, false);
  return true;
}

void read_stripe(CsvReader& csv, const HeaderIndex& cols, const GatewayReadOptions& options, GatewayReadResult& result) {
  const int c_id = cols.find({"id", "balancetransactionid"});
  const int c_type = cols.find({"type", "reportingcategory", "balancetransactionreportingcategory"});
  const int c_source = cols.find({"source", "sourceid"});
  const int c_amount = cols.find({"amount", "gross"});
  const int c_fee = cols.find({"fee"});
  const int c_net = cols.find({"net"});
  const int c_currency = cols.find({"currency"});
  // Dates in the account's time zone: a report that carries both `created_utc` and `created` (or
  // `Created (America/New_York)`) states the local one, which is used; else the UTC column.
  auto local_column = [&](std::string_view stem) {
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const std::string& n = cols.normalised(i);
      if (n.rfind(stem, 0) == 0 && n != std::string(stem) + "utc" && n.find("utc") == std::string::npos &&
          (n.size() == stem.size() || n.size() > stem.size() + 3))
        return static_cast<int>(i);
    }
    return -1;
  };
  const int c_created_local = local_column("created");
  const int c_created = c_created_local >= 0 ? c_created_local
                                             : cols.find({"createdutc", "created", "createdat", "balancetransactioncreatedat"});
  const int c_available_local = local_column("availableon");
  const int c_available = c_available_local >= 0 ? c_available_local : cols.find({"availableonutc", "availableon"});
  const int c_description = cols.find({"description", "balancetransactiondescription"});
  const int c_email = cols.find({"customeremail", "customeremailmetadata", "email"});
  const int c_payout = cols.find({"automaticpayoutid", "payoutid", "transfer"});
  const int c_trace = cols.find({"traceid", "payouttraceid"});
  const int c_payout_date = cols.find({"automaticpayouteffectiveat", "automaticpayouteffectiveatutc", "effectiveat",
                                       "effectiveatutc", "arrivaldate", "arrivaldateutc", "transferdateutc", "payoutdateutc", "payoutdate"});
  const std::vector<int> c_invoices = invoice_columns(cols, options.invoice_columns);
  // The payouts export (id, Amount, Currency, Arrival Date, Status, Created (UTC)) has no type: every
  // row is a payout.
  const bool payouts_export = c_type < 0 && (cols.contains("arrivaldate") || cols.contains("arrivaldateutc"));
  require_columns(csv,
                  {Need{payouts_export ? 0 : c_type, "Type (or reporting_category)"}, Need{c_amount, "Amount (or gross)"},
                   Need{c_currency, "Currency"}, Need{c_created, "Created (UTC)"}},
                  "Stripe export", "export the balance history with its default columns");
  const core::DateFormat format = options.date_format.value_or(core::DateFormat());
  const core::AmountStyle style{options.decimal_comma.value_or(false)};

  while (csv.next()) {
    RowContext ctx{csv, result};
    GatewayTransaction t = start_row(csv, "stripe", {c_id, c_type, c_source, c_email, c_description});
    t.payout_id = cell(csv, c_payout);
    t.reference = cell(csv, c_trace);
    MoneyCells m;
    if (!money_cells(ctx, t, {c_currency, c_amount, c_fee, c_net}, "amount", style, m)) continue;
    auto created = date_cell(ctx, c_created, "created date", format, true);
    auto available = date_cell(ctx, c_available, "available-on date", format, false);
    auto payout_date = date_cell(ctx, c_payout_date, "payout date", format, false);
    if (!ctx.ok || !m.gross || !created) continue;
    t.payout_date = payout_date;
    t.created = *created;
    t.available_on = available.value_or(*created);
    t.time_of_day = parse_time_of_day(cell(csv, c_created));
    if (!settle_fee(ctx, c_fee, *m.gross, m.fee, m.net, false, t)) continue;
    if (payouts_export) {
      t.type = "payout";
      // The export lists payouts as positive amounts leaving the balance.
      if (t.gross_minor > 0) {
        t.gross_minor = -t.gross_minor;
        t.net_minor = t.gross_minor - t.fee_minor;
      }
    }
    t.kind = classify_stripe_type(t.type, t.description);
    if (t.kind == GatewayKind::kPayout && t.payout_id.empty()) t.payout_id = !t.source_id.empty() ? t.source_id : t.id;
    for (int i : c_invoices) split_invoices(cell(csv, i), t.invoices);
    result.rows.push_back(std::move(t));
  }
  // Old exports call the sweep to the bank a "transfer" (tr_...): it is a payout when other rows
  // name it as the transfer they were paid out in.
  std::set<std::string> named;
  for (const auto& t : result.rows)
    if (t.kind != GatewayKind::kPayout && !t.payout_id.empty()) named.insert(t.payout_id);
  for (auto& t : result.rows) {
    if (t.kind != GatewayKind::kAdjustment || lower(t.type) != "transfer" || t.gross_minor >= 0) continue;
    if (named.count(t.source_id) != 0) {
      t.kind = GatewayKind::kPayout;
      t.payout_id = t.source_id;
    }
  }
}

bool german_paypal(const HeaderIndex& cols) { return cols.contains("brutto") || cols.contains("datum"); }

/// PayPal activity exports in German, French, Spanish and Italian write amounts with a decimal comma
/// and dates day first (dd.mm.yyyy, dd/mm/yyyy); the English (US) export writes mm/dd/yyyy.
/// Header names are normalised (accented letters dropped: "Numéro de transaction" is
/// "numrodetransaction").
enum class PayPalLanguage { kEnglish, kGerman, kFrench, kSpanish, kItalian };

PayPalLanguage paypal_language(const HeaderIndex& cols) {
  if (german_paypal(cols)) return PayPalLanguage::kGerman;
  if (cols.contains("brut") || cols.contains("devise") || cols.contains("numrodetransaction") || cols.contains("heure"))
    return PayPalLanguage::kFrench;
  if (cols.contains("bruto") || cols.contains("fecha") || cols.contains("iddetransaccin") || cols.contains("divisa"))
    return PayPalLanguage::kSpanish;
  if (cols.contains("lordo") || cols.contains("codicetransazione") || cols.contains("valuta") || cols.contains("ora"))
    return PayPalLanguage::kItalian;
  return PayPalLanguage::kEnglish;
}

void read_paypal(CsvReader& csv, const HeaderIndex& cols, const GatewayReadOptions& options, GatewayReadResult& result) {
  const PayPalLanguage language = paypal_language(cols);
  const int c_date = cols.find({"date", "datum", "fecha", "data"});
  const int c_time = cols.find({"time", "uhrzeit", "heure", "hora", "ora"});
  const int c_name = cols.find({"name", "nom", "nombre", "nome"});
  const int c_type = cols.find({"type", "typ", "beschreibung", "tipo", "description"});
  const int c_status = cols.find({"status", "tat", "estado", "stato"});
  const int c_currency = cols.find({"currency", "whrung", "waehrung", "devise", "divisa", "moneda", "valuta"});
  const int c_gross = cols.find({"gross", "brutto", "brut", "avantcommission", "montantbrut", "bruto", "importebruto", "lordo", "importolordo"});
  const int c_fee = cols.find({"fee", "gebhr", "entgelt", "commission", "frais", "tarifa", "comisin", "tariffa", "commissione"});
  const int c_net = cols.find({"net", "netto", "montantnet", "neto", "importeneto", "importonetto"});
  const int c_email = cols.find({"fromemailaddress", "absenderemailadresse", "deladresseemail", "deladresseemail",
                                 "correoelectrnicodelremitente", "indirizzoemailmittente", "dalindirizzoemail"});
  const int c_id = cols.find({"transactionid", "transaktionscode", "numrodetransaction", "iddetransaccin",
                              "iddelatransaccin", "cdigodetransaccin", "codicetransazione", "iddellatransazione"});
  const int c_ref = cols.find({"referencetxnid", "zugehrigertransaktionscode", "numrodelatransactionderfrence",
                               "iddereferenciadetransaccin", "codicetransazionediriferimento"});
  const int c_impact = cols.find({"balanceimpact", "auswirkungaufguthaben", "impactsurlesolde", "efectoenelsaldo",
                                  "impattosulsaldo"});
  const int c_subject = cols.find({"subject", "itemtitle", "betreff", "artikelbezeichnung", "objet", "titredelobjet",
                                   "asunto", "ttulodelartculo", "oggetto", "titolooggetto"});
  const std::vector<int> c_invoices = invoice_columns(cols, options.invoice_columns);
  require_columns(csv,
                  {Need{c_date, "Date"}, Need{c_type, "Type"}, Need{c_currency, "Currency"}, Need{c_gross, "Gross"},
                   Need{c_id, "Transaction ID"}},
                  "PayPal activity export", "download the activity report as CSV with all columns");
  // Dates are in the account's time zone (the export's time-zone column says which) and are kept
  // as written; day first and with a decimal comma in every language but English.
  const bool european = language != PayPalLanguage::kEnglish;
  const core::DateFormat format =
      options.date_format.value_or(core::DateFormat(language == PayPalLanguage::kGerman ? "%d.%m.%Y"
                                                    : european                          ? "%d/%m/%Y"
                                                                                        : "%m/%d/%Y"));
  const core::AmountStyle style{options.decimal_comma.value_or(european)};

  while (csv.next()) {
    RowContext ctx{csv, result};
    // The type is trimmed: exports carry trailing blanks ("Bank Deposit to PP Account ").
    GatewayTransaction t = start_row(csv, "paypal", {c_id, c_type, c_ref, c_email, c_subject});
    if (t.description.empty()) t.description = cell(csv, c_name);
    std::string status = lower(cell(csv, c_status));
    std::string impact = lower(cell(csv, c_impact));
    if (!options.include_non_posting &&
        (status == "pending" || status == "denied" || status == "canceled" || status == "cancelled" ||
         status == "failed" || status == "expired" || status == "ausstehend" || status == "abgelehnt" ||
         status == "en attente" || status == "refusé" || status == "annulé" || status == "pendiente" ||
         status == "denegado" || status == "cancelado" || status == "in sospeso" || status == "rifiutato" ||
         status == "annullato" || impact == "mémo" || impact == "nota" ||
         impact == "memo")) {
      ++result.skipped;
      continue;
    }
    MoneyCells m;
    if (!money_cells(ctx, t, {c_currency, c_gross, c_fee, c_net}, "gross", style, m)) continue;
    // Day first in every European language, with dots, slashes or dashes as the export writes them.
    const core::DateFormat* row_format = &format;
    static const core::DateFormat kDotted("%d.%m.%Y"), kSlashed("%d/%m/%Y"), kDashed("%d-%m-%Y");
    if (european && !options.date_format) {
      const std::string d = cell(csv, c_date);
      if (d.size() >= 3 && d[2] == '.') row_format = &kDotted;
      else if (d.size() >= 3 && d[2] == '/') row_format = &kSlashed;
      else if (d.size() >= 3 && d[2] == '-') row_format = &kDashed;
    }
    auto date = date_cell(ctx, c_date, "date", *row_format, true);
    if (!ctx.ok || !m.gross || !date) continue;
    t.created = t.available_on = *date;
    t.time_of_day = parse_time_of_day(cell(csv, c_time));
    if (!settle_fee(ctx, c_fee, *m.gross, m.fee, m.net, true, t)) continue;
    t.kind = classify_paypal_type(t.type, t.gross_minor);
    if (t.kind == GatewayKind::kPayout) t.payout_id = t.id;
    for (int i : c_invoices) split_invoices(cell(csv, i), t.invoices);
    result.rows.push_back(std::move(t));
  }
}

}  // namespace

std::string_view gateway_format_name(GatewayFormat format) {
  static constexpr std::string_view kNames[] = {"auto", "stripe", "paypal"};
  return kNames[static_cast<std::size_t>(format)];
}

std::optional<GatewayFormat> parse_gateway_format(std::string_view name) {
  std::string n = lower(trim(name));
  if (n == "auto") return GatewayFormat::kAuto;
  if (n == "stripe") return GatewayFormat::kStripe;
  if (n == "paypal") return GatewayFormat::kPayPal;
  return std::nullopt;
}

GatewayFormat detect_gateway_format(const std::vector<std::string>& header) {
  HeaderIndex cols(header);
  bool paypal_id = cols.contains("transactionid") || cols.contains("transaktionscode") || cols.contains("numrodetransaction") ||
                   cols.contains("iddetransaccin") || cols.contains("iddelatransaccin") || cols.contains("codicetransazione");
  bool paypal_money = cols.contains("gross") || cols.contains("brutto") || cols.contains("brut") ||
                      cols.contains("avantcommission") || cols.contains("bruto") || cols.contains("lordo");
  if (paypal_id && paypal_money) return GatewayFormat::kPayPal;
  bool stripe_id = cols.contains("id") || cols.contains("balancetransactionid");
  bool stripe_date = cols.contains("createdutc") || cols.contains("availableonutc") || cols.contains("created") ||
                     cols.contains("automaticpayoutid");
  if (stripe_id && stripe_date) return GatewayFormat::kStripe;
  return GatewayFormat::kAuto;
}

GatewayKind classify_stripe_type(std::string_view type, std::string_view description) {
  std::string t = lower(trim(type));
  std::string d = lower(description);
  if (t == "charge" || t == "payment") return GatewayKind::kCharge;
  if (t == "refund" || t == "payment_refund" || t == "refund_failure" || t == "payment_failure_refund")
    return t == "refund_failure" ? GatewayKind::kAdjustment : GatewayKind::kRefund;
  if (t == "stripe_fee" || t == "tax_fee" || t == "network_cost" || t == "fee" || t == "stripe_fx_fee")
    return GatewayKind::kFee;
  if (t == "payout") return GatewayKind::kPayout;
  if (t == "dispute" || t == "dispute_reversal") return GatewayKind::kDispute;
  if (t == "adjustment" && (has(d, "dispute") || has(d, "chargeback"))) return GatewayKind::kDispute;
  if (t == "transfer" && has(d, "stripe transfer")) return GatewayKind::kPayout;
  return GatewayKind::kAdjustment;
}

GatewayKind classify_paypal_type(std::string_view type, std::int64_t gross_minor) {
  std::string t = lower(trim(type));
  if (has(t, "withdraw") || has(t, "transfer to bank") || has(t, "retrait") || has(t, "retiro") || has(t, "prelievo") ||
      ((has(t, "bank") || has(t, "banque") || has(t, "banco") || has(t, "banca")) && gross_minor < 0))
    return GatewayKind::kPayout;
  if (has(t, "fee") || has(t, "gebühr") || has(t, "frais") || has(t, "tarifa") || has(t, "comisión") || has(t, "tariffa") ||
      has(t, "commissione"))
    return GatewayKind::kFee;
  // Holds and their reversals, reserves and currency conversions only move money around.
  if (has(t, "hold") || has(t, "reserve") || has(t, "authori") || has(t, "conversion") || has(t, "umrechnung"))
    return GatewayKind::kAdjustment;
  if (has(t, "chargeback") || has(t, "reversal") || has(t, "dispute") || has(t, "claim") || has(t, "rückbuchung"))
    return GatewayKind::kDispute;
  if (has(t, "refund") || has(t, "rückzahlung") || has(t, "erstattung") || has(t, "rembours") || has(t, "reembolso") ||
      has(t, "rimborso"))
    return gross_minor < 0 ? GatewayKind::kRefund : GatewayKind::kAdjustment;
  if ((has(t, "payment") || has(t, "zahlung") || has(t, "received") || has(t, "invoice") || has(t, "paiement") ||
       has(t, "pago") || has(t, "pagamento") || has(t, "cobro") || has(t, "facture") || has(t, "factura") ||
       has(t, "fattura")) && gross_minor > 0)
    return GatewayKind::kCharge;
  return GatewayKind::kAdjustment;
}

GatewayReadResult read_gateway(CsvReader& csv, const GatewayReadOptions& options) {
  GatewayReadResult result;
  if (!csv.next()) throw Error(ErrorKind::kInput, "the gateway export is empty", {csv.file_name(), 1, 0});
  std::vector<std::string> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
  HeaderIndex cols(header);
  GatewayFormat format = options.format == GatewayFormat::kAuto ? detect_gateway_format(header) : options.format;
  if (format == GatewayFormat::kAuto)
    throw Error(ErrorKind::kInput, "not a Stripe balance export or a PayPal activity export", {csv.file_name(), 1, 0},
                "Stripe needs id and Created (UTC) columns; PayPal needs Transaction ID and Gross");
  result.format = format;
  if (format == GatewayFormat::kStripe) read_stripe(csv, cols, options, result);
  else read_paypal(csv, cols, options, result);
  return result;
}

GatewayFormat sniff_gateway_file(const std::string& path) {
  if (path == "-") return GatewayFormat::kAuto;
  std::ifstream in(path, std::ios::binary);
  if (!in) return GatewayFormat::kAuto;  // the bank reader reports it
  std::string head(16 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  auto nl = head.find('\n');
  if (nl == std::string::npos && !in.eof()) return GatewayFormat::kAuto;  // no header line: not a CSV export
  head.resize(nl == std::string::npos ? head.size() : nl);
  try {
    CsvReader csv(path, head);
    if (!csv.next()) return GatewayFormat::kAuto;
    std::vector<std::string> header;
    for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
    return detect_gateway_format(header);
  } catch (const Error&) {
    return GatewayFormat::kAuto;  // not CSV: a bank format
  }
}

GatewayReadResult read_gateway_file(const std::string& path, const GatewayReadOptions& options) {
  CsvReader csv(path);
  return read_gateway(csv, options);
}

GatewayReadResult read_gateway_data(const std::string& name, std::string_view data, const GatewayReadOptions& options) {
  CsvReader csv(name, data);
  return read_gateway(csv, options);
}

}  // namespace otc::import
