#pragma once
// Payment-gateway balance exports: Stripe balance history ("Balance" / balance-transactions export
// and the itemized balance-change / payout-reconciliation reports) and PayPal activity downloads
// (English or German headers). Columns are found by header name, never by position. Rows come out
// as engine::GatewayTransaction for the payout tie-out (engine/reconcile_payout.hpp).
//
// Stripe headers read: id | balance_transaction_id, Type | reporting_category, Source | source_id,
// Amount | gross, Fee, Net, Currency, Created (UTC) | created_utc, Available On (UTC) |
// available_on_utc, Description, Customer Email, Transfer | Payout ID | automatic_payout_id,
// trace_id, and invoice ids from invoice_id / Invoice ID / "invoice_id (metadata)" /
// payment_metadata[invoice_id] and the like.
// PayPal headers read: Date, Time, Name, Type, Status, Currency, Gross, Fee, Net, From Email
// Address, Transaction ID, Reference Txn ID, Invoice Number, Balance Impact, Subject / Item Title.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/error.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/reconcile_payout.hpp"
#include "otc/import/csv_reader.hpp"

namespace otc::import {

enum class GatewayFormat { kAuto, kStripe, kPayPal };

/// "auto", "stripe", "paypal".
std::string_view gateway_format_name(GatewayFormat format);
std::optional<GatewayFormat> parse_gateway_format(std::string_view name);

/// Recognises the export from its header row (kAuto when it is neither).
GatewayFormat detect_gateway_format(const std::vector<std::string>& header);

/// The export a file holds, from its header row (its first bytes only): kAuto when it is not a
/// gateway export, not CSV, stdin ("-") or unreadable (the bank readers then report it).
GatewayFormat sniff_gateway_file(const std::string& path);

struct GatewayReadOptions {
  GatewayFormat format = GatewayFormat::kAuto;
  /// Date format of the date columns. Unset: Stripe ISO; PayPal %m/%d/%Y, or %d.%m.%Y with German
  /// headers. ISO dates are accepted in any case.
  std::optional<core::DateFormat> date_format;
  /// Amounts written 1.234,56. Unset: true for PayPal files with German headers, else false.
  std::optional<bool> decimal_comma;
  /// More header names whose cells carry invoice numbers (e.g. "order_ref (metadata)").
  std::vector<std::string> invoice_columns;
  /// PayPal rows whose Status is Pending, Denied, Canceled, Failed or Expired, and rows whose
  /// Balance Impact is Memo, do not move the balance and are skipped unless this is set.
  bool include_non_posting = false;
};

struct GatewayReadResult {
  GatewayFormat format = GatewayFormat::kAuto;
  std::vector<engine::GatewayTransaction> rows;
  std::vector<core::Issue> issues;    ///< every bad row (left out of rows); the caller decides whether to go on
  std::size_t skipped = 0;            ///< non-posting rows left out (see include_non_posting)
};

/// Reads a gateway export from a CSV reader positioned before its header row. Throws
/// core::Error (kInput, line 1) when the format cannot be recognised or a required column is
/// missing; bad rows are listed in `issues`.
GatewayReadResult read_gateway(CsvReader& csv, const GatewayReadOptions& options = {});
/// Opens `path` ("-" is stdin) and reads it.
GatewayReadResult read_gateway_file(const std::string& path, const GatewayReadOptions& options = {});
/// Reads bytes already in memory; `name` is used in locations.
GatewayReadResult read_gateway_data(const std::string& name, std::string_view data,
                                    const GatewayReadOptions& options = {});

/// The kind of a Stripe balance transaction type or reporting category ("charge", "refund",
/// "stripe_fee", "adjustment", "payout", ...); `description` tells dispute adjustments apart.
engine::GatewayKind classify_stripe_type(std::string_view type, std::string_view description = {});
/// The kind of a PayPal activity Type ("Express Checkout Payment", "General Withdrawal", ...);
/// the sign of the gross amount tells payments received from payments sent.
engine::GatewayKind classify_paypal_type(std::string_view type, std::int64_t gross_minor);

}  // namespace otc::import
