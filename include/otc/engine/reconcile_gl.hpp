#pragma once
// AR roll-forward against the GL: the ledger's movements for a period (left) against the GL's
// AR control account (right), per currency and component, with the GL broken down by source.
//   closing AR = opening + invoiced − collected − credited − written off ± FX
// Pure: movements and GL rows in, rows and breaks out.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/reconcile.hpp"

namespace otc::engine {

/// A roll-forward component. kOther holds GL movements whose source maps to no component.
/// kUnapplied is cash received in the period and not applied to an invoice by its end (the change
/// in unapplied cash): the GL credits AR with all cash, so collected and unapplied cash are
/// compared together.
enum class RollComponent { kOpening, kInvoiced, kCollected, kCredited, kWrittenOff, kFx, kClosing, kOther, kUnapplied };

/// "opening", "invoiced", "collected", "credited", "written_off", "fx", "closing", "other",
/// "unapplied_cash".
std::string_view roll_component_name(RollComponent c);
std::optional<RollComponent> parse_roll_component(std::string_view name);

/// The ledger's roll-forward for one currency and period; all amounts in minor units, as
/// magnitudes of the movement: invoiced, collected, credited and written off are positive when
/// they move AR the usual way; fx is signed (a gain that raises AR is positive).
struct LedgerRollForward {
  core::Currency currency;
  std::int64_t opening = 0;
  std::int64_t invoiced = 0;
  std::int64_t collected = 0;
  std::int64_t credited = 0;
  std::int64_t written_off = 0;
  std::int64_t fx = 0;
  /// Cash received in the period left unapplied at its end, less unapplied cash of earlier periods
  /// applied in it (positive lowers AR). Zero in the close package, which rolls forward open items.
  std::int64_t unapplied = 0;
  /// The documents behind each component in the period (invoice, payment, credit memo numbers),
  /// named in the breaks: those the GL does not show by journal id.
  std::vector<std::pair<RollComponent, std::string>> documents;
  /// The ledger's own closing AR (sum of open balances at period end). When given, it must equal
  /// the formula, else rollforward_out_of_balance.
  std::optional<std::int64_t> closing;

  std::int64_t computed_closing() const { return opening + invoiced - collected - unapplied - credited - written_off + fx; }
};

/// One row of the GL's AR control account export, parsed.
struct GlRow {
  core::Date date;
  std::string account;
  std::int64_t debit_minor = 0;    ///< debits raise AR; a signed-amount export puts positives here
  std::int64_t credit_minor = 0;   ///< credits lower AR; a signed-amount export puts |negatives| here
  core::Currency currency;
  std::string source;              ///< source / journal type / document type ("Invoice", "Customer Payment", "DZ")
  std::string journal_id;          ///< for suggestions only
  long source_line = 0;
};

/// Maps a GL source to a component: `pattern` is compared ignoring ASCII case, as the whole
/// source (exact) or as a substring. The first rule that matches wins.
struct GlSourceRule {
  std::string pattern;
  RollComponent component = RollComponent::kOther;
  bool exact = false;
};

/// Built-in rules: opening/balance forward; write-off/bad debt; credit memo/credit note;
/// FX/revaluation/exchange; receipt/payment/cash/deposit/lockbox; invoice/sales/billing; and the
/// SAP document types DR (invoice), DZ (payment), DG (credit memo) as exact codes.
const std::vector<GlSourceRule>& default_gl_source_rules();

struct GlOptions {
  core::Date period_start;          ///< first day of the period
  core::Date period_end;            ///< last day of the period
  /// The AR control account(s); rows of other accounts are ignored. Empty: every row counts.
  std::vector<std::string> accounts;
  /// Rules tried before the built-in ones.
  std::vector<GlSourceRule> rules;
  bool use_default_rules = true;
  /// Explicit GL opening balances (e.g. from the trial balance), added to the GL opening that
  /// rows dated before the period and rows of an opening source give.
  std::vector<core::Money> gl_opening;
  std::int64_t tolerance_minor = 0;
};

/// A GL source's total within one component.
struct GlSourceAmount {
  std::string source;
  std::int64_t amount_minor = 0;    ///< in the component's sense (collected positive, fx signed)
  std::size_t rows = 0;
};

/// One line of the roll-forward report.
struct RollForwardRow {
  core::Currency currency;
  RollComponent component = RollComponent::kOpening;
  std::int64_t ledger_minor = 0;
  std::int64_t gl_minor = 0;
  std::int64_t difference_minor() const { return ledger_minor - gl_minor; }
  std::vector<GlSourceAmount> gl_sources;  ///< by source name
};

struct GlResult {
  /// Per currency (by code): opening, invoiced, collected, credited, written_off, fx, other
  /// (only when the GL has unmapped movements), closing. The closing row compares the ledger's
  /// closing (its stored one, else the formula) with the GL's opening + period movements.
  std::vector<RollForwardRow> rows;
  /// rollforward_difference per component that differs (never for closing: that difference is
  /// the sum of the others), unmapped_gl_source per unmapped GL source, and
  /// rollforward_out_of_balance when the ledger's closing differs from its own formula.
  std::vector<Break> breaks;
  std::size_t rows_used = 0;
  std::size_t rows_other_accounts = 0;
  std::size_t rows_after_period = 0;
};

/// Reconciles. The GL's signed movement of a row is debit − credit; a component's GL value is
/// that sum over its rows, negated for collected, credited and written off.
GlResult reconcile_gl(const std::vector<LedgerRollForward>& ledger, const std::vector<GlRow>& gl, const GlOptions& options);

/// The component a source maps to under `options` (kOther when none).
RollComponent classify_gl_source(std::string_view source, const GlOptions& options);

}  // namespace otc::engine
