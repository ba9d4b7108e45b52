#pragma once
// `otc fx import`, `otc fx rates`, `otc init --functional`, and the rates other use cases convert
// with (`--in CCY` on aging, kpi and dashboard; the roll-forward's fx column).
#include <cstdint>
#include <string>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/engine/fx.hpp"
#include "otc/engine/kpi.hpp"
#include "otc/ops/kpi.hpp"
#include "otc/ops/invocation.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::ops {

struct FxImportResult {
  long rows = 0;
  long added = 0;
  long unchanged = 0;
  bool same_file = false;   ///< this exact file was imported before: nothing read
};

/// Imports RATES.csv (columns date, currency, rate: units of the functional currency for one unit
/// of the currency). Every bad row is reported (FILE:LINE:COLUMN) and nothing is written; a rate
/// for a (currency, date) already held with another value is a bad row. One write transaction.
FxImportResult fx_import(store::LedgerStore& store, const std::string& path, const std::string& display_name,
                         const std::string& sha256, const Invocation& inv);

/// Sets the functional currency (init --functional). Refused once rates are held in another one.
void set_functional_currency(store::LedgerStore& store, const std::string& code, const Invocation& inv);

/// What converting needs: the functional currency and every rate. Reads inside the caller's transaction.
struct FxBook {
  core::Currency functional;
  std::vector<engine::FxRate> rates;
  /// The rate from `from` to `to` on or before `d`; throws core::Error(kInput) naming the currency
  /// and the date when none is held.
  engine::CrossRate rate(std::string_view from, std::string_view to, core::Date d) const;
};
FxBook load_fx(store::LedgerStore& store);

/// Every rate held (for `otc fx rates`), in a read transaction of its own.
FxBook fx_rates(store::LedgerStore& store);

/// `otc kpi --in CCY` (src/ops/fx_kpi.cpp): the KPI rows with every currency converted at the as-of
/// date's rates and summed per customer (or all) and month, recomputed by engine::compute_kpi; and
/// the rates used ("EUR→USD 1.082500 (2026-10-31)").
struct ConvertedKpi {
  std::vector<engine::KpiRow> rows;
  std::vector<std::string> rates;
};
ConvertedKpi kpi_report_in(store::LedgerStore& store, const KpiOptions& options, const std::string& in);

/// A currency option (`--in`, `--functional`): a known ISO 4217 code, upper-cased; throws a usage
/// error naming the option otherwise.
core::Currency currency_option(const std::string& code, const char* option);

}  // namespace otc::ops
