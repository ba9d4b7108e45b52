#include "commands.hpp"
#include "context.hpp"
#include "payment_reversal.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/name_match.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

struct CashArgs {
  std::string payment;
  std::string invoice;
  std::string amount;
  std::int64_t application = 0;
  std::string reason;
  std::string date;
};

core::Date effective_date(const Context& ctx, const CashArgs& a, core::Date not_before) {
  core::Date d = a.date.empty() ? ctx.as_of() : Context::parse_date_option(a.date, "--date");
  return std::max(d, not_before);
}

void run_unapplied(Context& ctx) {
  using report::CellKind;
  auto format = ctx.format();
  const core::Date as_of = ctx.as_of();
  auto store = ctx.open_ledger();
  auto sink = report::make_sink(format, ctx.output());
  sink->begin({{"payment_id", CellKind::kText}, {"received_date", CellKind::kDate}, {"age_days", CellKind::kNumber},
               {"customer_id", CellKind::kText}, {"customer_name", CellKind::kText}, {"payer", CellKind::kText},
               {"currency", CellKind::kText}, {"amount", CellKind::kNumber}, {"unapplied", CellKind::kNumber},
               {"reference", CellKind::kText}, {"remittance", CellKind::kText}, {"suggestions", CellKind::kText}});
  std::vector<std::string> cells;
  store->begin_read();
  store->for_each_unapplied_payment(as_of, [&](const store::UnappliedPayment& u) {
    int e = u.currency.exponent;
    cells = {u.external_id, u.received_date.iso(), std::to_string(as_of.days_since(u.received_date)), u.customer_external_id,
             u.customer_name, u.payer_name, std::string(u.currency.view()), core::format_amount(u.amount_minor, e),
             core::format_amount(u.unapplied_minor, e), u.reference, u.remittance, u.suggestions};
    sink->row(cells);
  });
  store->commit();
  sink->end();
  ctx.commit_output();
}

void run_apply(Context& ctx, const CashArgs& a) {
  auto store = ctx.open_ledger();
  store->begin_write();
  try {
    auto pay = store->find_payment(a.payment);
    if (!pay) throw Error(ErrorKind::kInput, "no payment '" + a.payment + "' in the ledger");
    if (pay->reversed) throw Error(ErrorKind::kInput, "payment '" + a.payment + "' was reversed");
    auto inv = store->find_invoice(a.invoice);
    if (!inv) throw Error(ErrorKind::kInput, "no open invoice '" + a.invoice + "' in the ledger");
    if (!(inv->currency == pay->currency))
      throw Error(ErrorKind::kInput, "payment is in " + std::string(pay->currency.view()) + ", invoice in " + std::string(inv->currency.view()));
    if (pay->customer_id && *pay->customer_id != inv->customer_id)
      throw Error(ErrorKind::kInput, "invoice '" + a.invoice + "' belongs to another customer than payment '" + a.payment + "'",
                  {}, "unapply the payment's applications first if it was identified to the wrong customer");
    std::int64_t amount = std::min(pay->unapplied_minor, inv->open_minor);
    if (!a.amount.empty()) {
      auto r = core::parse_amount(a.amount, pay->currency.exponent);
      if (!r.ok() || r.minor <= 0) throw Error(ErrorKind::kUsage, "AMOUNT '" + a.amount + "' is not a positive amount");
      if (r.minor > pay->unapplied_minor) throw Error(ErrorKind::kInput, "the payment has only " + core::format_amount(pay->unapplied_minor, pay->currency.exponent) + " unapplied");
      if (r.minor > inv->open_minor) throw Error(ErrorKind::kInput, "the invoice has only " + core::format_amount(inv->open_minor, inv->currency.exponent) + " open");
      amount = r.minor;
    }
    if (amount <= 0) throw Error(ErrorKind::kInput, "nothing to apply: the payment has no unapplied cash or the invoice is paid");
    if (!pay->customer_id) store->set_payment_customer(pay->id, inv->customer_id);
    store::ApplicationDraft d;
    d.invoice_id = inv->id;
    d.payment_id = pay->id;
    d.amount_minor = amount;
    d.applied_on = effective_date(ctx, a, std::max(pay->received_date, inv->invoice_date));
    d.rule = "manual";
    d.note = a.reason;
    auto id = store->apply(d);
    store->replace_suggestions(pay->id, {});
    std::string detail = "applied " + core::format_amount(amount, pay->currency.exponent) + " to " + a.invoice + " (application " + std::to_string(id) + ")";
    ctx.audit(*store, "apply", "payments", a.payment, detail);
    store->commit();
    ctx.note(a.payment + ": " + detail);
  } catch (...) {
    store->rollback();
    throw;
  }
}

void run_unapply(Context& ctx, const CashArgs& a) {
  if (a.reason.empty()) throw Error(ErrorKind::kUsage, "--reason is required");
  auto store = ctx.open_ledger();
  store->begin_write();
  try {
    auto app = store->find_application(a.application);
    if (!app) throw Error(ErrorKind::kInput, "no application " + std::to_string(a.application) + " (ids are in `otc log` and apply-cash output)");
    if (app->reversed) throw Error(ErrorKind::kInput, "application " + std::to_string(a.application) + " was already reversed");
    store::ApplicationDraft d;
    d.invoice_id = app->invoice_id;
    d.payment_id = app->payment_id;
    d.amount_minor = -app->amount_minor;
    d.applied_on = effective_date(ctx, a, app->applied_on);
    d.rule = "unapply";
    d.reverses_id = app->id;
    d.note = a.reason;
    store->apply(d);
    std::string detail = "unapplied " + std::to_string(app->amount_minor) + " minor units from " + app->invoice_external_id + ": " + a.reason;
    ctx.audit(*store, "unapply", "payments", app->payment_external_id, detail);
    store->commit();
    ctx.note(app->payment_external_id + ": " + detail);
  } catch (...) {
    store->rollback();
    throw;
  }
}

void run_reverse(Context& ctx, const CashArgs& a) {
  if (a.reason.empty()) throw Error(ErrorKind::kUsage, "--reason is required (NSF, chargeback, stop-payment, ...)");
  auto store = ctx.open_ledger();
  store->begin_write();
  try {
    auto pay = store->find_payment(a.payment);
    if (!pay) throw Error(ErrorKind::kInput, "no payment '" + a.payment + "' in the ledger");
    if (pay->reversed) {
      store->rollback();
      ctx.note("payment " + a.payment + " is already reversed; nothing to do");
      return;
    }
    core::Date on = effective_date(ctx, a, pay->received_date);
    int reopened = reverse_payment(*store, pay->id, on, a.reason);
    std::string detail = "reversed (" + a.reason + "), " + std::to_string(reopened) + " invoice application(s) reopened";
    ctx.audit(*store, "reverse", "payments", a.payment, detail);
    store->commit();
    ctx.note(a.payment + ": " + detail);
  } catch (...) {
    store->rollback();
    throw;
  }
}

}  // namespace

void install_cash(CLI::App& parent, Context& ctx) {
  auto* cash = parent.add_subcommand("cash", "The unapplied queue and corrections: apply, unapply, reverse");
  cash->require_subcommand(1);
  auto* unapplied = cash->add_subcommand("unapplied", "Payments with cash not yet applied, with their age and suggestions");
  unapplied->footer("Example: otc cash unapplied --as-of 2026-11-05 --format table");
  unapplied->callback([&ctx] { run_unapplied(ctx); });

  auto args = std::make_shared<CashArgs>();
  auto* apply = cash->add_subcommand("apply", "Apply a payment's unapplied cash to an invoice by hand");
  apply->add_option("PAYMENT", args->payment, "payment id")->required();
  apply->add_option("INVOICE", args->invoice, "invoice id")->required();
  apply->add_option("AMOUNT", args->amount, "amount (default: as much as both allow)");
  apply->add_option("--date", args->date, "application date (default --as-of or today)");
  apply->add_option("--reason", args->reason, "a note kept with the application");
  apply->footer("Example: otc cash apply BNK-20261103-8994975F1123 INV-10305 410.00");
  apply->callback([&ctx, args] { run_apply(ctx, *args); });

  auto uargs = std::make_shared<CashArgs>();
  auto* unapply = cash->add_subcommand("unapply", "Reverse one application (a misapplied payment); the invoice reopens, the cash is unapplied again");
  unapply->add_option("APPLICATION", uargs->application, "application id")->required();
  unapply->add_option("--reason", uargs->reason, "why (kept in the audit log)")->required();
  unapply->add_option("--date", uargs->date, "date of the correction (default --as-of or today)");
  unapply->footer("Example: otc cash unapply 1042 --reason \"applied to the wrong customer\"");
  unapply->callback([&ctx, uargs] { run_unapply(ctx, *uargs); });

  auto rargs = std::make_shared<CashArgs>();
  auto* reverse = cash->add_subcommand("reverse", "Reverse a returned payment (NSF, chargeback): its invoices reopen");
  reverse->add_option("PAYMENT", rargs->payment, "payment id")->required();
  reverse->add_option("--reason", rargs->reason, "NSF, chargeback, R01, ...")->required();
  reverse->add_option("--date", rargs->date, "date of the return (default --as-of or today)");
  reverse->footer("Example: otc cash reverse BNK-20261102-5A226C6EF46E --reason NSF --date 2026-11-06");
  reverse->callback([&ctx, rargs] { run_reverse(ctx, *rargs); });
}

}  // namespace otc::cli
