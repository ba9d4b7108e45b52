#pragma once
// A payment and an application as statements, receipts and the credit engine see them, read from
// a ledger row: one home for both backends. The backends select the columns listed below in that
// order and pass their row type (`text(col)`, `int64(col)`, `is_null(col)`), currency look-up and
// date reader. Private to src/store/.
#include "otc/store/credit_store.hpp"

namespace otc::store::facts {

/// Columns: id, external_id, currency, received_date, amount_minor, method, reference, payer_name,
/// status, reversed_on (may be NULL), reverse_reason, customer external id, customer name.
template <class Row, class CurrencyOf, class DateOf>
PaymentFact read_payment(const Row& s, CurrencyOf&& currency_of, DateOf&& date_of) {
  PaymentFact p;
  p.id = s.int64(0);
  p.external_id.assign(s.text(1));
  p.currency = currency_of(s.text(2));
  p.received_date = date_of(s.text(3));
  p.amount_minor = s.int64(4);
  p.method.assign(s.text(5));
  p.reference.assign(s.text(6));
  p.payer_name.assign(s.text(7));
  // A reversal without its date (older ledgers) counts from the day the payment was received.
  if (s.text(8) == "reversed") p.reversed_on = s.is_null(9) ? p.received_date : date_of(s.text(9));
  p.reverse_reason.assign(s.text(10));
  p.return_record = p.method == "return" && p.reversed_on.has_value();
  p.customer_external_id.assign(s.text(11));
  p.customer_name.assign(s.text(12));
  return p;
}

/// Columns (kApplicationColumns of each backend): id, invoice_id, invoice external id, invoice_date,
/// payment_id (0 = none), payment external id, payment received_date, credit_memo_id (0 = none),
/// memo external id, memo reason, currency, amount_minor, applied_on, reverses_id (0), note.
template <class Row, class CurrencyOf, class DateOf>
ApplicationFact read_application(const Row& s, CurrencyOf&& currency_of, DateOf&& date_of) {
  ApplicationFact a;
  a.id = s.int64(0);
  a.invoice_id = s.int64(1);
  a.invoice_external_id.assign(s.text(2));
  a.invoice_date = date_of(s.text(3));
  a.payment_id = s.int64(4);
  a.payment_external_id.assign(s.text(5));
  if (a.payment_id != 0) a.payment_received = date_of(s.text(6));
  a.credit_memo_id = s.int64(7);
  a.credit_memo_external_id.assign(s.text(8));
  a.credit_memo_reason.assign(s.text(9));
  a.currency = currency_of(s.text(10));
  a.amount_minor = s.int64(11);
  a.applied_on = date_of(s.text(12));
  a.reverses_id = s.int64(13);
  a.note.assign(s.text(14));
  return a;
}

}  // namespace otc::store::facts
