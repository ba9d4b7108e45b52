#include "otc/import/mapping.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "otc/core/error.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;

const std::map<std::string, std::vector<FieldSpec>, std::less<>>& kinds() {
  static const std::map<std::string, std::vector<FieldSpec>, std::less<>> all = {
      {"customers",
       {{"customer_id", true, "the customer's id in the source system"},
        {"name", false, "customer name"},
        {"currency", false, "default currency (ISO 4217)"},
        {"terms", false, "payment terms: days, or 'Net 30'"},
        {"credit_limit", false, "credit limit in the customer's currency"},
        {"email", false, "billing e-mail"},
        {"bank_account", false, "the account the customer pays from (IBAN or number), for cash matching"}}},
      {"invoices",
       {{"invoice_id", true, "invoice number"},
        {"customer_id", true, "customer id"},
        {"customer_name", false, "customer name (used when the customer is new)"},
        {"invoice_date", true, "invoice date"},
        {"due_date", false, "due date (else computed from terms)"},
        {"terms", false, "payment terms: days, or 'Net 30'"},
        {"amount", true, "invoice total including tax"},
        {"currency", false, "ISO 4217 currency (else the default currency)"},
        {"po_number", false, "customer's purchase order"}}},
      {"payments",
       {{"payment_id", true, "payment id / receipt number"},
        {"customer_id", false, "customer id (empty: unidentified cash)"},
        {"customer_name", false, "customer name (used when the customer is new)"},
        {"payment_date", true, "date received"},
        {"amount", true, "payment amount"},
        {"currency", false, "ISO 4217 currency (else the default currency)"},
        {"invoice_id", false, "the invoice this payment (or this row of it) pays"},
        {"applied_amount", false, "amount of this row applied to invoice_id (split payments: one row per invoice)"},
        {"method", false, "ACH, wire, check, card ..."},
        {"reference", false, "check number or bank reference"},
        {"payer_name", false, "name on the payment"},
        {"payer_account", false, "account the payment came from"}}},
      {"contracts",
       {{"contract_id", true, "contract / order form id"},
        {"line_id", false, "line within the contract (default 1)"},
        {"customer", false, "customer id (required on a line's first row)"},
        {"product", false, "product sold (required on a line's first row)"},
        {"metric", false, "usage metric matched against usage records (default: the product)"},
        {"description", false, "text on invoice lines (default: the product)"},
        {"start_date", false, "first day of service (required on a line's first row)"},
        {"end_date", false, "last day of service, inclusive; blank or 'evergreen' = no end"},
        {"effective_date", false, "on an amendment: the first day its terms apply"},
        {"frequency", false, "billing frequency: monthly, quarterly, semiannual, annual"},
        {"timing", false, "advance (default) or arrears"},
        {"anchor_day", false, "day of month periods start on, or a date (default: the start day)"},
        {"price_model", false, "flat, per_seat, usage_graduated, usage_volume, minimum_commitment"},
        {"price_per", false, "what a flat or per-seat price is quoted per (default: the billing frequency)"},
        {"unit_price", false, "price of one unit, up to 6 decimals"},
        {"tiers", false, "tier table UP_TO:UNIT_PRICE;...;inf:UNIT_PRICE (usage models)"},
        {"quantity", false, "seats, committed units per period, or units of a flat line"},
        {"discount", false, "15% or an amount off each full billing period"},
        {"discount_until", false, "last day the discount applies"},
        {"currency", false, "ISO 4217 currency (else the default currency)"},
        {"tax_rate", false, "tax percent, e.g. 8.875"},
        {"net_days", false, "payment terms: 30, Net 30, due on receipt (default: the customer's terms, else 30)"}}},
      {"usage",
       {{"event_id", true, "unique id of the metered event (a repeated id is ignored)"},
        {"contract_id", false, "contract the usage belongs to (else the customer and metric decide)"},
        {"line_id", false, "line of that contract"},
        {"customer", false, "customer id, when the record names no contract"},
        {"metric", false, "usage metric (required when the record names only a customer)"},
        {"quantity", true, "units used (negative = a correction)"},
        {"usage_date", true, "day the usage happened"}}},
      // Billing reconciliation (docs/reconcile.md). Fields are listed in resolution order: a
      // percent column is claimed by discount_percent before discount looks for one.
      {"crm_lines",
       {{"contract_id", true, "contract / order form id"},
        {"contract_line", false, "line of the contract (shown in suggestions; may be a key field)"},
        {"period", false, "billing period: YYYY-MM, or a date in it (service start)"},
        {"product", false, "product billed"},
        {"customer", false, "customer id"},
        {"quantity", false, "quantity billed"},
        {"unit_price", false, "price of one unit, up to 6 decimals"},
        {"discount_percent", false, "discount as a percent of quantity x unit price"},
        {"discount", false, "discount: an amount, or a percent written 10%"},
        {"amount", true, "line amount after discount, before tax"},
        {"currency", false, "ISO 4217 currency (else --currency)"}}},
      {"erp_lines",
       {{"invoice_id", false, "invoice number (shown in suggestions)"},
        {"invoice_line", false, "invoice line id or number (shown in suggestions)"},
        {"contract_id", true, "contract the invoice line bills"},
        {"contract_line", false, "contract line the invoice line bills"},
        {"period", false, "billing period: YYYY-MM, or a date in it (service start)"},
        {"product", false, "product billed"},
        {"customer", false, "customer id"},
        {"quantity", false, "quantity billed"},
        {"unit_price", false, "price of one unit, up to 6 decimals"},
        {"discount_percent", false, "discount as a percent of quantity x unit price"},
        {"discount", false, "discount: an amount, or a percent written 10%"},
        {"amount", true, "line amount after discount, before tax"},
        {"currency", false, "ISO 4217 currency (else --currency)"}}},
      // GL reconciliation: the AR control account's rows.
      {"gl",
       {{"date", true, "posting date"},
        {"account", false, "GL account (filtered with --account)"},
        {"debit", false, "debit amount (raises AR)"},
        {"credit", false, "credit amount (lowers AR)"},
        {"amount", false, "signed amount, when the export has no debit/credit columns: positive = debit"},
        {"currency", false, "ISO 4217 currency (else --currency)"},
        {"source", false, "source / journal type / document type: decides the roll-forward component"},
        {"journal_id", false, "journal entry or document number (shown in suggestions)"}}},
  };
  return all;
}

struct Synonyms {
  const char* field;
  std::vector<const char*> headers;  // compared after normalize_header
};

// Header names per profile. Generic is always consulted after the chosen profile.
const std::map<std::string, std::vector<Synonyms>, std::less<>>& profiles() {
  static const std::map<std::string, std::vector<Synonyms>, std::less<>> all = {
      {"generic",
       {{"customer_id", {"customer_id", "customerid", "customer", "customer_no", "customernumber", "custid", "account_id", "accountid",
                         "account_number", "client_id", "customer_code", "cust_no", "debtor_id", "customer_ref"}},
        {"name", {"name", "customer_name", "company", "company_name", "account_name"}},
        {"customer_name", {"customer_name", "customername", "company", "company_name", "account_name"}},
        {"currency", {"currency", "currency_code", "ccy", "cur", "currencyisocode"}},
        {"terms", {"terms", "payment_terms", "terms_days", "net_days"}},
        {"credit_limit", {"credit_limit", "creditlimit"}},
        {"email", {"email", "e_mail", "billing_email"}},
        {"bank_account", {"bank_account", "iban", "account_number_bank", "payer_account"}},
        {"invoice_id", {"invoice_id", "invoice", "invoice_number", "invoice_no", "invoice_num", "invoicenumber", "inv", "document_number", "doc_number",
                        "invoice_ref", "invoice_reference", "applied_to", "applied_invoice"}},
        {"invoice_date", {"invoice_date", "date", "doc_date", "document_date", "issue_date", "issued", "issued_on", "invoiced_on",
                          "posting_date", "bill_date", "billing_date"}},
        {"due_date", {"due_date", "duedate", "due", "date_due", "payment_due_date", "due_on"}},
        {"amount", {"amount", "total", "invoice_amount", "total_amount", "amount_total", "gross", "gross_amount", "payment_amount",
                    "amount_paid", "paid_amount", "amount_due", "total_due", "invoice_total", "amount_received"}},
        {"po_number", {"po_number", "po", "purchase_order"}},
        {"payment_id", {"payment_id", "payment", "payment_number", "receipt_id", "receipt", "receipt_number", "transaction_id"}},
        {"payment_date", {"payment_date", "date", "received_date", "receipt_date", "date_received", "deposit_date", "paid_date",
                          "date_paid", "received_on", "paid_on", "value_date"}},
        {"applied_amount", {"applied_amount", "amount_applied", "applied"}},
        {"method", {"method", "payment_method", "type", "payment_type"}},
        {"reference", {"reference", "ref", "check_number", "check_no", "bank_reference", "memo"}},
        {"payer_name", {"payer_name", "payer", "remitter"}},
        {"payer_account", {"payer_account", "payer_iban", "from_account"}},
        {"contract_id", {"contract", "contract_number", "contract_no", "agreement_id", "subscription_id", "order_form_id", "order_form"}},
        {"line_id", {"line", "line_no", "line_number", "contract_line", "item_no"}},
        {"customer", {"customer_id", "customer_no", "customer_number", "account_id", "account", "account_number", "client_id"}},
        {"product", {"product_id", "product_code", "sku", "item_code", "plan"}},
        {"metric", {"usage_metric", "meter", "unit_of_measure", "uom"}},
        {"description", {"product_name", "line_description"}},
        {"start_date", {"start", "service_start", "contract_start", "start_on"}},
        {"end_date", {"end", "service_end", "contract_end", "end_on", "termination_date"}},
        {"effective_date", {"effective", "amendment_date", "change_date", "effective_from"}},
        {"frequency", {"billing_frequency", "bill_frequency", "billing_period", "billing_cycle", "interval"}},
        {"timing", {"billing_timing", "billing_type", "bill_in"}},
        {"anchor_day", {"billing_day", "bill_day", "billing_day_of_month", "anchor"}},
        {"price_model", {"pricing_model", "pricing_method", "charge_model", "model"}},
        {"price_per", {"price_period", "price_frequency", "per"}},
        {"unit_price", {"price", "list_price", "net_price", "rate", "unit_cost"}},
        {"tiers", {"tier_table", "price_tiers", "tiered_pricing"}},
        {"quantity", {"qty", "seats", "licenses", "units", "usage_quantity"}},
        {"discount", {"discount_percent", "discount_pct", "discount_amount"}},
        {"discount_until", {"discount_end", "discount_end_date", "discount_through"}},
        {"tax_rate", {"tax", "tax_percent", "tax_pct", "vat_rate"}},
        {"net_days", {"terms", "payment_terms", "net_terms", "terms_days"}},
        {"event_id", {"event", "usage_id", "record_id", "idempotency_key", "transaction_id"}},
        {"usage_date", {"date", "event_date", "usage_day", "timestamp", "recorded_at"}},
        // Billing reconciliation (crm_lines, erp_lines).
        {"contract_line", {"contract_line_id", "line_id", "line", "line_no", "line_number", "subscription_line", "item_no"}},
        {"invoice_line", {"invoice_line_id", "invoice_line_no", "invoice_item", "line_item_id", "line_no", "line_number", "line"}},
        {"period", {"billing_period", "service_period", "bill_period", "service_month", "billing_month", "period_start",
                    "service_start", "service_from", "service_start_date", "service_date", "charge_date", "month"}},
        {"discount_percent", {"discount_pct", "discount_percentage", "disc_pct", "discount_rate"}},
        // GL (gl).
        {"date", {"posting_date", "gl_date", "post_date", "transaction_date", "entry_date", "document_date", "doc_date",
                  "accounting_date", "effective_date"}},
        {"account", {"gl_account", "account_number", "account_no", "account_code", "gl_account_number", "acct", "main_account",
                     "ledger_account", "g_l_account"}},
        {"debit", {"debit_amount", "debits", "dr", "amount_debit", "debit_lc", "debit_amount_lc"}},
        {"credit", {"credit_amount", "credits", "cr", "amount_credit", "credit_lc", "credit_amount_lc"}},
        {"source", {"journal_source", "source_type", "je_source", "source_code", "transaction_type", "document_type", "doc_type",
                    "journal_type", "journal_category", "type"}},
        {"journal_id", {"journal", "journal_entry", "journal_number", "je_number", "je_id", "entry_no", "document_number",
                        "doc_number", "reference"}}}},
      {"netsuite",
       {{"customer_id", {"id", "customer_id", "entity_id", "customer", "name"}},
        {"name", {"company_name", "companyname", "name"}},
        {"customer_name", {"customer", "name"}},
        {"currency", {"currency"}},
        {"terms", {"terms"}},
        {"credit_limit", {"credit_limit"}},
        {"email", {"email"}},
        {"invoice_id", {"document_number", "invoice"}},
        {"invoice_date", {"date"}},
        {"due_date", {"due_date"}},
        {"amount", {"amount_foreign_currency", "amount", "amount_gross"}},
        {"po_number", {"po_check_number"}},
        {"payment_id", {"document_number", "payment"}},
        {"payment_date", {"date"}},
        {"invoice_id", {"applied_to", "appliedto"}},
        {"method", {"payment_method"}},
        {"reference", {"po_check_number", "memo", "reference_number"}},
        // GL detail saved search: Type is Invoice / Payment / Credit Memo / Journal.
        {"source", {"type", "transaction_type"}},
        {"journal_id", {"document_number", "internal_id"}}}},
      {"quickbooks",
       {{"customer_id", {"customer", "name", "customer_full_name"}},
        {"name", {"company", "company_name", "customer"}},
        {"customer_name", {"customer", "name"}},
        {"currency", {"currency"}},
        {"terms", {"terms"}},
        {"email", {"email"}},
        {"invoice_id", {"num", "invoice_no", "no"}},
        {"invoice_date", {"date", "invoice_date"}},
        {"due_date", {"due_date"}},
        {"amount", {"amount", "total"}},
        {"po_number", {"p_o_number", "po_number"}},
        {"payment_id", {"num", "ref_no", "reference_no"}},
        {"payment_date", {"date", "payment_date"}},
        {"invoice_id", {"invoice_no", "applied_to"}},
        {"method", {"payment_method"}},
        {"reference", {"ref_no", "memo", "memo_description"}},
        // General Ledger report: Transaction Type, Num, Account, Debit/Credit or Amount.
        {"source", {"transaction_type", "type"}},
        {"journal_id", {"num"}}}},
      {"salesforce",
       {{"customer_id", {"account_id", "accountid", "blng_account_c", "id"}},
        {"name", {"account_name", "name"}},
        {"customer_name", {"account_name", "account_account_name"}},
        {"currency", {"currencyisocode", "currency_iso_code", "currency"}},
        {"terms", {"blng_paymentterm_c", "payment_terms"}},
        {"credit_limit", {"credit_limit_c"}},
        {"email", {"billing_email_c", "email"}},
        {"invoice_id", {"invoice_number", "blng_invoice_c", "name"}},
        {"invoice_date", {"blng_invoicedate_c", "invoice_date"}},
        {"due_date", {"blng_duedate_c", "due_date"}},
        {"amount", {"blng_totalamount_c", "blng_amount_c", "total_amount", "amount"}},
        {"po_number", {"blng_ponumber_c"}},
        {"payment_id", {"payment_number", "name"}},
        {"payment_date", {"blng_paymentdate_c", "payment_date"}},
        {"invoice_id", {"blng_invoice_c"}},
        {"method", {"blng_paymenttype_c", "payment_type"}},
        {"reference", {"blng_referencenumber_c", "reference"}},
        {"contract_id", {"sbqq_contract_c", "contractid", "contract_number"}},
        {"line_id", {"id", "name"}},
        {"customer", {"sbqq_account_c", "accountid", "account_id"}},
        {"product", {"sbqq_productcode_c", "productcode", "sbqq_product_c", "product2id"}},
        {"description", {"sbqq_productname_c", "product_name"}},
        {"start_date", {"sbqq_subscriptionstartdate_c", "sbqq_startdate_c", "servicedate"}},
        {"end_date", {"sbqq_subscriptionenddate_c", "sbqq_enddate_c", "enddate"}},
        {"frequency", {"sbqq_billingfrequency_c"}},
        {"timing", {"sbqq_billingtype_c"}},
        {"anchor_day", {"blng_billingdayofmonth_c"}},
        {"unit_price", {"sbqq_netprice_c", "unitprice", "sbqq_listprice_c"}},
        {"quantity", {"sbqq_quantity_c"}},
        {"discount", {"sbqq_discount_c", "sbqq_additionaldiscountamount_c"}},
        // CPQ subscriptions: SBQQ__Discount__c is a percent, the additional discount an amount.
        {"discount_percent", {"sbqq_discount_c"}},
        {"contract_line", {"id", "name"}}}},
  };
  return all;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

const std::vector<FieldSpec>& fields_of(std::string_view kind) {
  auto it = kinds().find(kind);
  if (it == kinds().end()) throw Error(ErrorKind::kUsage, "unknown record kind '" + std::string(kind) + "'");
  return it->second;
}

const std::vector<std::string>& profile_names() {
  static const std::vector<std::string> names = {"generic", "netsuite", "quickbooks", "salesforce"};
  return names;
}

MappingFile read_mapping_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::kInput, "cannot open mapping file", {path});
  MappingFile m;
  std::string line;
  long n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto eq = t.find('=');
    if (eq == std::string::npos)
      throw Error(ErrorKind::kInput, "expected `field = Header Name`", {path, n, 1});
    std::string key = trim(t.substr(0, eq));
    std::string value = trim(t.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (key == "date_format") m.date_format = value;
    else if (key == "decimal_comma") m.decimal_comma = (value == "true" || value == "yes" || value == "1");
    else if (key == "delimiter") {
      if (value == "tab" || value == "\\t") m.delimiter = '\t';
      else if (value.size() == 1) m.delimiter = value[0];
      else throw Error(ErrorKind::kInput, "delimiter must be one character or `tab`", {path, n, static_cast<int>(eq + 2)});
    } else if (key == "currency") m.currency = value;
    else m.columns.emplace_back(key, value);
  }
  return m;
}

ColumnMap ColumnMap::resolve(std::string_view kind, std::string_view profile, const MappingFile* mapping,
                             const std::vector<std::string>& header, const std::string& file_name) {
  const auto& specs = fields_of(kind);
  auto prof = profiles().find(profile);
  if (prof == profiles().end())
    throw Error(ErrorKind::kUsage, "unknown profile '" + std::string(profile) + "' (known: generic, netsuite, quickbooks, salesforce)");
  const auto& generic = profiles().find("generic")->second;

  std::vector<std::string> normalized;
  normalized.reserve(header.size());
  for (const auto& h : header) normalized.push_back(normalize_header(h));

  ColumnMap map;
  map.header_ = header;
  std::vector<bool> taken(header.size(), false);
  auto find_header = [&](std::string_view want) -> int {
    std::string n = normalize_header(want);
    for (std::size_t i = 0; i < normalized.size(); ++i)
      if (!taken[i] && normalized[i] == n) return static_cast<int>(i);
    return -1;
  };

  // 1. Mapping-file columns are exact instructions: a header they name must exist.
  if (mapping) {
    for (const auto& [field, head] : mapping->columns) {
      bool known = std::any_of(specs.begin(), specs.end(), [&](const FieldSpec& s) { return field == s.name; });
      if (!known) continue;  // a mapping file may serve several kinds
      int idx = find_header(head);
      if (idx < 0)
        throw Error(ErrorKind::kInput, "mapping names column '" + head + "' for " + field + ", but the header has no such column",
                    {file_name, 1, 0});
      taken[static_cast<std::size_t>(idx)] = true;
      map.indices_.emplace_back(field, idx);
    }
  }
  // 2. Profile synonyms, then generic ones, for the fields still unmapped. The canonical name
  //    itself always matches.
  for (const auto& spec : specs) {
    if (map.index(spec.name) >= 0) continue;
    int idx = find_header(spec.name);
    auto try_list = [&](const std::vector<Synonyms>& list) {
      for (const auto& syn : list) {
        if (idx >= 0) return;
        if (std::string_view(syn.field) != spec.name) continue;
        for (const char* h : syn.headers) {
          idx = find_header(h);
          if (idx >= 0) return;
        }
      }
    };
    try_list(prof->second);
    try_list(generic);
    if (idx >= 0) {
      taken[static_cast<std::size_t>(idx)] = true;
      map.indices_.emplace_back(spec.name, idx);
    }
  }
  std::string missing;
  for (const auto& spec : specs) {
    if (spec.required && map.index(spec.name) < 0) {
      if (!missing.empty()) missing += ", ";
      missing += spec.name;
    }
  }
  if (!missing.empty())
    throw Error(ErrorKind::kInput, "no column for required field(s): " + missing, {file_name, 1, 0},
                "name the columns with --map FILE (see docs/mapping.md) or pick a --profile");
  return map;
}

int ColumnMap::index(std::string_view field) const {
  for (const auto& [name, idx] : indices_)
    if (name == field) return idx;
  return -1;
}

}  // namespace otc::import
