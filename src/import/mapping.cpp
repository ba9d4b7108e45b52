#include "otc/import/mapping.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>

#include "otc/core/currency_names.hpp"
#include "otc/core/error.hpp"
#include "otc/core/text.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;
using core::trim;

// The fields of each record kind, in resolution order (a percent column is claimed by
// discount_percent before discount looks for one): KINDS FIELD required|optional MEANING, where
// KINDS is one kind or several joined by commas (a field several kinds read alike).
constexpr std::string_view kFieldTable = R"(
customers customer_id  required  the customer's id in the source system
customers name         optional  customer name
customers currency     optional  default currency (ISO 4217)
customers terms        optional  payment terms: days, or 'Net 30'
customers credit_limit optional  credit limit in the customer's currency
customers email        optional  billing e-mail
customers bank_account optional  the account the customer pays from (IBAN or number), for cash matching

invoices  invoice_id    required  invoice number
invoices  customer_id   required  customer id
invoices  customer_name optional  customer name (used when the customer is new)
invoices  invoice_date  required  invoice date
invoices  due_date      optional  due date (else computed from terms)
invoices  terms         optional  payment terms: days, or 'Net 30'
invoices  amount        required  invoice total including tax
invoices  currency      optional  ISO 4217 currency (else the default currency)
invoices  po_number     optional  customer's purchase order
invoices  open_amount   optional  open balance on the import's as-of date (the rest: an opening application)
invoices  type          optional  transaction type: Invoice, or Credit Memo (imported as a credit memo)
invoices  applies_to    optional  on a credit memo: the invoice it credits (NetSuite 'Created From')
invoices  memo          optional  memo text; on a credit memo "Credit for invoice 2047" names the invoice
invoices  status        optional  open, paid (Paid In Full, Closed) or void (the row is skipped)

payments  payment_id     required  payment id / receipt number
payments  customer_id    optional  customer id (empty: unidentified cash)
payments  customer_name  optional  customer name (used when the customer is new)
payments  payment_date   required  date received
payments  amount         required  payment amount
payments  currency       optional  ISO 4217 currency (else the default currency)
payments  invoice_id     optional  the invoice this payment (or this row of it) pays
payments  applied_amount optional  amount of this row applied to invoice_id (split payments: one row per invoice)
payments  method         optional  ACH, wire, check, card ...
payments  reference      optional  check number or bank reference
payments  payer_name     optional  name on the payment
payments  payer_account  optional  account the payment came from

contracts contract_id    required  contract / order form id
contracts line_id        optional  line within the contract (default 1)
contracts customer       optional  customer id (required on a line's first row)
contracts product        optional  product sold (required on a line's first row)
contracts metric         optional  usage metric matched against usage records (default: the product)
contracts description    optional  text on invoice lines (default: the product)
contracts start_date     optional  first day of service (required on a line's first row)
contracts end_date       optional  last day of service, inclusive; blank or 'evergreen' = no end
contracts effective_date optional  on an amendment: the first day its terms apply
contracts frequency      optional  billing frequency: monthly, quarterly, semiannual, annual
contracts timing         optional  advance (default) or arrears
contracts anchor_day     optional  day of month periods start on, or a date (default: the start day)
contracts price_model    optional  flat, per_seat, usage_graduated, usage_volume, minimum_commitment
contracts price_per      optional  what a flat or per-seat price is quoted per (default: the billing frequency)
contracts unit_price     optional  price of one unit, up to 6 decimals
contracts tiers          optional  tier table UP_TO:UNIT_PRICE;...;inf:UNIT_PRICE (usage models)
contracts quantity       optional  seats, committed units per period, or units of a flat line
contracts discount       optional  15% or an amount off each full billing period
contracts discount_until optional  last day the discount applies
contracts currency       optional  ISO 4217 currency (else the default currency)
contracts tax_rate       optional  tax percent, e.g. 8.875
contracts net_days       optional  payment terms: 30, Net 30, due on receipt (default: the customer's terms, else 30)

usage     event_id    required  unique id of the metered event (a repeated id is ignored)
usage     contract_id optional  contract the usage belongs to (else the customer and metric decide)
usage     line_id     optional  line of that contract
usage     customer    optional  customer id, when the record names no contract
usage     metric      optional  usage metric (required when the record names only a customer)
usage     quantity    required  units used (negative = a correction)
usage     usage_date  required  day the usage happened

crm_lines           contract_id      optional  contract / order form id (required when --key uses it)
crm_lines           contract_line    optional  line of the contract (shown in suggestions; may be a key field)
erp_lines           invoice_id       optional  invoice number (shown in suggestions)
erp_lines           invoice_line     optional  invoice line id or number (shown in suggestions)
erp_lines           contract_id      optional  contract the invoice line bills (required when --key uses it)
erp_lines           contract_line    optional  contract line the invoice line bills
crm_lines,erp_lines period           optional  billing period: YYYY-MM, or a date in it (service start)
crm_lines,erp_lines product          optional  product billed
crm_lines,erp_lines customer         optional  customer id
crm_lines,erp_lines quantity         optional  quantity billed
crm_lines,erp_lines unit_price       optional  price of one unit, up to 6 decimals
crm_lines,erp_lines discount_percent optional  discount as a percent of quantity x unit price
crm_lines,erp_lines discount         optional  discount: an amount, or a percent written 10%
crm_lines,erp_lines amount           optional  line amount after discount, before tax (else quantity x unit price - discount)
crm_lines,erp_lines currency         optional  ISO 4217 currency (else --currency)

invoice_lines invoice_id    required  invoice number (one row per line; an invoice's rows together)
invoice_lines customer_id   required  customer id
invoice_lines customer_name optional  customer name (used when the customer is new)
invoice_lines invoice_date  required  invoice date
invoice_lines due_date      optional  due date (else from terms, else the customer's terms)
invoice_lines terms         optional  payment terms: days, or 'Net 30'
invoice_lines currency      optional  ISO 4217 currency (else the customer's, else --currency)
invoice_lines invoice_line  optional  line number (default: the row's place in the invoice)
invoice_lines contract_id   optional  contract the line bills (needed by reconcile billing)
invoice_lines contract_line optional  contract line the line bills
invoice_lines product       optional  product billed
invoice_lines period        optional  billing period: YYYY-MM, or the service start date
invoice_lines quantity      optional  quantity billed
invoice_lines unit_price    optional  price of one unit
invoice_lines discount      optional  discount amount of the line
invoice_lines amount        required  line amount after discount, before tax
invoice_lines tax           optional  tax of the line (the invoice total is the lines' amounts plus tax)

gl        date       required  posting date
gl        account    optional  GL account (filtered with --account)
gl        debit      optional  debit amount (raises AR)
gl        credit     optional  credit amount (lowers AR)
gl        amount     optional  signed amount, when the export has no debit/credit columns: positive = debit
gl        currency   optional  ISO 4217 currency (else --currency)
gl        source     optional  source / journal type / document type: decides the roll-forward component
gl        journal_id optional  journal entry or document number (shown in suggestions)
)";

// Header names per profile and field, most specific first, compared after normalize_header: PROFILE
// FIELD: NAMES. A field may have several lines (tried in order). Generic is always consulted after
// the chosen profile, and the canonical name itself always matches.
constexpr std::string_view kHeaderTable = R"(
generic    customer_id:      customer_id customerid customer customer_no customernumber custid account_id accountid account_number client_id customer_code cust_no debtor_id customer_ref
generic    name:             name customer_name company company_name account_name
generic    customer_name:    customer_name customername company company_name account_name
generic    currency:         currency currency_code ccy cur currencyisocode
generic    terms:            terms payment_terms terms_days net_days
generic    credit_limit:     credit_limit creditlimit
generic    email:            email e_mail billing_email
generic    bank_account:     bank_account iban account_number_bank payer_account
generic    invoice_id:       invoice_id invoice invoice_number invoice_no invoice_num invoicenumber inv document_number doc_number invoice_ref invoice_reference applied_to applied_invoice
generic    invoice_date:     invoice_date date doc_date document_date issue_date issued issued_on invoiced_on posting_date bill_date billing_date
generic    due_date:         due_date duedate due date_due payment_due_date due_on
generic    amount:           amount total invoice_amount total_amount amount_total gross gross_amount payment_amount amount_paid paid_amount amount_due total_due invoice_total amount_received
generic    po_number:        po_number po purchase_order
generic    open_amount:      open_amount open_balance amount_remaining balance_remaining remaining_amount balance balance_due open amount_open outstanding outstanding_amount
generic    type:             type transaction_type document_type doc_type
generic    applies_to:       applies_to created_from applied_to_invoice original_invoice credited_invoice
generic    memo:             memo memo_description description message
generic    status:           status invoice_status
generic    payment_id:       payment_id payment payment_number receipt_id receipt receipt_number transaction_id
generic    payment_date:     payment_date date received_date receipt_date date_received deposit_date paid_date date_paid received_on paid_on value_date
generic    applied_amount:   applied_amount amount_applied applied
generic    method:           method payment_method type payment_type
generic    reference:        reference ref check_number check_no bank_reference memo
generic    payer_name:       payer_name payer remitter
generic    payer_account:    payer_account payer_iban from_account
generic    contract_id:      contract contract_number contract_no agreement_id subscription_id order_form_id order_form
generic    line_id:          line line_no line_number contract_line item_no
generic    customer:         customer_id customer_no customer_number account_id account account_number client_id
generic    product:          product_id product_code sku item_code plan item item_id item_name
generic    metric:           usage_metric meter unit_of_measure uom
generic    description:      product_name line_description
generic    start_date:       start service_start contract_start start_on
generic    end_date:         end service_end contract_end end_on termination_date
generic    effective_date:   effective amendment_date change_date effective_from
generic    frequency:        billing_frequency bill_frequency billing_period billing_cycle interval
generic    timing:           billing_timing billing_type bill_in
generic    anchor_day:       billing_day bill_day billing_day_of_month anchor
generic    price_model:      pricing_model pricing_method charge_model model
generic    price_per:        price_period price_frequency per
generic    unit_price:       price list_price net_price rate unit_cost
generic    tiers:            tier_table price_tiers tiered_pricing
generic    quantity:         qty seats licenses units usage_quantity
generic    discount:         discount_percent discount_pct discount_amount
generic    discount_until:   discount_end discount_end_date discount_through
generic    tax_rate:         tax tax_percent tax_pct vat_rate
generic    tax:              tax_amount vat vat_amount sales_tax
generic    net_days:         terms payment_terms net_terms terms_days
generic    event_id:         event usage_id record_id idempotency_key transaction_id
generic    usage_date:       date event_date usage_day timestamp recorded_at
generic    contract_line:    contract_line_id line_id line line_no line_number subscription_line item_no
generic    invoice_line:     invoice_line_id invoice_line_no invoice_item line_item_id line_no line_number line
generic    period:           billing_period service_period bill_period service_month billing_month period_start service_start service_from service_start_date service_date charge_date month
generic    discount_percent: discount_pct discount_percentage disc_pct discount_rate
generic    date:             posting_date gl_date post_date transaction_date entry_date document_date doc_date accounting_date effective_date
generic    account:          gl_account account_number account_no account_code gl_account_number acct main_account ledger_account g_l_account
generic    debit:            debit_amount debits dr amount_debit debit_lc debit_amount_lc
generic    credit:           credit_amount credits cr amount_credit credit_lc credit_amount_lc
generic    source:           journal_source source_type je_source source_code transaction_type document_type doc_type journal_type journal_category type
generic    journal_id:       journal journal_entry journal_number je_number je_id entry_no document_number doc_number reference

netsuite   customer_id:      id customer_id entity_id customer name
netsuite   open_amount:      amount_remaining_foreign_currency amount_remaining
netsuite   applies_to:       created_from
netsuite   name:             company_name companyname name
netsuite   customer_name:    customer name
netsuite   currency:         currency
netsuite   terms:            terms
netsuite   credit_limit:     credit_limit
netsuite   email:            email
netsuite   invoice_id:       document_number invoice
netsuite   invoice_date:     date
netsuite   due_date:         due_date due_date_receive_by
netsuite   amount:           amount_foreign_currency amount amount_gross
netsuite   po_number:        po_check_number
netsuite   payment_id:       document_number payment
netsuite   payment_date:     date
netsuite   invoice_id:       applied_to appliedto
netsuite   method:           payment_method
netsuite   reference:        po_check_number memo reference_number
netsuite   source:           type transaction_type
netsuite   journal_id:       document_number internal_id

quickbooks customer_id:      customer name customer_full_name
quickbooks open_amount:      open_balance balance
quickbooks type:             transaction_type type
quickbooks memo:             memo_description memo
quickbooks name:             company company_name customer
quickbooks customer_name:    customer name
quickbooks currency:         currency
quickbooks terms:            terms
quickbooks email:            email
quickbooks invoice_id:       num invoice_no no
quickbooks invoice_date:     date invoice_date
quickbooks due_date:         due_date
quickbooks amount:           amount total
quickbooks po_number:        p_o_number po_number
quickbooks payment_id:       num ref_no reference_no
quickbooks payment_date:     date payment_date
quickbooks invoice_id:       invoice_no applied_to
quickbooks method:           payment_method
quickbooks reference:        ref_no memo memo_description
quickbooks source:           transaction_type type
quickbooks journal_id:       num

salesforce customer_id:      account_id accountid blng_account_c id
salesforce open_amount:      blng_balance_c balance
salesforce status:           blng_invoicestatus_c invoice_status status
salesforce name:             account_name name
salesforce customer_name:    account_name account_account_name
salesforce currency:         currencyisocode currency_iso_code currency
salesforce terms:            blng_paymentterm_c payment_terms
salesforce credit_limit:     credit_limit_c
salesforce email:            billing_email_c email
salesforce invoice_id:       invoice_number blng_invoice_c name
salesforce payment_date:     payment_date
salesforce invoice_date:     blng_invoicedate_c invoice_date
salesforce due_date:         blng_duedate_c due_date
salesforce amount:           blng_totalamount_c blng_amount_c total_amount amount
salesforce po_number:        blng_ponumber_c
salesforce payment_id:       payment_number name
salesforce payment_date:     blng_paymentdate_c payment_date
salesforce invoice_id:       blng_invoice_c
salesforce method:           blng_paymenttype_c payment_type
salesforce reference:        blng_referencenumber_c reference
salesforce contract_id:      sbqq_contract_c contractid contract_number
salesforce line_id:          id name
salesforce customer:         sbqq_account_c accountid account_id
salesforce product:          sbqq_productcode_c productcode sbqq_product_c product2id
salesforce description:      sbqq_productname_c product_name
salesforce start_date:       sbqq_subscriptionstartdate_c sbqq_startdate_c servicedate
salesforce end_date:         sbqq_subscriptionenddate_c sbqq_enddate_c enddate
salesforce frequency:        sbqq_billingfrequency_c
salesforce timing:           sbqq_billingtype_c
salesforce anchor_day:       blng_billingdayofmonth_c
salesforce unit_price:       sbqq_netprice_c unitprice sbqq_listprice_c
salesforce quantity:         sbqq_quantity_c
salesforce discount:         sbqq_discount_c sbqq_additionaldiscountamount_c
salesforce discount_percent: sbqq_discount_c
salesforce contract_line:    id name
)";

/// Splits on blanks.
std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

/// Calls `each` with the non-blank lines of a table.
template <class Each>
void for_each_line(std::string_view table, Each each) {
  while (!table.empty()) {
    std::size_t nl = table.find('\n');
    std::string_view line = table.substr(0, nl);
    table = nl == std::string_view::npos ? std::string_view() : table.substr(nl + 1);
    if (!line.empty()) each(line);
  }
}

using KindTable = std::map<std::string, std::vector<FieldSpec>, std::less<>>;

const KindTable& kinds() {
  static const KindTable all = [] {
    KindTable t;
    for_each_line(kFieldTable, [&](std::string_view line) {
      auto w = words(line);  // kinds, field, required|optional, meaning...
      // Views into the table: the literal lives for the whole program.
      std::string_view meaning = core::trim(line.substr(static_cast<std::size_t>(w[2].data() + w[2].size() - line.data())));
      for (std::string_view kinds = w[0]; !kinds.empty();) {
        std::size_t comma = kinds.find(',');
        t[std::string(kinds.substr(0, comma))].push_back({w[1], w[2] == "required", meaning});
        kinds = comma == std::string_view::npos ? std::string_view() : kinds.substr(comma + 1);
      }
    });
    return t;
  }();
  return all;
}

struct Synonyms {
  std::string_view field;
  std::vector<std::string_view> headers;  // compared after normalize_header
};

const std::map<std::string, std::vector<Synonyms>, std::less<>>& profiles() {
  static const std::map<std::string, std::vector<Synonyms>, std::less<>> all = [] {
    std::map<std::string, std::vector<Synonyms>, std::less<>> t;
    for_each_line(kHeaderTable, [&](std::string_view line) {
      auto w = words(line);  // profile, field:, names...
      t[std::string(w[0])].push_back({w[1].substr(0, w[1].size() - 1), {w.begin() + 2, w.end()}});
    });
    return t;
  }();
  return all;
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
    std::string t(trim(line));
    if (t.empty() || t[0] == '#') continue;
    // A comment after the value: ` #` outside quotes.
    bool quoted = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '"') quoted = !quoted;
      else if (!quoted && t[i] == '#' && i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')) {
        t = std::string(trim(std::string_view(t).substr(0, i)));
        break;
      }
    }
    auto eq = t.find('=');
    if (eq == std::string::npos)
      throw Error(ErrorKind::kInput, "expected `field = Header Name`", {path, n, 1});
    std::string key(trim(std::string_view(t).substr(0, eq)));
    std::string value(trim(std::string_view(t).substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (key.rfind("value ", 0) == 0 || key.rfind("value\t", 0) == 0) {
      // value FIELD "Source text" = target
      std::string_view rest = trim(std::string_view(key).substr(6));
      std::size_t sp = rest.find_first_of(" \t");
      std::string field(rest.substr(0, sp));
      std::string from(sp == std::string_view::npos ? std::string_view() : trim(rest.substr(sp)));
      if (from.size() >= 2 && from.front() == '"' && from.back() == '"') from = from.substr(1, from.size() - 2);
      if (field.empty() || from.empty())
        throw Error(ErrorKind::kInput, "expected `value FIELD \"text in the file\" = value`", {path, n, 1});
      m.values.push_back({field, from, value});
      continue;
    }
    if (key == "date_format") m.date_format = value;
    else if (key == "decimal_comma") m.decimal_comma = (value == "true" || value == "yes" || value == "1");
    else if (key == "delimiter") {
      if (value == "tab" || value == "\\t") m.delimiter = '\t';
      else if (value.size() == 1) m.delimiter = value[0];
      else throw Error(ErrorKind::kInput, "delimiter must be one character or `tab`", {path, n, static_cast<int>(eq + 2)});
    } else if (key == "header_row") {
      char* end = nullptr;
      long row = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || row < 1 || row > 1000)
        throw Error(ErrorKind::kInput, "header_row must be a line number from 1 to 1000", {path, n, static_cast<int>(eq + 2)});
      m.header_row = static_cast<int>(row);
    } else if (key == "currency" || key == "default_currency") {
      // A code or an ISO 4217 name is the default currency; anything else names the column.
      std::optional<core::Currency> c = core::find_currency(value);
      if (!c) if (auto code = core::currency_code_for_name(value)) c = core::find_currency(*code);
      if (c) m.currency = std::string(c->view());
      else if (key == "currency") m.columns.emplace_back(key, value);
      else throw Error(ErrorKind::kInput, "unknown currency '" + value + "'", {path, n, static_cast<int>(eq + 2)});
    } else m.columns.emplace_back(key, value);
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

  const HeaderIndex columns(header);
  ColumnMap map;
  map.header_ = header;
  std::vector<bool> taken(header.size(), false);
  // Report labels ("Invoice: Invoice Number", "Account: Account ID", as Salesforce reports write
  // them) also match by the label after the object name.
  std::vector<std::string> labels(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::size_t colon = header[i].rfind(": ");
    if (colon != std::string::npos) labels[i] = normalize_header(std::string_view(header[i]).substr(colon + 2));
  }
  // The first column not claimed yet by another field whose name is `want` (any spelling).
  auto find_header = [&](std::string_view want) -> int {
    std::string n = normalize_header(want);
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (!taken[i] && columns.normalised(i) == n) return static_cast<int>(i);
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (!taken[i] && !labels[i].empty() && labels[i] == n) return static_cast<int>(i);
    return -1;
  };

  // 1. Mapping-file columns are exact instructions: a header they name must exist.
  if (mapping) {
    for (const auto& [field, head] : mapping->columns) {
      const auto& name = field;  // clang 14 cannot capture a structured binding
      bool known = std::any_of(specs.begin(), specs.end(), [&](const FieldSpec& s) { return name == s.name; });
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
        if (syn.field != spec.name) continue;
        for (std::string_view h : syn.headers) {
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

std::optional<std::string_view> mapped_value(const MappingFile* m, std::string_view field, std::string_view text) {
  if (!m || m->values.empty()) return std::nullopt;
  text = trim(text);
  for (const auto& v : m->values) {
    if (v.field != field || v.from.size() != text.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < text.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(text[i])) == std::tolower(static_cast<unsigned char>(v.from[i]));
    if (same) return std::string_view(v.to);
  }
  return std::nullopt;
}

std::vector<core::DateFormat> profile_date_formats(std::string_view profile) {
  // NetSuite and QuickBooks US exports write 12/01/2026 (and 1/5/2026); Salesforce reports in a
  // US locale do too. ISO dates are always read as well.
  if (profile == "netsuite" || profile == "quickbooks" || profile == "salesforce") return {core::DateFormat("%m/%d/%Y")};
  return {};
}

std::string profile_default_currency(std::string_view profile) {
  // QuickBooks Online US report exports carry no currency column: amounts are in the home currency.
  return profile == "quickbooks" ? "USD" : "";
}

InputSettings settings_with_mapping(InputSettings s, const MappingFile* m) {
  if (!m) return s;
  if (m->date_format) s.date_format = core::DateFormat(*m->date_format);
  if (m->decimal_comma) s.amount_style.decimal_comma = *m->decimal_comma;
  if (m->delimiter) s.delimiter = *m->delimiter;
  if (m->currency && s.default_currency.empty()) s.default_currency = *m->currency;
  return s;
}

}  // namespace otc::import
