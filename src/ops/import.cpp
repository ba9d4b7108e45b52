#include "otc/ops/import.hpp"

#include <algorithm>

#include "otc/engine/cash_dates.hpp"
#include "otc/report/rejects_writer.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;
using store::PutOutcome;

/// One file's rows going into the ledger: the batch, the counts, the bad rows.
class ArImport {
 public:
  ArImport(store::LedgerStore& store, const ImportOptions& opt, const IssueSink& sink, ImportSummary& sum)
      : store_(store), opt_(opt), sink_(sink), sum_(sum), file_(opt) {
    sum_.batch_id = store_.add_batch(opt.kind, opt.display_name, opt.sha256, opt.command_line);
  }

  void run() {
    while (file_.next()) {
      ++sum_.rows_read;
      issues_.clear();
      try {
        if (opt_.kind == "customers") customer();
        else if (opt_.kind == "invoices") invoice();
        else if (opt_.kind == "payments") payment();
      } catch (Error& e) {
        // The ledger refused this row (a closed period): a bad row like any other. Anything else
        // aborts the import and names the row it was writing.
        if (e.kind() != ErrorKind::kPeriodClosed) {
          e.add_context("while importing " + core::format_location(file_.row_issue({}).where));
          throw;
        }
        reject(file_.row_issue(e.what()));
      }
    }
    rejects_.finish();
    store_.finish_batch(sum_.batch_id, sum_.rows_read, sum_.inserted);
    store_.audit(audit_entry_for_file(Invocation{opt_.command_line}, "import", opt_.kind,
                                      std::to_string(sum_.rows_read) + " rows read, " + std::to_string(sum_.inserted) +
                                          " added, " + std::to_string(sum_.unchanged) + " unchanged, " +
                                          std::to_string(sum_.rejected) + " rejected",
                                      opt_.display_name, opt_.sha256, sum_.batch_id));
  }

 private:
  /// Parses the row; false (and the row is rejected, or skipped once writing stopped) when it is bad.
  template <class Record>
  bool parsed(Record& out) {
    if (!file_.parse(out, issues_)) {
      reject_all(issues_);
      return false;
    }
    return writing_;
  }

  /// Counts a put; a conflict (same key, other content) is a bad row at `field`. False on conflict.
  bool counted(const store::PutResult& r, const char* field, const char* what, const std::string& id) {
    if (r.outcome == PutOutcome::kConflict) {
      reject(file_.issue(field, conflict_message(std::string(what) + " '" + id + "'", r.existing_file, r.existing_line)));
      return false;
    }
    return true;
  }

  void customer() {
    if (!parsed(customer_)) return;
    auto r = store_.put_customer(customer_, import::content_hash(customer_), sum_.batch_id, file_.line());
    if (counted(r, "customer_id", "customer", customer_.external_id))
      (r.outcome == PutOutcome::kInserted ? sum_.inserted : sum_.unchanged)++;
  }

  void invoice() {
    if (!parsed(invoice_)) return;
    auto& inv = invoice_;
    std::int64_t cust = store_.ensure_customer(inv.customer_external_id, inv.customer_name, sum_.batch_id, file_.line());
    if (inv.due_from_customer_terms) {
      auto terms = store_.customer_terms(cust);
      if (!terms)
        return reject(file_.issue("due_date", "no due date: give a due_date or terms column, or import the customer with terms first"));
      inv.due_date = inv.invoice_date.add_days(*terms);
      if (!inv.due_date.in_range())
        return reject(file_.issue("due_date", "the due date from the customer's terms, " + inv.due_date.iso() +
                                                  ", is outside the supported dates 1900-01-01 to 2199-12-31"));
    }
    auto r = store_.put_invoice(inv, cust, import::content_hash(inv), sum_.batch_id, file_.line());
    if (counted(r, "invoice_id", "invoice", inv.external_id))
      (r.outcome == PutOutcome::kInserted ? sum_.inserted : sum_.unchanged)++;
  }

  void payment() {
    if (!parsed(payment_)) return;
    const auto& p = payment_;
    std::optional<store::InvoiceRef> inv;
    if (!p.invoice_external_id.empty()) {
      inv = store_.find_invoice(p.invoice_external_id);
      if (!inv) return reject(file_.issue("invoice_id", "invoice '" + p.invoice_external_id + "' is not in the ledger"));
      if (!(inv->currency == p.currency))
        return reject(file_.issue("currency", "payment currency " + std::string(p.currency.view()) + " differs from invoice " +
                                                  p.invoice_external_id + " currency " + std::string(inv->currency.view())));
    }
    std::optional<std::int64_t> cust;
    if (!p.customer_external_id.empty())
      cust = store_.ensure_customer(p.customer_external_id, p.customer_name, sum_.batch_id, file_.line());
    if (inv) {
      if (cust && *cust != inv->customer_id)
        return reject(file_.issue("customer_id", "invoice '" + p.invoice_external_id + "' belongs to another customer"));
      cust = inv->customer_id;
    }
    auto r = store_.put_payment(p, cust, import::content_hash(p), sum_.batch_id, file_.line());
    if (!counted(r, "payment_id", "payment", p.external_id)) return;
    if (r.outcome == PutOutcome::kInserted) ++sum_.inserted;
    else if (r.outcome == PutOutcome::kUnchanged && inv && !store_.has_application(r.id, inv->id)) ++sum_.continuation_rows;
    else ++sum_.unchanged;
    if (inv) apply(r, *inv);
  }

  /// A new payment is wholly unapplied; a known one (split rows, overlapping files) may have been
  /// applied to this invoice already. The row's applied_amount (else the whole payment) is
  /// applied, capped by the invoice's open amount and the payment's unapplied amount.
  void apply(const store::PutResult& r, const store::InvoiceRef& inv) {
    const auto& p = payment_;
    if (r.outcome != PutOutcome::kInserted && store_.has_application(r.id, inv.id)) return;
    std::int64_t unapplied =
        r.outcome == PutOutcome::kInserted ? p.amount_minor : store_.find_payment(p.external_id)->unapplied_minor;
    std::int64_t amount = std::min({p.applied_minor.value_or(p.amount_minor), inv.open_minor, unapplied});
    if (amount <= 0) return;
    store::ApplicationDraft d;
    d.invoice_id = inv.id;
    d.payment_id = r.id;
    d.amount_minor = amount;
    d.applied_on = engine::application_date(p.received_date, inv.invoice_date);
    d.rule = "import";
    d.batch_id = sum_.batch_id;
    store_.apply(d);
    ++sum_.applied;
  }

  void reject(core::Issue issue) { reject_all({std::move(issue)}); }

  /// Reports the row's problems; with skip_bad the row goes to the rejects file, else writing stops
  /// (the rest of the file is still checked, so that every bad row is listed).
  void reject_all(const std::vector<core::Issue>& list) {
    ++sum_.rejected;
    std::string reasons;
    for (const auto& is : list) {
      sink_(is.where, is.message);
      if (!reasons.empty()) reasons += "; ";
      reasons += is.message;
    }
    if (opt_.skip_bad) rejects_.add(file_.reader(), reasons);
    else writing_ = false;
  }

  store::LedgerStore& store_;
  const ImportOptions& opt_;
  const IssueSink& sink_;
  ImportSummary& sum_;
  import::ArImportFile file_;
  report::RejectsWriter rejects_{opt_.skip_bad ? opt_.rejects_path : std::string(), file_.header()};
  std::vector<core::Issue> issues_;
  domain::Customer customer_;
  domain::Invoice invoice_;
  domain::Payment payment_;
  bool writing_ = true;
};

}  // namespace

std::string conflict_message(const std::string& subject, const std::string& existing_file, long existing_line) {
  std::string msg = subject + " is already in the ledger with different content";
  if (!existing_file.empty()) {
    msg += " (from " + existing_file;
    if (existing_line > 0) msg += ":" + std::to_string(existing_line);
    msg += ")";
  }
  return msg;
}

ImportSummary import_ar_rows(store::LedgerStore& store, const ImportOptions& opt, const IssueSink& issues) {
  ImportSummary sum;
  if (auto prev = store.find_batch(opt.kind, opt.sha256)) {
    sum.already_imported = true;
    sum.previous = *prev;
    return sum;
  }
  ArImport run(store, opt, issues, sum);
  run.run();
  return sum;
}

ImportResult run_import(store::LedgerStore& store, const Invocation& invocation, ImportOptions options, bool dry_run,
                        const ImportRunner& runner, const IssueSink& issues) {
  options.command_line = invocation.command_line;
  store::WriteTransaction tx(store);
  ImportResult result;
  result.summary = runner(store, options, issues);
  if (result.summary.already_imported) {
    result.outcome = ImportOutcome::kAlreadyImported;
    return result;  // rolled back
  }
  if (result.summary.rejected > 0 && !options.skip_bad)
    throw Error(ErrorKind::kInput, std::to_string(result.summary.rejected) + " bad row(s); nothing was imported",
                {options.display_name}, "fix the rows above, or import the good ones with --skip-bad --rejects FILE");
  if (dry_run) {
    result.outcome = ImportOutcome::kDryRun;
    return result;
  }
  tx.commit();
  return result;
}

}  // namespace otc::ops
