#include "otc/ops/cash_corrections.hpp"

#include "otc/core/error.hpp"
#include "otc/engine/cash_dates.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;

store::PaymentRef find_payment(store::LedgerStore& store, const std::string& payment) {
  auto pay = store.find_payment(payment);
  if (!pay) throw Error(ErrorKind::kInput, "no payment '" + payment + "' in the ledger");
  return *pay;
}

// The one way an application is taken back: a negative application that names what it reverses,
// dated no earlier than the application itself.
std::int64_t post_reversal_of(store::LedgerStore& store, const store::ApplicationRecord& app, core::Date requested,
                              const char* rule, const std::string& reason) {
  store::ApplicationDraft d;
  d.invoice_id = app.invoice_id;
  d.payment_id = app.payment_id;
  d.amount_minor = -app.amount_minor;
  d.applied_on = engine::correction_date(requested, app.applied_on);
  d.rule = rule;
  d.reverses_id = app.id;
  d.note = reason;
  return store.apply(d);
}

}  // namespace

int reverse_payment(store::LedgerStore& store, std::int64_t payment_id, core::Date on, const std::string& reason) {
  int reversed = 0;
  for (const auto& app : store.applications_of_payment(payment_id)) {
    if (app.reversed) continue;
    post_reversal_of(store, app, on, "reversal", reason);
    ++reversed;
  }
  store.mark_payment_reversed(payment_id, on, reason);
  return reversed;
}

CashCorrectionResult apply_payment(store::LedgerStore& store, const Invocation& inv, const ManualApplication& a) {
  store::WriteTransaction tx(store);
  auto pay = find_payment(store, a.payment);
  if (pay.reversed) throw Error(ErrorKind::kInput, "payment '" + a.payment + "' was reversed");
  auto invoice = store.find_invoice(a.invoice);
  if (!invoice) throw Error(ErrorKind::kInput, "no open invoice '" + a.invoice + "' in the ledger");
  if (!(invoice->currency == pay.currency))
    throw Error(ErrorKind::kInput, "payment is in " + std::string(pay.currency.view()) + ", invoice in " + std::string(invoice->currency.view()));
  if (pay.customer_id && *pay.customer_id != invoice->customer_id)
    throw Error(ErrorKind::kInput, "invoice '" + a.invoice + "' belongs to another customer than payment '" + a.payment + "'", {},
                "unapply the payment's applications first if it was identified to the wrong customer");
  std::int64_t amount = std::min(pay.unapplied_minor, invoice->open_minor);
  if (!a.amount.empty()) {
    auto r = core::parse_amount(a.amount, pay.currency.exponent);
    if (!r.ok() || r.minor <= 0) throw Error(ErrorKind::kUsage, "AMOUNT '" + a.amount + "' is not a positive amount");
    if (r.minor > pay.unapplied_minor)
      throw Error(ErrorKind::kInput, "the payment has only " + core::format_amount(pay.unapplied_minor, pay.currency.exponent) + " unapplied");
    if (r.minor > invoice->open_minor)
      throw Error(ErrorKind::kInput, "the invoice has only " + core::format_amount(invoice->open_minor, invoice->currency.exponent) + " open");
    amount = r.minor;
  }
  if (amount <= 0) throw Error(ErrorKind::kInput, "nothing to apply: the payment has no unapplied cash or the invoice is paid");
  if (!pay.customer_id) store.set_payment_customer(pay.id, invoice->customer_id);
  store::ApplicationDraft d;
  d.invoice_id = invoice->id;
  d.payment_id = pay.id;
  d.amount_minor = amount;
  const core::Date natural = engine::application_date(pay.received_date, invoice->invoice_date);
  d.applied_on = a.date_given ? engine::correction_date(a.requested, natural) : natural;
  std::string dated;
  if (a.date_given && d.applied_on == a.requested) dated = "as --date says";
  else if (a.date_given) dated = "not before the " + std::string(natural == pay.received_date ? "receipt's" : "invoice's") + " date (--date " + a.requested.iso() + " is earlier)";
  else if (natural == pay.received_date) dated = "the receipt's date";
  else dated = "the invoice's date, later than the receipt's " + pay.received_date.iso();
  d.rule = "manual";
  d.note = a.reason;
  auto id = store.apply(d);
  store.replace_suggestions(pay.id, {});
  std::string detail = "applied " + core::format_amount(amount, pay.currency.exponent) + " " + std::string(pay.currency.view()) + " to " +
                       a.invoice + " (application " + std::to_string(id) + ") on " + d.applied_on.iso() + ", " + dated;
  store.audit(audit_entry(inv, "apply", "payments", a.payment, detail));
  tx.commit();
  return {true, a.payment + ": " + detail};
}

CashCorrectionResult unapply(store::LedgerStore& store, const Invocation& inv, std::int64_t application_id, core::Date requested,
                             const std::string& reason) {
  store::WriteTransaction tx(store);
  auto app = store.find_application(application_id);
  if (!app) throw Error(ErrorKind::kInput, "no application " + std::to_string(application_id) + " (ids are in `otc log` and apply-cash output)");
  if (app->reversed) throw Error(ErrorKind::kInput, "application " + std::to_string(application_id) + " was already reversed");
  post_reversal_of(store, *app, requested, "unapply", reason);
  auto pay = store.find_payment(app->payment_external_id);
  const core::Currency ccy = pay ? pay->currency : core::Currency{};
  std::string detail = "unapplied " + core::format_amount(app->amount_minor, pay ? ccy.exponent : 2) +
                       (pay ? " " + std::string(ccy.view()) : std::string()) + " from " + app->invoice_external_id + ": " + reason;
  store.audit(audit_entry(inv, "unapply", "payments", app->payment_external_id, detail));
  tx.commit();
  return {true, app->payment_external_id + ": " + detail};
}

CashCorrectionResult reverse_returned_payment(store::LedgerStore& store, const Invocation& inv, const std::string& payment,
                                              core::Date requested, const std::string& reason) {
  store::WriteTransaction tx(store);
  auto pay = find_payment(store, payment);
  if (pay.reversed) return {false, "payment " + payment + " is already reversed; nothing to do"};  // rolls back
  int reopened = reverse_payment(store, pay.id, engine::correction_date(requested, pay.received_date), reason);
  std::string detail = "reversed (" + reason + "), " + std::to_string(reopened) + " invoice application(s) reopened";
  store.audit(audit_entry(inv, "reverse", "payments", payment, detail));
  tx.commit();
  return {true, payment + ": " + detail};
}

}  // namespace otc::ops
