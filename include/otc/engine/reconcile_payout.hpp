#pragma once
// Payment-gateway payout tie-out: each payout (charges − refunds − fees − disputes ± adjustments)
// must equal the one bank deposit it became; the invoices its charges paid are listed, and its
// fees come out as their own line for the GL. Pure: gateway rows and bank rows in, result out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/domain/bank_transaction.hpp"
#include "otc/engine/reconcile.hpp"

namespace otc::engine {

/// What a gateway balance row does to the balance that is paid out.
enum class GatewayKind {
  kCharge,      ///< a customer payment (Stripe charge/payment, PayPal payment received)
  kRefund,      ///< money returned to a customer
  kFee,         ///< a fee billed as its own row (Stripe stripe_fee, PayPal fee rows)
  kDispute,     ///< chargeback / dispute and its reversal
  kAdjustment,  ///< anything else that moves the balance (adjustments, transfers in, payout failures)
  kPayout,      ///< the sweep of the balance to the bank account
};

/// "charge", "refund", "fee", "dispute", "adjustment", "payout".
std::string_view gateway_kind_name(GatewayKind kind);

/// One row of a gateway balance / activity export, normalised (see import/gateway.hpp).
struct GatewayTransaction {
  std::string gateway;            ///< "stripe", "paypal"
  std::string id;                 ///< balance transaction id / PayPal Transaction ID
  GatewayKind kind = GatewayKind::kAdjustment;
  std::string type;               ///< the type as the file wrote it ("charge", "Express Checkout Payment")
  std::string source_id;          ///< ch_/re_/po_ id; PayPal Reference Txn ID
  /// The payout this row was swept into (Stripe "Transfer"/automatic_payout_id); for a payout row,
  /// its own id. Empty when the export does not say (PayPal): rows then go to the next payout.
  std::string payout_id;
  core::Date created;             ///< date the row was created (the export's own time zone)
  core::Date available_on;        ///< date the funds became available (= created when not given)
  int time_of_day = -1;           ///< seconds after midnight of `created`, -1 when unknown (orders same-day rows)
  /// The arrival date of the payout the row went out in, when the export says (Stripe "Transfer
  /// Date (UTC)", automatic_payout_effective_at).
  std::optional<core::Date> payout_date;
  core::Currency currency;
  std::int64_t gross_minor = 0;   ///< signed as the balance moves: charge +, refund −, payout −
  std::int64_t fee_minor = 0;     ///< the fee charged on the row as a cost (positive), refunded fee negative
  std::int64_t net_minor = 0;     ///< gross − fee
  std::string customer_email;
  std::string description;
  std::vector<std::string> invoices;  ///< invoice numbers the row names (metadata / Invoice Number)
  std::string reference;          ///< for a payout: a trace id / statement reference the bank may show
  std::string source_file;
  long source_line = 0;
};

struct PayoutOptions {
  /// The bank deposit's booking date may differ from the payout's arrival date by this many days.
  int date_window_days = 3;
  /// A deposit is a gateway deposit when its payer name, remittance text or reference contains
  /// one of these (ASCII case ignored), e.g. {"STRIPE", "PAYPAL"}. Empty: every credit passed in
  /// is a gateway deposit (the caller filtered).
  std::vector<std::string> deposit_markers;
  /// Only deposits booked in this range can be deposit_without_payout. Unset: from the earliest
  /// payout date − window to the latest + window.
  std::optional<core::Date> from, to;
};

enum class PayoutMatchRule { kNone, kReference, kAmountDate };

/// "none", "reference", "amount_date" (the match column of the payout detail).
std::string_view payout_match_rule_name(PayoutMatchRule rule);

/// One payout, tied out.
struct PayoutLine {
  std::string gateway;
  std::string payout_id;
  core::Date date;                    ///< arrival (available_on) date of the payout row
  core::Currency currency;
  std::int64_t charges_minor = 0;     ///< gross of charge rows
  std::int64_t refunds_minor = 0;     ///< refunded gross, positive
  std::int64_t fees_minor = 0;        ///< fees on all rows plus fee rows, positive = cost
  std::int64_t disputes_minor = 0;    ///< disputed gross net of reversals, positive = lost
  std::int64_t adjustments_minor = 0; ///< signed
  std::int64_t components_net_minor = 0;  ///< charges − refunds − fees − disputes + adjustments
  std::int64_t payout_minor = 0;      ///< the amount paid out (positive)
  std::size_t rows = 0;               ///< component rows
  std::vector<std::string> invoices;  ///< invoices the charges paid, sorted, unique
  PayoutMatchRule rule = PayoutMatchRule::kNone;
  std::optional<std::size_t> deposit; ///< index into the bank transactions passed in
  /// The export has rows naming this payout but not the payout row itself (Stripe's itemized
  /// payout reconciliation report): the amount is the components' sum and cannot be checked.
  bool amount_from_components = false;
  bool ties() const { return deposit.has_value() && components_net_minor == payout_minor; }
};

/// The fees of one payout: one line for the GL (debit gateway fees, credit clearing).
struct FeeLine {
  std::string gateway;
  std::string payout_id;
  core::Date date;
  core::Currency currency;
  std::int64_t fee_minor = 0;         ///< positive = cost
};

struct PendingBalance {
  std::string gateway;
  core::Currency currency;
  std::int64_t net_minor = 0;         ///< rows not yet paid out (after the last payout)
  std::size_t rows = 0;
};

struct PayoutResult {
  std::vector<PayoutLine> payouts;    ///< by gateway, date, payout id
  std::vector<FeeLine> fees;          ///< same order, payouts with fees only
  std::vector<PendingBalance> pending;
  std::vector<Break> breaks;          ///< sorted by sort_breaks; fee lines are not among them
};

/// Ties out payouts. Component rows are grouped by payout_id (a payout named by rows but absent
/// from the export is built from them: amount_from_components); when a gateway's rows name no
/// payout at all, rows go to the next payout (by available_on, time, then input order) of the same
/// gateway and currency, and rows after the last payout are pending. A payout row's amount is −gross. Deposits are matched first by
/// reference (payout id or reference found in the deposit's reference, end-to-end id, remittance
/// references or text), then by same currency and amount within the window, nearest date first.
/// Breaks: payout_mismatch (components do not sum to the payout), payout_without_deposit,
/// deposit_without_payout.
PayoutResult tie_out_payouts(const std::vector<GatewayTransaction>& rows, const std::vector<domain::BankTransaction>& bank,
                             const PayoutOptions& options = {});

/// A fee line as a row of the breaks CSV (type fee, informational: is_exception() is false).
Break fee_break(const FeeLine& fee);

}  // namespace otc::engine
