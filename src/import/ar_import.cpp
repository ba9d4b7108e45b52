#include "otc/import/ar_import.hpp"

#include <fstream>
#include <memory>

#include "otc/engine/cash_dates.hpp"
#include "otc/import/ar_rows.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/rejects_writer.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;
using store::PutOutcome;

std::string conflict_message(const char* what, const std::string& id, const store::PutResult& r) {
  return import::conflict_message(what, id, r.existing_file, r.existing_line);
}

}  // namespace

ImportSummary run_ar_import(store::LedgerStore& store, const ImportOptions& opt, const IssueSink& report_issue) {
  ImportSummary sum;
  if (auto prev = store.find_batch(opt.kind, opt.sha256)) {
    sum.already_imported = true;
    sum.previous = *prev;
    return sum;
  }
  InputSettings settings = opt.settings;
  if (opt.mapping) {
    if (opt.mapping->date_format) settings.date_format = core::DateFormat(*opt.mapping->date_format);
    if (opt.mapping->decimal_comma) settings.amount_style.decimal_comma = *opt.mapping->decimal_comma;
    if (opt.mapping->delimiter) settings.delimiter = *opt.mapping->delimiter;
    if (opt.mapping->currency && settings.default_currency.empty()) settings.default_currency = *opt.mapping->currency;
  }

  CsvReader reader(opt.path, settings.delimiter);
  if (!reader.next()) throw Error(ErrorKind::kInput, "file is empty (expected a header row)", {opt.display_name, 1, 0});
  std::vector<std::string> header;
  for (std::size_t i = 0; i < reader.size(); ++i) header.emplace_back(reader.field(i));
  ColumnMap map = ColumnMap::resolve(opt.kind, opt.profile, opt.mapping, header, opt.display_name);
  ArRowParser parser(map, settings);
  RejectsWriter rejects(opt.skip_bad ? opt.rejects_path : std::string(), header);

  sum.batch_id = store.add_batch(opt.kind, opt.display_name, opt.sha256, opt.command_line);
  std::vector<RowIssue> issues;
  domain::Customer customer;
  domain::Invoice invoice;
  domain::Payment payment;
  bool writing = true;  // stops writing (but keeps validating) after the first bad row unless skipping

  auto reject = [&](const std::vector<RowIssue>& list) {
    ++sum.rejected;
    std::string reasons;
    for (const auto& is : list) {
      core::SourceLocation where = reader.location(is.column > 0 ? static_cast<std::size_t>(is.column - 1) : 0);
      where.file = opt.display_name;
      if (is.column <= 0) where.column = 0, where.caret = -1;
      report_issue(where, is.message);
      if (!reasons.empty()) reasons += "; ";
      reasons += is.message;
    }
    if (opt.skip_bad) rejects.add(reader, reasons);
    else writing = false;
  };

  while (reader.next()) {
    ++sum.rows_read;
    issues.clear();
    const long line = reader.line();
    try {
    if (opt.kind == "customers") {
      if (!parser.parse(reader, customer, issues)) { reject(issues); continue; }
      if (!writing) continue;
      auto r = store.put_customer(customer, content_hash(customer), sum.batch_id, line);
      if (r.outcome == PutOutcome::kConflict) {
        reject({{map.column("customer_id"), conflict_message("customer", customer.external_id, r)}});
        continue;
      }
      (r.outcome == PutOutcome::kInserted ? sum.inserted : sum.unchanged)++;
    } else if (opt.kind == "invoices") {
      if (!parser.parse(reader, invoice, issues)) { reject(issues); continue; }
      if (!writing) continue;
      std::int64_t cust = store.ensure_customer(invoice.customer_external_id, invoice.customer_name, sum.batch_id, line);
      if (invoice.due_from_customer_terms) {
        auto terms = store.customer_terms(cust);
        if (!terms) {
          reject({{map.index("due_date") >= 0 ? map.column("due_date") : 0,
                   "no due date: give a due_date or terms column, or import the customer with terms first"}});
          continue;
        }
        invoice.due_date = invoice.invoice_date.add_days(*terms);
      }
      auto r = store.put_invoice(invoice, cust, content_hash(invoice), sum.batch_id, line);
      if (r.outcome == PutOutcome::kConflict) {
        reject({{map.column("invoice_id"), conflict_message("invoice", invoice.external_id, r)}});
        continue;
      }
      (r.outcome == PutOutcome::kInserted ? sum.inserted : sum.unchanged)++;
    } else if (opt.kind == "payments") {
      if (!parser.parse(reader, payment, issues)) { reject(issues); continue; }
      if (!writing) continue;
      std::optional<store::InvoiceRef> inv;
      if (!payment.invoice_external_id.empty()) {
        inv = store.find_invoice(payment.invoice_external_id);
        if (!inv) { reject({{map.column("invoice_id"), "invoice '" + payment.invoice_external_id + "' is not in the ledger"}}); continue; }
        if (!(inv->currency == payment.currency)) {
          reject({{map.column("currency"), "payment currency " + std::string(payment.currency.view()) + " differs from invoice " +
                                                payment.invoice_external_id + " currency " + std::string(inv->currency.view())}});
          continue;
        }
      }
      std::optional<std::int64_t> cust;
      if (!payment.customer_external_id.empty())
        cust = store.ensure_customer(payment.customer_external_id, payment.customer_name, sum.batch_id, line);
      if (inv) {
        if (cust && *cust != inv->customer_id) {
          reject({{map.column("customer_id"), "invoice '" + payment.invoice_external_id + "' belongs to another customer"}});
          continue;
        }
        cust = inv->customer_id;
      }
      auto r = store.put_payment(payment, cust, content_hash(payment), sum.batch_id, line);
      if (r.outcome == PutOutcome::kConflict) {
        reject({{map.column("payment_id"), conflict_message("payment", payment.external_id, r)}});
        continue;
      }
      if (r.outcome == PutOutcome::kInserted) ++sum.inserted;
      else if (r.outcome == PutOutcome::kUnchanged && inv && !store.has_application(r.id, inv->id)) ++sum.continuation_rows;
      else ++sum.unchanged;
      // A new payment is wholly unapplied; a known one (split rows, overlapping files) may have
      // been applied to this invoice already.
      if (inv && (r.outcome == PutOutcome::kInserted || !store.has_application(r.id, inv->id))) {
        std::int64_t unapplied = r.outcome == PutOutcome::kInserted ? payment.amount_minor
                                                                    : store.find_payment(payment.external_id)->unapplied_minor;
        std::int64_t want = payment.applied_minor.value_or(payment.amount_minor);
        std::int64_t amount = std::min({want, inv->open_minor, unapplied});
        if (amount > 0) {
          store::ApplicationDraft d;
          d.invoice_id = inv->id;
          d.payment_id = r.id;
          d.amount_minor = amount;
          d.applied_on = engine::application_date(payment.received_date, inv->invoice_date);
          d.rule = "import";
          d.batch_id = sum.batch_id;
          store.apply(d);
          ++sum.applied;
        }
      }
    }
    } catch (const Error& e) {
      // The ledger refused this row (a closed period): a bad row like any other.
      if (e.kind() != ErrorKind::kPeriodClosed) throw;
      reject({{0, e.what()}});
    }
  }
  rejects.finish();
  store.finish_batch(sum.batch_id, sum.rows_read, sum.inserted);
  store::AuditEntry audit;
  audit.command = opt.command_line;
  audit.action = "import";
  audit.entity = opt.kind;
  audit.detail = std::to_string(sum.rows_read) + " rows read, " + std::to_string(sum.inserted) + " added, " +
                 std::to_string(sum.unchanged) + " unchanged, " + std::to_string(sum.rejected) + " rejected";
  audit.file_name = opt.display_name;
  audit.sha256 = opt.sha256;
  audit.batch_id = sum.batch_id;
  store.audit(audit);
  return sum;
}

}  // namespace otc::import
