#include "otc/ops/reconcile_gl.hpp"

#include <map>
#include <optional>

#include "otc/core/error.hpp"
#include "otc/import/gl_rows.hpp"
#include "otc/ops/reconcile_common.hpp"
#include "otc/ops/rollforward.hpp"
#include "otc/report/breaks_report.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;

core::Money parse_opening(const std::string& text, const std::string& default_currency, core::AmountStyle style) {
  auto eq = text.find('=');
  std::string code = eq == std::string::npos ? default_currency : text.substr(0, eq);
  std::string amount = eq == std::string::npos ? text : text.substr(eq + 1);
  auto c = core::find_currency(code);
  if (!c) throw Error(ErrorKind::kUsage, "--gl-opening '" + text + "': give the currency, e.g. USD=12500.00");
  auto r = core::parse_amount(amount, c->exponent, style);
  if (!r.ok()) throw Error(ErrorKind::kUsage, "--gl-opening '" + text + "': " + std::string(core::describe(*r.error)));
  return {r.minor, *c};
}

std::string summarize(const engine::GlResult& r) {
  using engine::money_text;
  std::string s = std::to_string(r.rows_used) + " GL rows used";
  if (r.rows_other_accounts) s += ", " + std::to_string(r.rows_other_accounts) + " of other accounts left out";
  if (r.rows_after_period) s += ", " + std::to_string(r.rows_after_period) + " after the period left out";
  for (const auto& row : r.rows)
    if (row.component == engine::RollComponent::kClosing)
      s += "; " + std::string(row.currency.view()) + " closing AR: ledger " + money_text(row.ledger_minor, row.currency) +
           ", GL " + money_text(row.gl_minor, row.currency) + ", difference " +
           money_text(row.difference_minor(), row.currency);
  return s + "; " + report::break_summary(r.breaks);
}

/// The ledger's roll-forward as the GL keeps AR: net of unapplied cash and open credit. The GL
/// credits AR with every receipt and every credit memo when it is posted, so: unapplied cash is a
/// line of its own (compared with collected), credits are credit memos issued (applied or not),
/// and opening and closing are open items less unapplied cash and open credit.
std::vector<engine::LedgerRollForward> gl_basis_rollforward(store::LedgerStore& store, const core::Period& period) {
  auto rows = ledger_rollforward(store, period);
  auto row_for = [&](const core::Currency& c) -> engine::LedgerRollForward& {
    for (auto& r : rows)
      if (r.currency == c) return r;
    engine::LedgerRollForward r;
    r.currency = c;
    r.closing = 0;
    rows.push_back(r);
    return rows.back();
  };
  // Opening net of what was unapplied before the period; closing net of what is at its end.
  const core::Date before = period.first.add_days(-1);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> start, end;  // currency -> (cash, credit)
  auto read = [&](core::Date on, std::map<std::string, std::pair<std::int64_t, std::int64_t>>& into) {
    store.for_each_unapplied(on, [&](const domain::UnappliedCredit& u) {
      into[std::string(u.currency.view())].first += u.amount_minor;
      row_for(u.currency);
    });
    for (const auto& m : store.open_credit_totals(on)) {
      auto& e = into[std::string(m.currency.view())];
      e.first -= m.minor;
      e.second += m.minor;
      row_for(m.currency);
    }
  };
  read(before, start);
  read(period.last, end);
  for (auto& r : rows) {
    std::string code(r.currency.view());
    auto s0 = start[code], s1 = end[code];
    r.opening -= s0.first + s0.second;
    if (r.closing) *r.closing -= s1.first + s1.second;
    r.unapplied = s1.first - s0.first;
    r.credited += s1.second - s0.second;
  }
  store.for_each_period_document(period.first, period.last,
                                 [&](std::string_view component, const core::Currency& c, std::string_view number) {
                                   auto comp = engine::parse_roll_component(component);
                                   if (comp) row_for(c).documents.emplace_back(*comp, std::string(number));
                                 });
  return rows;
}

}  // namespace

ReconcileGlResult reconcile_gl(store::LedgerStore& store, const Invocation& inv, const ReconcileGlOptions& options,
                               const std::function<void(const ReconcileGlResult&)>& before_commit) {
  store::WriteTransaction tx(store);
  // The ledger first: a GL export without a currency column takes the ledger's only currency.
  const auto ledger = gl_basis_rollforward(store, options.period);

  std::optional<import::MappingFile> mapping;
  if (!options.map.empty()) mapping = import::read_mapping_file(options.map);
  import::GlReadOptions ro;
  ro.profile = options.profile;
  ro.mapping = mapping ? &*mapping : nullptr;
  ro.settings = options.settings;
  if (ro.settings.default_currency.empty() && !(mapping && mapping->currency) && ledger.size() == 1)
    ro.settings.default_currency = std::string(ledger.front().currency.view());
  auto gl = import::read_gl_file(options.file, ro);
  fail_on_bad_rows(std::move(gl.issues), options.file);

  engine::GlOptions go;
  go.period_start = options.period.first;
  go.period_end = options.period.last;
  go.accounts = options.accounts;
  go.rules = options.rules;
  go.tolerance_minor = options.tolerance_minor;
  for (const auto& o : options.openings)
    go.gl_opening.push_back(parse_opening(o, ro.settings.default_currency, {options.settings.amount_style.decimal_comma}));

  ReconcileGlResult result;
  result.gl = engine::reconcile_gl(ledger, gl.rows, go);
  engine::sort_breaks(result.gl.breaks);
  result.summary = summarize(result.gl);
  result.exceptions = engine::has_exceptions(result.gl.breaks);
  store.audit(reconcile_audit_entry(inv, "gl", options.period.name, result.summary, {options.file}));
  if (before_commit) before_commit(result);
  tx.commit();
  return result;
}

}  // namespace otc::ops
