#include "otc/import/bank/bank_csv_profiles.hpp"

namespace otc::import {

const std::vector<std::string_view>& bank_csv_fields() {
  static const std::vector<std::string_view> fields = {
      "date",          "value_date", "amount",      "debit",     "credit", "direction", "currency", "bank_reference",
      "end_to_end_id", "payer_name", "payer_account", "description", "reference", "type", "account"};
  return fields;
}

const std::vector<BankCsvProfile>& bank_csv_profiles() {
  static const std::vector<BankCsvProfile> profiles = {
      {"generic", "header names from the synonym table; date order and decimal mark detected", {}, "", false, 0},
      // Chase-style exports: Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #
      {"us-bank",
       "US bank export: Details (CREDIT/DEBIT/CHECK/DSLIP), Posting Date (MM/DD/YYYY), Description, Amount, Type",
       {{"direction", {"details", "creditdebit", "transactiontype"}},
        {"date", {"postingdate", "postdate", "transactiondate", "date"}},
        {"description", {"description", "memo"}},
        {"amount", {"amount"}},
        {"type", {"type"}},
        {"end_to_end_id", {"checkorslip", "checkorslipnumber", "checknumber"}}},
       "%m/%d/%Y",
       false,
       ','},
      // Sparkasse/Deutsche Bank-style: Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Soll;Haben;Währung
      {"eu-bank",
       "European bank export: ';' separated, DD.MM.YYYY, decimal comma, Soll/Haben or Betrag, Verwendungszweck",
       {{"date", {"buchungstag", "buchungsdatum", "datum", "date", "bookingdate"}},
        {"value_date", {"valuta", "valutadatum", "wertstellung", "valuedate"}},
        {"debit", {"soll", "debit", "lastschrift"}},
        {"credit", {"haben", "credit", "gutschrift"}},
        {"amount", {"betrag", "umsatz", "amount", "bedrag"}},
        {"description", {"verwendungszweck", "buchungsdetails", "omschrijving", "description", "purpose"}},
        {"payer_name",
         // Accented letters are either folded or dropped by header normalisation: both spellings.
         {"beguenstigterzahlungspflichtiger", "begunstigterzahlungspflichtiger", "begnstigterzahlungspflichtiger",
          "auftraggeberempfanger", "auftraggeberempfnger",
          "auftraggeberempfaenger", "auftraggeber", "zahlungspflichtiger", "name", "naamtegenpartij"}},
        {"payer_account", {"iban", "kontonummeriban", "kontonummer", "tegenrekening"}},
        {"currency", {"wahrung", "waehrung", "whrung", "currency"}},
        {"type", {"buchungstext", "umsatzart"}}},
       "%d.%m.%Y",
       true,
       ';'},
      // Delimited lockbox files (the second lockbox layout; the first is the BAI fixed-width
      // lockbox): Deposit Date,Batch,Item,Check Number,Check Amount,Routing,Account,Remitter,Invoice,Invoice Amount
      {"lockbox",
       "delimited lockbox file: one row per check and invoice (Deposit Date, Batch, Item, Check Number, Check Amount, "
       "Routing, Account, Remitter, Invoice)",
       {{"date", {"depositdate", "processingdate", "date"}},
        {"amount", {"checkamount", "paymentamount", "remittanceamount", "amount"}},
        {"bank_reference", {"itemid", "item", "itemnumber", "sequencenumber", "transactionid"}},
        {"end_to_end_id", {"checknumber", "checkno", "serialnumber", "check"}},
        {"payer_name", {"remitter", "remittername", "payer", "customername", "drawer"}},
        {"payer_account", {"account", "accountnumber", "micraccount", "draweraccount"}},
        {"reference", {"invoice", "invoicenumber", "invoiceno", "document", "documentnumber"}},
        {"account", {"lockbox", "lockboxnumber"}}},
       "%m/%d/%Y",
       false,
       0,
       true},
  };
  return profiles;
}

const BankCsvProfile* find_bank_csv_profile(std::string_view name) {
  if (name == "de-bank") name = "eu-bank";
  for (const auto& p : bank_csv_profiles())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace otc::import
