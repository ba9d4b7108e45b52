#pragma once
// Billing lines for the CRM-vs-ERP reconciliation (engine/reconcile_billing.hpp): a CRM contract
// billing export or an ERP invoice-line export read from CSV through the "crm_lines" / "erp_lines"
// profiles or a mapping file, or the ledger's own billed invoice lines. The key is built from the
// configured key fields with the period normalised to YYYY-MM; discounts are compared as amounts
// (a percent is turned into an amount of quantity x unit price) or, on request, as percents.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/error.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/reconcile_billing.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/mapping.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::import {

/// The unit discounts are compared in.
enum class DiscountUnit {
  kAmount,   ///< millionths of the currency's major unit; a percent becomes an amount, rounded to the minor unit (half-even)
  kPercent,  ///< millionths of a percent (10% = 10'000'000); an amount becomes a percent of quantity x unit price
};

/// The fields a billing key may be built from: contract_id, contract_line, period, product, customer.
const std::vector<std::string>& billing_key_fields();

/// Parses a key list "contract_id,period,product"; throws a usage error naming an unknown field.
std::vector<std::string> parse_billing_key(std::string_view text);

struct BillingReadOptions {
  std::string kind = "crm_lines";        ///< "crm_lines" or "erp_lines"
  std::string profile = "generic";
  const MappingFile* mapping = nullptr;  ///< its settings (date format, decimal comma, delimiter, currency) win
  InputSettings settings;                ///< date_format also reads period cells written as dates
  std::vector<std::string> key_fields = {"contract_id", "period", "product"};
  std::string period;                    ///< YYYY-MM: keep only lines of this period; empty: all
  DiscountUnit discount_unit = DiscountUnit::kAmount;
};

/// "2026-03" from "2026-03", "2026/03", "202603", "03/2026", "Mar 2026", "March 2026", "2026-03-15"
/// (any ISO date, with or without a time) or a date in `format`. nullopt when it is none of these.
std::optional<std::string> normalize_period(std::string_view text, const core::DateFormat& format = {});

/// A percent discount (millionths of a percent) of quantity x unit price (millionths each), as an
/// amount in millionths of the major unit rounded half-even to the currency's minor unit.
std::int64_t percent_discount_amount(std::int64_t quantity, std::int64_t unit_price, std::int64_t percent,
                                     const core::Currency& currency);
/// An amount discount (millionths of the major unit) as millionths of a percent of quantity x unit
/// price, rounded half-even; nullopt when quantity x unit price is zero.
std::optional<std::int64_t> discount_percent_of(std::int64_t quantity, std::int64_t unit_price, std::int64_t amount);

/// Streams one CSV export as billing lines. The file is opened on the first next() and closed at
/// its end (a CsvReader holds a large buffer; a side that is done should not keep it); its header
/// is read by prepare() from the first bytes only. Bad rows are skipped and listed in issues();
/// the caller must not trust the result while there are any.
class CsvBillingSource : public engine::BillingLineSource {
 public:
  /// `display_name` is used in locations (defaults to the path).
  CsvBillingSource(std::string path, BillingReadOptions options, std::string display_name = {});
  ~CsvBillingSource() override;

  /// Reads the header and resolves the columns. Throws core::Error (kInput, line 1) for an empty
  /// file, a missing required column, a key field or --period without a column. next() calls it.
  void prepare();
  /// Whether the export has a column for `field` (prepares first).
  bool has_field(std::string_view field);

  bool next(engine::BillingLine& out) override;

  const std::vector<core::Issue>& issues() const { return issues_; }
  std::uint64_t rows_read() const { return rows_read_; }
  /// Rows left out because their period is not options.period.
  std::uint64_t rows_other_periods() const { return rows_other_periods_; }
  const std::string& display_name() const { return display_name_; }

 private:
  bool parse_row(engine::BillingLine& out);
  void issue(int index, std::string message);

  std::string path_;
  BillingReadOptions options_;
  std::string display_name_;
  InputSettings settings_;
  std::unique_ptr<CsvReader> csv_;
  bool prepared_ = false;
  bool done_ = false;
  bool row_ok_ = true;
  std::vector<int> keys_;  ///< column per key field
  int period_ = -1, customer_ = -1, quantity_ = -1, price_ = -1, discount_ = -1, discount_percent_ = -1, amount_ = -1,
      currency_ = -1, document_ = -1, invoice_ = -1, contract_ = -1;
  std::vector<std::string> header_;
  std::vector<core::Issue> issues_;
  std::uint64_t rows_read_ = 0;
  std::uint64_t rows_other_periods_ = 0;
  std::optional<core::Currency> default_currency_;
  core::Currency last_currency_{};
  std::string period_text_;
};

/// One ledger invoice line as a billing line: the key from `key_fields` (period: the month of the
/// service start, else of the charge date), amount = amount − discount − line credits, document
/// "INVOICE/LINE". Throws core::Error (kLedger) when a stored quantity or price is not a decimal.
void billing_line_from_ledger(const store::BilledLineRecord& record, const std::vector<std::string>& key_fields,
                              DiscountUnit unit, engine::BillingLine& out);

}  // namespace otc::import
