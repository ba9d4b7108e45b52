// otc reconcile billing: CRM contract billing lines against ERP invoice lines (or the ledger's).
#include <cstdlib>
#include <memory>

#include "otc/core/exit_codes.hpp"
#include "otc/ops/reconcile_billing.hpp"
#include "otc/store/ledger_store.hpp"
#include "reconcile_commands.hpp"

namespace otc::cli {
namespace {

struct BillingArgs {
  std::string crm, erp, period, key = "contract_id,period,product";
  std::string tolerance, quantity_tolerance, price_tolerance, discount_tolerance;
  std::vector<std::string> ignore;
  std::string discount_unit = "amount";
  std::string profile = "generic", crm_profile, erp_profile;
  std::string map, crm_map, erp_map;
  std::string currency;
  std::size_t memory_mb = 16;
};

/// Where the sort spills when a side outgrows its memory: $TMPDIR, else /tmp.
std::string spill_directory() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

void run_billing(Context& ctx, const BillingArgs& a) {
  ops::ReconcileBillingOptions o;
  if (!a.period.empty()) o.period = Context::parse_period_option(a.period, "--period");
  ctx.format();  // a bad --format fails before any work
  o.key_fields = import::parse_billing_key(a.key);
  o.discount_unit = a.discount_unit == "percent" ? import::DiscountUnit::kPercent : import::DiscountUnit::kAmount;
  o.settings = input_settings(ctx, a.currency);
  o.crm = {a.crm, a.crm_profile.empty() ? a.profile : a.crm_profile, a.crm_map.empty() ? a.map : a.crm_map};
  if (!a.erp.empty()) o.erp = ops::BillingExport{a.erp, a.erp_profile.empty() ? a.profile : a.erp_profile,
                                                 a.erp_map.empty() ? a.map : a.erp_map};
  o.ignore = a.ignore;
  o.compare.amount_tolerance_minor = parse_tolerance_minor(a.tolerance, "--tolerance");
  o.compare.quantity_tolerance = parse_tolerance_micros(a.quantity_tolerance, "--quantity-tolerance");
  o.compare.price_tolerance = parse_tolerance_micros(a.price_tolerance, "--price-tolerance");
  o.compare.discount_tolerance = parse_tolerance_micros(a.discount_tolerance, "--discount-tolerance");
  o.compare.memory_budget_bytes = a.memory_mb << 20;
  o.compare.temp_dir = spill_directory();
  o.note = [&ctx](const std::string& text) { ctx.note(text); };

  // Only a reconciliation against the ledger's lines opens (and audits in) the ledger.
  std::unique_ptr<store::LedgerStore> store;
  if (!o.erp) store = ctx.open_ledger();
  auto result = ops::reconcile_billing(store.get(), ctx.invocation(), o,
                                       [&](const ops::ReconcileBillingResult& r) { write_breaks(ctx, r.breaks); });
  ctx.commit_output(store != nullptr);
  ctx.note(result.note);
  if (result.exceptions) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_reconcile_billing(CLI::App* cmd, Context& ctx) {
  auto b = std::make_shared<BillingArgs>();
  auto* billing = add_command(*cmd, "reconcile billing");
  billing->add_option("--crm", b->crm, "CRM export: one row per contract line and period (- = stdin)")->required();
  billing->add_option("--erp", b->erp, "ERP invoice-line export; left out: the ledger's billed invoice lines");
  billing->add_option("--period", b->period, "only lines of this month, YYYY-MM");
  billing->add_option("--key", b->key,
                      "key fields, comma-separated, from contract_id, contract_line, period, product, customer "
                      "(default contract_id,period,product)");
  billing->add_option("--tolerance", b->tolerance, "amount differences up to this many minor units (cents) are not breaks");
  billing->add_option("--quantity-tolerance", b->quantity_tolerance, "quantity differences up to this are not breaks");
  billing->add_option("--price-tolerance", b->price_tolerance, "unit-price differences up to this are not breaks");
  billing->add_option("--discount-tolerance", b->discount_tolerance, "discount differences up to this are not breaks");
  billing->add_option("--ignore", b->ignore, "fields not to compare: customer, quantity, unit_price, discount, currency")
      ->check(CLI::IsMember({"customer", "quantity", "unit_price", "discount", "currency"}))
      ->delimiter(',');
  billing->add_option("--discount-unit", b->discount_unit,
                      "compare discounts as an amount (default; 10% becomes an amount of quantity x price) or a percent")
      ->check(CLI::IsMember({"amount", "percent"}));
  billing->add_option("--profile", b->profile, "column names of: generic (default), netsuite, quickbooks, salesforce");
  billing->add_option("--crm-profile", b->crm_profile, "profile for the CRM file only");
  billing->add_option("--erp-profile", b->erp_profile, "profile for the ERP file only");
  billing->add_option("--map", b->map, "mapping file for both files (see docs/mapping.md)");
  billing->add_option("--crm-map", b->crm_map, "mapping file for the CRM file only");
  billing->add_option("--erp-map", b->erp_map, "mapping file for the ERP file only");
  billing->add_option("--currency", b->currency, "currency for rows that have none");
  billing->add_option("--memory-mb", b->memory_mb, "sort memory per side in MiB; more spills to temporary files (default 16)")
      ->check(CLI::Range(1, 65536));
  billing->callback([&ctx, b] { run_billing(ctx, *b); });
}

}  // namespace otc::cli
