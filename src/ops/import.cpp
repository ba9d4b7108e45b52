#include "otc/ops/import.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "otc/core/text.hpp"
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
    sum_.header_line = file_.header_line();
    // A row with no currency takes its customer's (when --currency was not given).
    file_.set_customer_currency([this](const import::CustomerNaming& n, std::string_view id) {
      std::string c = store_.customer_currency(n.text.empty() ? id : std::string_view(n.text));
      if (c.empty() && !id.empty()) c = store_.customer_currency(id);
      if (c.empty() && n.split) c = store_.customer_currency(n.split->id);
      return c;
    });
  }

  void run() {
    while (file_.next()) {
      ++sum_.rows_read;
      issues_.clear();
      try {
        if (opt_.kind == "customers") customer();
        else if (opt_.kind == "invoices") invoice();
        else if (opt_.kind == "payments") payment();
        else if (opt_.kind == "invoice_lines") invoice_line();
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
    if (opt_.kind == "invoice_lines") flush_invoice();
    store_.end_bulk_import();
    sum_.layout_rows = file_.layout_rows();
    if (sum_.rows_read == 0 && sum_.layout_rows > 0)
      throw Error(ErrorKind::kInput,
                  "no " + opt_.kind + " in the file: the " + std::to_string(sum_.layout_rows) + " row(s) after the header on line " +
                      std::to_string(sum_.header_line) + " are all section, total or blank rows",
                  {opt_.display_name, sum_.header_line, 0}, "check the header row (or set header_row = N in a mapping file)");
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

  /// The customer a row names: the ledger's customer whose id is the cell's text, else (the cell
  /// reads "ID Name") whose id is the ID; else a new stub customer, counted.
  std::int64_t customer_for(const import::CustomerNaming& n, const std::string& id, const std::string& name) {
    if (!n.text.empty() && n.text != id)
      if (auto c = store_.find_customer(n.text)) return *c;
    if (auto c = store_.find_customer(id)) return *c;
    if (n.split && n.split->id != id)
      if (auto c = store_.find_customer(n.split->id)) return *c;
    ++sum_.stubs;
    return store_.ensure_customer(id, name, sum_.batch_id, file_.line());
  }

  /// The part of `amount` (paid or credited on `on`) that the invoice's opening application
  /// already counts: that much of the opening application is taken back, so that the payment or
  /// credit, applied in full, is not counted twice.
  std::int64_t take_opening(const store::InvoiceRef& inv, std::int64_t amount, core::Date on) {
    auto opening = store_.opening_balance_of(inv.id);
    if (!opening || opening->first <= 0 || on > opening->second) return 0;
    std::int64_t k = std::min(opening->first, amount);
    if (k > 0) store_.add_adjustment(inv.id, "opening", "paid or credited before the import", -k, opening->second, sum_.batch_id);
    return k;
  }
  std::int64_t opening_available(const store::InvoiceRef& inv, core::Date on) {
    auto opening = store_.opening_balance_of(inv.id);
    if (!opening || opening->first <= 0 || on > opening->second) return 0;
    return opening->first;
  }

  /// The import's as-of date: --as-of, else the report's "As of" line, else today.
  core::Date opening_date() const {
    if (opt_.as_of) return *opt_.as_of;
    if (auto d = file_.report_as_of()) return *d;
    return opt_.today;
  }

  void invoice() {
    if (!parsed(invoice_)) return;
    auto& inv = invoice_;
    if (inv.is_void) {
      ++sum_.void_rows;
      return;
    }
    std::int64_t cust = customer_for(inv.naming, inv.customer_external_id, inv.customer_name);
    if (inv.is_credit) return credit_memo(cust);
    if (inv.due_from_customer_terms) {
      auto terms = store_.customer_terms(cust);
      if (!terms)
        return reject(file_.issue("due_date", "no due date: give a due_date or terms column, or import the customer with terms first"));
      inv.due_date = inv.invoice_date.add_days(*terms);
      if (!inv.due_date.in_range())
        return reject(file_.issue("due_date", "the due date from the customer's terms, " + inv.due_date.iso() +
                                                  ", is outside the supported dates 1900-01-01 to 2199-12-31"));
    }
    auto r = store_.put_invoice(inv, cust, import::content_hash(static_cast<const domain::Invoice&>(inv)), sum_.batch_id, file_.line());
    if (!counted(r, "invoice_id", "invoice", inv.external_id)) return;
    (r.outcome == PutOutcome::kInserted ? sum_.inserted : sum_.unchanged)++;
    // Open AR moved in on day one: what was paid or credited before is one opening application,
    // dated the import's as-of date.
    if (r.outcome == PutOutcome::kInserted && inv.open_minor && *inv.open_minor < inv.total_minor) {
      core::Date on = opening_date();
      if (on < inv.invoice_date) on = inv.invoice_date;
      store_.add_adjustment(r.id, "opening", "open balance on import", inv.total_minor - *inv.open_minor, on, sum_.batch_id);
      ++sum_.opening_applications;
      sum_.opening_date = opening_date();
    }
  }

  /// One row of an ERP invoice line export: lines of one invoice are gathered, then the invoice
  /// (total = lines + tax) and its lines are written, so that `reconcile billing` compares them.
  void invoice_line() {
    import::InvoiceRow row;
    if (!file_.parse(row, issues_)) return reject_all(issues_);
    const auto& cols = file_.columns();
    auto cell = [&](const char* field) -> std::string {
      int i = cols.index(field);
      return i < 0 ? std::string() : std::string(core::trim(file_.reader().field(static_cast<std::size_t>(i))));
    };
    if (row.external_id != pending_.external_id || pending_lines_.empty()) {
      flush_invoice();
      if (std::find(seen_invoices_.begin(), seen_invoices_.end(), row.external_id) != seen_invoices_.end())
        return reject(file_.issue("invoice_id", "the lines of invoice '" + row.external_id + "' are not together in the file"));
      seen_invoices_.push_back(row.external_id);
      pending_ = row;
      pending_.total_minor = 0;
      pending_line_ = file_.line();
    }
    store::BilledLineRecord l;
    l.invoice = row.external_id;
    std::string no = cell("invoice_line");
    l.line_no = static_cast<int>(pending_lines_.size() + 1);
    if (!no.empty() && std::all_of(no.begin(), no.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        no.size() < 6)
      l.line_no = std::stoi(no);
    l.contract_id = cell("contract_id");
    l.contract_line = cell("contract_line");
    l.product = cell("product");
    l.quantity = cell("quantity");
    l.unit_price = cell("unit_price");
    std::string period = cell("period");
    if (auto d = core::parse_iso_date(period)) l.service_from = d;
    else if (period.size() == 7) l.service_from = core::parse_iso_date(period + "-01");
    else if (auto d2 = core::DateFormat("%m/%d/%Y").parse(period)) l.service_from = d2;
    std::int64_t discount = 0, tax = 0;
    for (auto [field, out] : {std::pair<const char*, std::int64_t*>{"discount", &discount}, {"tax", &tax}}) {
      std::string v = cell(field);
      if (v.empty()) continue;
      auto r = core::parse_amount(v, row.currency.exponent, opt_.settings.amount_style);
      if (!r.ok()) return reject(file_.issue(field, std::string(field) + " '" + v + "': " + std::string(core::describe(*r.error))));
      *out = r.minor;
    }
    // The line amount is after discount; the ledger keeps it before (reconcile takes the discount off).
    const std::int64_t amount = row.is_credit ? -row.total_minor : row.total_minor;
    l.amount_minor = amount + discount;
    l.discount_minor = discount;
    pending_.total_minor += amount + tax;
    pending_lines_.push_back(std::move(l));
  }

  void flush_invoice() {
    if (pending_lines_.empty()) return;
    auto& inv = pending_;
    inv.is_credit = false;
    std::int64_t cust = customer_for(inv.naming, inv.customer_external_id, inv.customer_name);
    if (inv.due_from_customer_terms) {
      auto terms = store_.customer_terms(cust);
      inv.due_date = inv.invoice_date.add_days(terms.value_or(0));
    }
    auto r = store_.put_invoice(inv, cust, import::content_hash(static_cast<const domain::Invoice&>(inv)), sum_.batch_id, pending_line_);
    if (r.outcome == PutOutcome::kConflict) {
      reject(file_.row_issue(conflict_message("invoice '" + inv.external_id + "'", r.existing_file, r.existing_line)));
    } else if (r.outcome == PutOutcome::kInserted) {
      ++sum_.inserted;
      if (writing_) store_.put_imported_lines(r.id, pending_lines_);
    } else {
      ++sum_.unchanged;
    }
    pending_lines_.clear();
  }

  /// The invoice a credit memo row names: its link column ("Invoice #2047"), else its memo text
  /// ("Credit for invoice 2047"), when that is one open invoice of the customer.
  std::optional<store::InvoiceRef> credited_invoice(std::int64_t cust) {
    auto number_in = [](std::string_view text, bool after_word) -> std::string {
      std::string lower;
      for (char c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      std::size_t from = 0;
      if (after_word) {
        std::size_t w = lower.find("invoice");
        if (w == std::string::npos) w = lower.find("inv");
        if (w == std::string::npos) return {};
        from = w;
        while (from < lower.size() && std::isalpha(static_cast<unsigned char>(lower[from]))) ++from;
      } else if (std::size_t h = lower.find('#'); h != std::string::npos) {
        from = h + 1;
      } else if (std::size_t sp = lower.rfind(' '); sp != std::string::npos) {
        from = sp + 1;
      }
      auto skip_marks = [&] {
        while (from < text.size() && (text[from] == ' ' || text[from] == '#' || text[from] == ':' || text[from] == '.')) ++from;
      };
      skip_marks();
      if (after_word && (lower.compare(from, 3, "no.") == 0 || lower.compare(from, 3, "no ") == 0)) from += 3;
      skip_marks();
      std::size_t end = from;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ',' && text[end] != ';' &&
             text[end] != ')')
        ++end;
      std::string token(text.substr(from, end - from));
      while (!token.empty() && token.back() == '.') token.pop_back();
      bool digit = false;
      for (char c : token) digit = digit || std::isdigit(static_cast<unsigned char>(c));
      return digit ? token : std::string();
    };
    const auto& m = invoice_;
    if (!m.applies_to.empty()) {
      if (auto inv = store_.find_customer_invoice_by_number(cust, m.applies_to)) return inv;
      if (auto n = number_in(m.applies_to, false); !n.empty())
        if (auto inv = store_.find_customer_invoice_by_number(cust, n)) return inv;
    }
    if (!m.memo.empty())
      if (auto n = number_in(m.memo, true); !n.empty())
        if (auto inv = store_.find_customer_invoice_by_number(cust, n)) return inv;
    return std::nullopt;
  }

  /// A credit memo in an invoice export: applied to the invoice it names, else open credit.
  void credit_memo(std::int64_t cust) {
    const auto& m = invoice_;
    std::string reason = m.type.empty() ? std::string("credit memo") : m.type;
    if (!m.memo.empty()) reason += ": " + m.memo;
    auto r = store_.put_credit_memo_record(m, cust, reason, import::content_hash(static_cast<const domain::Invoice&>(m)),
                                           sum_.batch_id, file_.line());
    if (!counted(r, "invoice_id", "credit memo", m.external_id)) return;
    if (r.outcome != PutOutcome::kInserted) {
      ++sum_.unchanged;
      return;
    }
    ++sum_.inserted;
    ++sum_.credit_memos;
    // What the export says is still open stays open credit; the rest was applied.
    std::int64_t applied = m.total_minor - (m.open_minor ? *m.open_minor : 0);
    if (applied <= 0) return;
    auto inv = credited_invoice(cust);
    if (!inv || !(inv->currency == m.currency)) return;
    core::Date on = engine::application_date(m.invoice_date, inv->invoice_date);
    std::int64_t amount = std::min(applied, inv->open_minor + opening_available(*inv, on));
    if (amount <= 0) return;
    take_opening(*inv, amount, on);
    store_.apply_credit_memo(r.id, inv->id, amount, on, sum_.batch_id);
    ++sum_.credits_applied;
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
    if (!p.customer_external_id.empty()) cust = customer_for(p.naming, p.customer_external_id, p.customer_name);
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
    core::Date on = engine::application_date(p.received_date, inv.invoice_date);
    std::int64_t amount =
        std::min({p.applied_minor.value_or(p.amount_minor), inv.open_minor + opening_available(inv, on), unapplied});
    if (amount <= 0) return;
    take_opening(inv, amount, on);
    store::ApplicationDraft d;
    d.invoice_id = inv.id;
    d.payment_id = r.id;
    d.amount_minor = amount;
    d.applied_on = on;
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
  import::InvoiceRow invoice_;
  import::InvoiceRow pending_;                       // invoice_lines: the invoice being gathered
  long pending_line_ = 0;
  std::vector<store::BilledLineRecord> pending_lines_;
  std::vector<std::string> seen_invoices_;
  import::PaymentRow payment_;
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
  // About how many rows the file holds (an export row is 40 bytes or more), for the store to
  // prepare a large load (store::LedgerStore::begin_bulk_import).
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(options.path, ec);
  store.begin_bulk_import(options.kind, ec ? 0 : static_cast<std::int64_t>(bytes / 40));
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
