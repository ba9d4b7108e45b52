#include "otc/ops/reconcile_billing.hpp"

#include <algorithm>
#include <memory>

#include "otc/ops/reconcile_common.hpp"
#include "otc/report/breaks_report.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

struct Side {
  std::optional<import::MappingFile> mapping;
  std::unique_ptr<import::CsvBillingSource> source;
};

std::vector<engine::BillingLine> ledger_lines(store::LedgerStore& store, const ReconcileBillingOptions& options) {
  std::optional<core::Date> from, to;
  if (options.period) from = options.period->first, to = options.period->last;
  std::vector<engine::BillingLine> lines;
  engine::BillingLine line;
  store.for_each_billed_line(from, to, [&](const store::BilledLineRecord& r) {
    import::billing_line_from_ledger(r, options.key_fields, options.discount_unit, line);
    lines.push_back(line);
  });
  return lines;
}

}  // namespace

ReconcileBillingResult reconcile_billing(store::LedgerStore* store, const Invocation& inv, const ReconcileBillingOptions& options,
                                         const std::function<void(const ReconcileBillingResult&)>& before_commit) {
  std::optional<store::WriteTransaction> tx;
  if (!options.erp) tx.emplace(*store);

  import::BillingReadOptions base;
  base.key_fields = options.key_fields;
  base.period = options.period ? options.period->name : std::string();
  base.discount_unit = options.discount_unit;
  base.settings = options.settings;

  Side crm, erp;
  // Mapping files first (both), then the headers: the order errors are found in.
  if (!options.crm.map.empty()) crm.mapping = import::read_mapping_file(options.crm.map);
  if (options.erp && !options.erp->map.empty()) erp.mapping = import::read_mapping_file(options.erp->map);
  {
    auto o = base;
    o.kind = "crm_lines";
    o.profile = options.crm.profile;
    o.mapping = crm.mapping ? &*crm.mapping : nullptr;
    crm.source = std::make_unique<import::CsvBillingSource>(options.crm.path, o);
    crm.source->prepare();
  }
  std::vector<engine::BillingLine> from_ledger;
  if (options.erp) {
    auto o = base;
    o.kind = "erp_lines";
    o.profile = options.erp->profile;
    o.mapping = erp.mapping ? &*erp.mapping : nullptr;
    erp.source = std::make_unique<import::CsvBillingSource>(options.erp->path, o);
    erp.source->prepare();
  } else {
    from_ledger = ledger_lines(*store, options);
  }
  const std::string erp_name = options.erp ? options.erp->path : "the ledger";

  // A field one side does not carry cannot be compared.
  engine::BillingReconcileOptions compare = options.compare;
  std::vector<std::string> skipped;
  auto field = [&](const char* name, bool& on) {
    bool wanted = std::find(options.ignore.begin(), options.ignore.end(), name) == options.ignore.end();
    bool crm_has = crm.source->has_field(name), erp_has = !erp.source || erp.source->has_field(name);
    on = wanted && crm_has && erp_has;
    if (wanted && !on) skipped.push_back(std::string(name) + " (no column in " + (crm_has ? erp_name : options.crm.path) + ")");
  };
  field("customer", compare.compare_customer);
  field("quantity", compare.compare_quantity);
  field("unit_price", compare.compare_unit_price);
  field("discount", compare.compare_discount);
  field("currency", compare.compare_currency);
  if (!skipped.empty() && options.note) {
    std::string list;
    for (const auto& s : skipped) list += (list.empty() ? "" : ", ") + s;
    options.note("not compared: " + list);
  }

  ReconcileBillingResult result;
  {
    engine::VectorBillingSource ledger_source(from_ledger);
    engine::BillingLineSource& erp_side = erp.source ? static_cast<engine::BillingLineSource&>(*erp.source) : ledger_source;
    result.summary = engine::reconcile_billing(*crm.source, erp_side, compare,
                                               [&](const engine::Break& b) { result.breaks.push_back(b); });
  }
  // Bad rows of both files are all listed before the run fails.
  const auto& crm_issues = crm.source->issues();
  const bool erp_bad = erp.source && !erp.source->issues().empty();
  std::vector<core::Issue> issues = crm_issues;
  if (erp.source) issues.insert(issues.end(), erp.source->issues().begin(), erp.source->issues().end());
  fail_on_bad_rows(std::move(issues),
                   crm_issues.empty() ? (options.erp ? options.erp->path : std::string()) : erp_bad ? std::string() : options.crm.path);

  engine::sort_breaks(result.breaks);
  result.exceptions = engine::has_exceptions(result.breaks);
  const auto& s = result.summary;
  result.detail = "CRM " + std::to_string(s.crm_lines) + " lines, ERP " + std::to_string(s.erp_lines) + " lines" +
                  (options.erp ? "" : " (ledger)") + ", " + std::to_string(s.matched_pairs) + " paired (" +
                  std::to_string(s.clean_pairs) + " agree); " + report::break_summary(result.breaks);
  std::string other;
  if (auto n = crm.source->rows_other_periods() + (erp.source ? erp.source->rows_other_periods() : 0); n > 0)
    other = "; " + std::to_string(n) + (n == 1 ? " row" : " rows") + " of other periods left out";
  result.note = "reconcile billing" + (options.period ? " " + options.period->name : std::string()) + ": " + result.detail + other;
  if (tx) store->audit(reconcile_audit_entry(inv, "billing", base.period, result.detail, {options.crm.path}));
  if (before_commit) before_commit(result);
  if (tx) tx->commit();
  return result;
}

}  // namespace otc::ops
