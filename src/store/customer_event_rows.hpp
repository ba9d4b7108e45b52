#pragma once
// How each kind of ledger row reads as an event of a customer's history (`otc history`,
// `otc customer`): one home for both backends. Each backend selects, per kind, the columns listed
// below in that order, and passes its row type (SQLite Statement, PostgreSQL Result: `text(col)`
// and `int64(col)`), its currency look-up and its date reader. Private to src/store/.
#include <string>
#include <string_view>

#include "otc/store/collections_store.hpp"

namespace otc::store::events {

enum class EventRow {
  kInvoice,          ///< invoice_date, external_id, currency, total_minor, due_date
  kVoid,             ///< last_activity, external_id, currency, total_minor
  kPayment,          ///< received_date, external_id, currency, amount_minor, method, reference, status, reversed_on
  kApplication,      ///< applied_on, id, payment or memo id, invoice id, currency, amount, is cash (0/1), reverses_id, rule, note, invoice_date
  kAdjustment,       ///< adj_date, id, invoice id, currency, amount, kind, reason_code, approved_by
  kNote,             ///< note_date, id, invoice id, kind, body
  kPromise,          ///< made_on, id, currency, amount, due_date, plan_id (0 = none), installment
  kDispute,          ///< opened_on, id, invoice id, currency, amount, reason, owner
  kDisputeResolved,  ///< resolved_on, id, invoice id, currency, amount, outcome, credit_memo
  kDunning,          ///< sent_on, id, currency, past_due_minor, level, channel, file_name
};

template <class Row, class CurrencyOf, class DateOf>
CustomerEvent read_event(EventRow kind, const Row& r, CurrencyOf&& currency_of, DateOf&& date_of) {
  auto str = [&](int col) { return std::string(r.text(col)); };
  auto id_text = [&](int col) { return std::to_string(r.int64(col)); };
  CustomerEvent e;
  auto money = [&](int col_ccy, int col_amount) {
    auto c = currency_of(r.text(col_ccy));
    e.currency = std::string(c.view());
    e.exponent = c.exponent;
    e.amount_minor = r.int64(col_amount);
  };
  e.date = date_of(r.text(0));
  switch (kind) {
    case EventRow::kInvoice:
      e.kind = "invoice";
      e.id = str(1);
      money(2, 3);
      e.detail = "due " + str(4);
      break;
    case EventRow::kVoid:
      e.kind = "void";
      e.id = str(1);
      money(2, 3);
      break;
    case EventRow::kPayment:
      e.kind = "payment";
      e.id = str(1);
      money(2, 3);
      e.detail = str(4);
      if (!r.text(5).empty()) e.detail += (e.detail.empty() ? "" : " ") + std::string("ref ") + str(5);
      if (r.text(6) == "reversed") e.detail += (e.detail.empty() ? "" : "; ") + std::string("reversed on ") + str(7);
      break;
    case EventRow::kApplication: {
      const bool cash = r.int64(6) != 0;
      const std::int64_t reverses = r.int64(7);
      e.kind = !cash ? "credit" : reverses ? "unapply" : "application";
      e.id = cash ? id_text(1) : str(2);
      e.document = cash ? str(2) + " -> " + str(3) : str(3);
      money(4, 5);
      if (cash) e.detail = "application " + id_text(1) + " (" + str(8) + ")";
      if (reverses) e.detail = "reverses application " + std::to_string(reverses);
      if (!r.text(9).empty()) e.detail += (e.detail.empty() ? "" : "; ") + str(9);
      e.invoice_date = date_of(r.text(10));
      break;
    }
    case EventRow::kAdjustment:
      e.kind = r.text(5) == "write_off" ? "write-off" : "adjustment";
      e.id = id_text(1);
      e.document = str(2);
      money(3, 4);
      e.detail = str(6);
      if (!r.text(7).empty()) e.detail += "; approved by " + str(7);
      break;
    case EventRow::kNote:
      e.kind = "note";
      e.id = id_text(1);
      e.document = str(2);
      e.detail = str(3) + ": " + str(4);
      break;
    case EventRow::kPromise:
      e.kind = "promise";
      e.id = id_text(1);
      money(2, 3);
      e.detail = "to pay by " + str(4);
      if (r.int64(5)) e.detail += "; plan " + id_text(5) + " installment " + id_text(6);
      break;
    case EventRow::kDispute:
      e.kind = "dispute";
      e.id = id_text(1);
      e.document = str(2);
      money(3, 4);
      e.detail = str(5) + "; owner " + str(6);
      break;
    case EventRow::kDisputeResolved:
      e.kind = "dispute-resolved";
      e.id = id_text(1);
      e.document = str(2);
      money(3, 4);
      e.detail = "outcome " + str(5);
      if (!r.text(6).empty()) e.detail += "; credit memo " + str(6);
      break;
    case EventRow::kDunning:
      e.kind = "dunning";
      e.id = id_text(1);
      money(2, 3);
      e.detail = "level " + id_text(4) + " by " + str(5) + " (" + str(6) + ")";
      break;
  }
  return e;
}

}  // namespace otc::store::events
