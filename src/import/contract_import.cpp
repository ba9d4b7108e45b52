#include "otc/import/contract_import.hpp"
#include "otc/core/text.hpp"
#include "otc/import/rejects_writer.hpp"

#include <cctype>
#include <fstream>
#include <memory>

#include "otc/engine/billing.hpp"
#include "otc/import/ar_rows.hpp"
#include "otc/import/contract_row.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/report/row_sink.hpp"

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;
using store::PutOutcome;

using core::trim;

// FNV-1a over the fields, with a separator so that ("ab","c") and ("a","bc") differ.
struct Fnv {
  std::uint64_t h = 1469598103934665603ULL;
  void byte(unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  void add(std::string_view s) {
    for (unsigned char c : s) byte(c);
    byte(0x1f);
  }
  void add(std::int64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(static_cast<std::uint64_t>(v) >> (8 * i)));
    byte(0x1e);
  }
};


/// What the contract and usage imports share: settings, the reader, the column map, rejects,
/// the batch and the audit entry.
class ImportRun {
 public:
  ImportRun(store::LedgerStore& ledger, const ImportOptions& opt, const IssueSink& report)
      : ledger_(ledger), opt_(opt), report_(report), settings_(opt.settings) {
    if (opt.mapping) {
      if (opt.mapping->date_format) settings_.date_format = core::DateFormat(*opt.mapping->date_format);
      if (opt.mapping->decimal_comma) settings_.amount_style.decimal_comma = *opt.mapping->decimal_comma;
      if (opt.mapping->delimiter) settings_.delimiter = *opt.mapping->delimiter;
      if (opt.mapping->currency && settings_.default_currency.empty()) settings_.default_currency = *opt.mapping->currency;
    }
  }

  /// False when this exact file was imported before (the summary says so).
  bool start(ImportSummary& sum) {
    if (auto prev = ledger_.find_batch(opt_.kind, opt_.sha256)) {
      sum.already_imported = true;
      sum.previous = *prev;
      return false;
    }
    reader_ = std::make_unique<CsvReader>(opt_.path, settings_.delimiter);
    if (!reader_->next()) throw Error(ErrorKind::kInput, "file is empty (expected a header row)", {opt_.display_name, 1, 0});
    std::vector<std::string> header;
    for (std::size_t i = 0; i < reader_->size(); ++i) header.emplace_back(reader_->field(i));
    map_ = std::make_unique<ColumnMap>(ColumnMap::resolve(opt_.kind, opt_.profile, opt_.mapping, header, opt_.display_name));
    rejects_ = std::make_unique<RejectsWriter>(opt_.skip_bad ? opt_.rejects_path : std::string(), header);
    sum.batch_id = ledger_.add_batch(opt_.kind, opt_.display_name, opt_.sha256, opt_.command_line);
    return true;
  }

  CsvReader& reader() { return *reader_; }
  const ColumnMap& map() const { return *map_; }
  const InputSettings& settings() const { return settings_; }

  /// The field's text (trimmed) and its 1-based column (0 when the file has no such column).
  ContractField field(std::string_view name) const {
    int idx = map_->index(name);
    if (idx < 0) return {};
    return {trim(reader_->field(static_cast<std::size_t>(idx))), idx + 1};
  }

  void reject(ImportSummary& sum, const std::vector<RowIssue>& issues) {
    ++sum.rejected;
    std::string reasons;
    for (const auto& is : issues) {
      report_({opt_.display_name, reader_->line(), is.column}, is.message);
      if (!reasons.empty()) reasons += "; ";
      reasons += is.message;
    }
    if (opt_.skip_bad) rejects_->add(*reader_, reasons);
  }

  void finish(ImportSummary& sum, const std::string& detail) {
    rejects_->finish();
    ledger_.finish_batch(sum.batch_id, sum.rows_read, sum.inserted);
    store::AuditEntry audit;
    audit.command = opt_.command_line;
    audit.action = "import";
    audit.entity = opt_.kind;
    audit.detail = detail;
    audit.file_name = opt_.display_name;
    audit.sha256 = opt_.sha256;
    audit.batch_id = sum.batch_id;
    ledger_.audit(audit);
  }

 private:
  store::LedgerStore& ledger_;
  const ImportOptions& opt_;
  const IssueSink& report_;
  InputSettings settings_;
  std::unique_ptr<CsvReader> reader_;
  std::unique_ptr<ColumnMap> map_;
  std::unique_ptr<RejectsWriter> rejects_;
};

std::string conflict_text(const std::string& what, const store::PutResult& r) {
  std::string msg = what + " is already in the ledger with different content";
  if (!r.existing_file.empty()) {
    msg += " (from " + r.existing_file;
    if (r.existing_line > 0) msg += ":" + std::to_string(r.existing_line);
    msg += ")";
  }
  return msg;
}

/// Throws an input error at the row's column for `field`.
[[noreturn]] void fail_at(const ImportOptions& opt, const CsvReader& reader, const ColumnMap& map,
                          std::string_view field, const std::string& message) {
  throw Error(ErrorKind::kInput, message, {opt.display_name, reader.line(), map.column(field)});
}

}  // namespace

std::uint64_t content_hash(const domain::ContractLine& v) {
  Fnv f;
  f.add(v.contract_id); f.add(v.line_id); f.add(v.customer); f.add(v.product); f.add(v.metric); f.add(v.description);
  f.add(v.start.days()); f.add(v.end ? v.end->days() : INT64_MIN); f.add(v.effective ? v.effective->days() : INT64_MIN);
  f.add(static_cast<std::int64_t>(v.frequency)); f.add(static_cast<std::int64_t>(v.timing)); f.add(v.anchor_day);
  f.add(v.anchor_month.value_or(0)); f.add(static_cast<std::int64_t>(v.model)); f.add(static_cast<std::int64_t>(v.price_per));
  f.add(v.unit_price_micros);
  for (const auto& t : v.tiers) { f.add(t.up_to.value_or(-1)); f.add(t.unit_price_micros); }
  f.add(v.quantity); f.add(static_cast<std::int64_t>(v.discount.kind)); f.add(v.discount.value);
  f.add(v.discount.until ? v.discount.until->days() : INT64_MIN);
  f.add(v.currency.view()); f.add(v.tax_rate_ppm); f.add(v.net_days);
  return f.h >> 1;
}

ImportSummary run_contract_import(store::LedgerStore& ledger, store::BillingStore& billing, const ImportOptions& opt,
                                  const IssueSink& report_issue) {
  ImportSummary sum;
  ImportRun run(ledger, opt, report_issue);
  if (!run.start(sum)) return sum;
  CsvReader& reader = run.reader();
  const ColumnMap& map = run.map();
  std::vector<domain::ContractLine> versions;
  const std::string& default_currency = run.settings().default_currency;

  while (reader.next()) {
    ++sum.rows_read;
    ContractRowFields f;
    f.contract_id = run.field("contract_id");
    f.line_id = run.field("line_id");
    f.customer = run.field("customer");
    f.product = run.field("product");
    f.metric = run.field("metric");
    f.description = run.field("description");
    f.start_date = run.field("start_date");
    f.end_date = run.field("end_date");
    f.effective_date = run.field("effective_date");
    f.frequency = run.field("frequency");
    f.timing = run.field("timing");
    f.anchor_day = run.field("anchor_day");
    f.price_model = run.field("price_model");
    f.price_per = run.field("price_per");
    f.unit_price = run.field("unit_price");
    f.tiers = run.field("tiers");
    f.quantity = run.field("quantity");
    f.discount = run.field("discount");
    f.discount_until = run.field("discount_until");
    f.currency = run.field("currency");
    f.tax_rate = run.field("tax_rate");
    f.net_days = run.field("net_days");
    if (f.currency.text.empty() && !default_currency.empty()) f.currency.text = default_currency;
    ContractRowContext ctx{opt.display_name, reader.line(), run.settings().date_format, run.settings().amount_style};

    try {
      const std::string contract_id(f.contract_id.text);
      const std::string line_id = f.line_id.text.empty() ? std::string("1") : std::string(f.line_id.text);
      std::optional<store::ContractLineRef> ref;
      if (!contract_id.empty()) ref = billing.find_contract_line(contract_id, line_id);
      versions.clear();
      if (ref) billing.load_versions(ref->id, versions);

      // An amendment: a known line, and an effective date after its start.
      std::optional<core::Date> effective;
      if (!f.effective_date.text.empty()) effective = ctx.date_format.parse(f.effective_date.text);
      // A row that names no customer cannot be a line's first row: with an effective date on a
      // known line it is an amendment (check_amendment judges the date), on an unknown line it
      // lacks its base row.
      const bool amendment = ref && !versions.empty() && effective &&
                             (*effective > versions.front().start || f.customer.text.empty());
      if (!ref && effective && f.customer.text.empty())
        fail_at(opt, reader, map, "effective_date",
                "contract " + contract_id + " line " + line_id + " has no base row: an amendment (effective " +
                    effective->iso() + ") needs the line's first row, in the ledger or earlier in this file");

      domain::ContractLine line;
      std::uint64_t hash = 0;
      if (amendment) {
        const domain::ContractLine* previous = &versions.front();
        for (const auto& v : versions)
          if (v.effective_from() < *effective) previous = &v;
        line = parse_contract_row(f, ctx, previous);
        if (auto conflict = engine::check_amendment(*previous, line))
          fail_at(opt, reader, map, conflict->field,
                  "contract " + contract_id + " line " + line_id + ": " + conflict->message);
        hash = content_hash(line);
      } else {
        line = parse_contract_row(f, ctx);
        if (line.effective)
          fail_at(opt, reader, map, "effective_date",
                  "contract " + line.contract_id + " line " + line.line_id + " has no base row: an amendment (effective " +
                      line.effective->iso() + ") needs the line's first row, in the ledger or earlier in this file");
        // The fingerprint of the row as written: a blank net_days is not the same row as "30".
        hash = content_hash(line) ^ (f.net_days.text.empty() ? 0x5bd1e995ULL : 0);
        if (!ref) {
          if (auto owner = billing.contract_customer(line.contract_id); owner && *owner != line.customer)
            fail_at(opt, reader, map, "customer",
                    "contract " + line.contract_id + " belongs to customer " + *owner +
                        " (its other lines); all lines of a contract have one customer");
        }
      }

      std::int64_t customer_id = ref ? ref->customer_id
                                     : ledger.ensure_customer(line.customer, "", sum.batch_id, reader.line());
      if (!amendment && f.net_days.text.empty())
        if (auto terms = ledger.customer_terms(customer_id)) line.net_days = *terms;
      if (!ref) {
        std::int64_t id = billing.add_contract_line(line.contract_id, line.line_id, customer_id, line.customer);
        ref = store::ContractLineRef{id, customer_id, line.customer};
      }
      auto put = billing.put_contract_version(ref->id, line, hash, sum.batch_id);
      if (put.outcome == PutOutcome::kConflict) {
        std::string what = "contract " + line.contract_id + " line " + line.line_id +
                           (line.effective ? " amendment effective " + line.effective->iso() : std::string());
        fail_at(opt, reader, map, "contract_id", conflict_text(what, put));
      }
      (put.outcome == PutOutcome::kInserted ? sum.inserted : sum.unchanged)++;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::kInput) throw;
      run.reject(sum, {{e.where().column, e.what()}});
    }
  }
  run.finish(sum, std::to_string(sum.rows_read) + " rows read, " + std::to_string(sum.inserted) + " added, " +
                      std::to_string(sum.unchanged) + " unchanged, " + std::to_string(sum.rejected) + " rejected");
  return sum;
}

ImportSummary run_usage_import(store::LedgerStore& ledger, store::BillingStore& billing, const ImportOptions& opt,
                               const IssueSink& report_issue) {
  ImportSummary sum;
  ImportRun run(ledger, opt, report_issue);
  if (!run.start(sum)) return sum;
  CsvReader& reader = run.reader();
  const InputSettings& settings = run.settings();
  std::vector<RowIssue> issues;
  domain::UsageRecord r;
  std::string last_contract, last_customer;  // the previous row's contract and its customer

  while (reader.next()) {
    ++sum.rows_read;
    issues.clear();
    auto event_id = run.field("event_id");
    auto contract_id = run.field("contract_id");
    auto line_id = run.field("line_id");
    auto customer = run.field("customer");
    auto metric = run.field("metric");
    auto quantity = run.field("quantity");
    auto date = run.field("usage_date");

    r.event_id.assign(event_id.text);
    r.contract_id.assign(contract_id.text);
    r.line_id.assign(line_id.text);
    r.customer.assign(customer.text);
    r.metric.assign(metric.text);
    r.source_file = opt.display_name;
    r.source_line = reader.line();
    if (r.event_id.empty()) issues.push_back({event_id.column, "event_id is empty"});
    if (date.text.empty()) {
      issues.push_back({date.column, "usage_date is empty"});
    } else if (auto d = settings.date_format.parse(date.text)) {
      r.date = *d;
    } else {
      issues.push_back({date.column, "usage_date '" + std::string(date.text) + "' is not a date (expected " +
                                         (settings.date_format.is_iso() ? std::string("YYYY-MM-DD") : settings.date_format.pattern()) + ")"});
    }
    auto q = core::parse_amount(quantity.text, domain::kDecimalPlaces, settings.amount_style);
    if (quantity.text.empty()) issues.push_back({quantity.column, "quantity is empty"});
    else if (!q.ok())
      issues.push_back({quantity.column, "quantity '" + std::string(quantity.text) + "' is not a quantity (a decimal with up to 6 places)"});
    else r.quantity = q.minor;

    if (!r.contract_id.empty()) {
      std::optional<std::string> owner;
      if (r.contract_id == last_contract) owner = last_customer;
      else owner = billing.contract_customer(r.contract_id);
      if (!owner) {
        issues.push_back({contract_id.column, "contract '" + r.contract_id + "' is not in the ledger (import contracts first)"});
      } else {
        last_contract = r.contract_id;
        last_customer = *owner;
        if (!r.line_id.empty() && !billing.find_contract_line(r.contract_id, r.line_id))
          issues.push_back({line_id.column, "contract " + r.contract_id + " has no line '" + r.line_id + "'"});
        if (!r.customer.empty() && r.customer != *owner)
          issues.push_back({customer.column, "contract " + r.contract_id + " belongs to customer " + *owner + ", not " + r.customer});
        r.customer = *owner;
      }
    } else if (!r.line_id.empty()) {
      issues.push_back({line_id.column, "line_id '" + r.line_id + "' needs a contract_id"});
    } else if (r.customer.empty()) {
      issues.push_back({customer.column, "the record names neither a contract_id nor a customer"});
    } else {
      if (r.metric.empty())
        issues.push_back({metric.column, "metric is empty: a record that names only a customer is matched to a contract line by its metric"});
      if (!ledger.find_customer(r.customer))
        issues.push_back({customer.column, "customer '" + r.customer + "' is not in the ledger"});
    }
    if (!issues.empty()) {
      run.reject(sum, issues);
      continue;
    }
    if (billing.put_usage(r, sum.batch_id)) ++sum.inserted;
    else ++sum.unchanged;
  }
  run.finish(sum, std::to_string(sum.rows_read) + " rows read, " + std::to_string(sum.inserted) + " added, " +
                      std::to_string(sum.unchanged) + " duplicate event ids ignored, " + std::to_string(sum.rejected) +
                      " rejected");
  return sum;
}

}  // namespace otc::import
