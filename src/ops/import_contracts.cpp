#include "otc/ops/import_contracts.hpp"

#include <memory>
#include <optional>

#include "otc/core/text.hpp"
#include "otc/engine/billing.hpp"
#include "otc/import/ar_rows.hpp"
#include "otc/import/contract_row.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/ops/import.hpp"
#include "otc/report/rejects_writer.hpp"
#include "otc/ops/invocation.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;
using import::ColumnMap;
using import::ContractField;
using import::ContractRowContext;
using import::ContractRowFields;
using import::CsvReader;
using import::ImportOptions;
using import::ImportSummary;
using import::InputSettings;
using import::IssueSink;
using report::RejectsWriter;
using import::UsageRowFields;
using import::content_hash;
using import::contract_row_fields;
using import::parse_contract_row;
using import::parse_usage_row;
using import::usage_row_fields;
using store::PutOutcome;
using core::trim;

/// What the contract and usage imports share: settings, the reader, the column map, rejects,
/// the batch and the audit entry.
class ImportRun {
 public:
  ImportRun(store::LedgerStore& ledger, const ImportOptions& opt, const IssueSink& report)
      : ledger_(ledger), opt_(opt), report_(report), settings_(import::settings_with_mapping(opt.settings, opt.mapping)) {}

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

  /// Reads every row, calling `on_row(sum)` with the reader on it, then finishes the batch with
  /// `detail(sum)`. Nothing when this exact file was imported before.
  template <class OnRow, class Detail>
  ImportSummary each_row(OnRow&& on_row, Detail&& detail) {
    ImportSummary sum;
    if (!start(sum)) return sum;
    while (reader_->next()) {
      ++sum.rows_read;
      on_row(sum);
    }
    finish(sum, detail(sum));
    return sum;
  }

  /// The row's context for the row parsers.
  ContractRowContext row_context() const {
    return {opt_.display_name, reader_->line(), settings_.date_format, settings_.amount_style};
  }

  void reject(ImportSummary& sum, const std::vector<core::Issue>& issues) {
    ++sum.rejected;
    std::string reasons;
    for (const auto& is : issues) {
      report_(is.where, is.message);
      if (!reasons.empty()) reasons += "; ";
      reasons += is.message;
    }
    if (opt_.skip_bad) rejects_->add(*reader_, reasons);
  }

  void finish(ImportSummary& sum, const std::string& detail) {
    rejects_->finish();
    ledger_.finish_batch(sum.batch_id, sum.rows_read, sum.inserted);
    ledger_.audit(audit_entry_for_file(Invocation{opt_.command_line}, "import", opt_.kind, detail, opt_.display_name,
                                       opt_.sha256, sum.batch_id));
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
  return conflict_message(what, r.existing_file, r.existing_line);
}

/// Throws an input error at the row's column for `field`.
[[noreturn]] void fail_at(const ImportOptions& opt, const CsvReader& reader, const ColumnMap& map,
                          std::string_view field, const std::string& message) {
  throw Error(ErrorKind::kInput, message, {opt.display_name, reader.line(), map.column(field)});
}

}  // namespace

ImportSummary import_contracts(store::LedgerStore& ledger, store::BillingStore& billing, const ImportOptions& opt,
                               const IssueSink& report_issue) {
  ImportRun run(ledger, opt, report_issue);
  std::vector<domain::ContractLine> versions;
  auto on_row = [&](ImportSummary& sum) {
    const CsvReader& reader = run.reader();
    const ColumnMap& map = run.map();
    const std::string& default_currency = run.settings().default_currency;
    ContractRowFields f = contract_row_fields([&](std::string_view name) { return run.field(name); });
    if (f.currency.text.empty() && !default_currency.empty()) f.currency.text = default_currency;
    ContractRowContext ctx = run.row_context();

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
      run.reject(sum, {{{opt.display_name, reader.line(), e.where().column}, e.what()}});
    }
  };
  return run.each_row(on_row, [](const ImportSummary& sum) {
    return std::to_string(sum.rows_read) + " rows read, " + std::to_string(sum.inserted) + " added, " +
           std::to_string(sum.unchanged) + " unchanged, " + std::to_string(sum.rejected) + " rejected";
  });
}

ImportSummary import_usage(store::LedgerStore& ledger, store::BillingStore& billing, const ImportOptions& opt,
                           const IssueSink& report_issue) {
  ImportRun run(ledger, opt, report_issue);
  std::vector<core::Issue> issues;
  domain::UsageRecord r;
  std::string last_contract, last_customer;  // the previous row's contract and its customer
  auto on_row = [&](ImportSummary& sum) {
    issues.clear();
    const UsageRowFields row = usage_row_fields([&](std::string_view name) { return run.field(name); });
    const ContractRowContext ctx = run.row_context();
    parse_usage_row(row, ctx, r, issues);
    auto issue = [&](const ContractField& f, std::string message) {
      issues.push_back({core::SourceLocation{ctx.file, ctx.line, f.column}, std::move(message)});
    };
    if (!r.contract_id.empty()) {
      std::optional<std::string> owner;
      if (r.contract_id == last_contract) owner = last_customer;
      else owner = billing.contract_customer(r.contract_id);
      if (!owner) {
        issue(row.contract_id, "contract '" + r.contract_id + "' is not in the ledger (import contracts first)");
      } else {
        last_contract = r.contract_id;
        last_customer = *owner;
        if (!r.line_id.empty() && !billing.find_contract_line(r.contract_id, r.line_id))
          issue(row.line_id, "contract " + r.contract_id + " has no line '" + r.line_id + "'");
        if (!r.customer.empty() && r.customer != *owner)
          issue(row.customer, "contract " + r.contract_id + " belongs to customer " + *owner + ", not " + r.customer);
        r.customer = *owner;
      }
    } else if (!r.line_id.empty()) {
      issue(row.line_id, "line_id '" + r.line_id + "' needs a contract_id");
    } else if (r.customer.empty()) {
      issue(row.customer, "the record names neither a contract_id nor a customer");
    } else {
      if (r.metric.empty())
        issue(row.metric, "metric is empty: a record that names only a customer is matched to a contract line by its metric");
      if (!ledger.find_customer(r.customer))
        issue(row.customer, "customer '" + r.customer + "' is not in the ledger");
    }
    if (!issues.empty()) {
      run.reject(sum, issues);
      return;
    }
    if (billing.put_usage(r, sum.batch_id)) ++sum.inserted;
    else ++sum.unchanged;
  };
  return run.each_row(on_row, [](const ImportSummary& sum) {
    return std::to_string(sum.rows_read) + " rows read, " + std::to_string(sum.inserted) + " added, " +
           std::to_string(sum.unchanged) + " duplicate event ids ignored, " + std::to_string(sum.rejected) + " rejected";
  });
}

}  // namespace otc::ops
