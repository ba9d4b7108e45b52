#include "otc/ops/close_period.hpp"

#include <filesystem>

#include "otc/core/error.hpp"
#include "otc/ops/aging.hpp"
#include "otc/ops/rollforward.hpp"
#include "otc/report/aging_report.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/close_report.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

using core::Error;
using core::ErrorKind;

CloseResult close_period(store::LedgerStore& store, const Invocation& inv, const CloseOptions& o) {
  const auto& p = o.period;
  CloseResult result;
  store::WriteTransaction tx(store);
  if (store.period_locked(p.name)) {
    result.already_closed = true;
    return result;
  }
  result.rollforward = ledger_rollforward(store, p);
  for (const auto& r : result.rollforward)
    if (r.closing && *r.closing != r.computed_closing())
      throw Error(ErrorKind::kLedger, "the ledger's roll-forward for " + p.name + " " + std::string(r.currency.view()) +
                                          " does not tie; the period was not closed");
  auto aging = age_open_items(store, {engine::AgingBuckets{}, p.last, false});

  const std::filesystem::path dir(o.out_dir);
  result.rollforward_path = (dir / ("rollforward_" + p.name + ".csv")).string();
  result.aging_path = (dir / ("aging_" + p.last.iso() + ".csv")).string();
  report::AtomicFile rf_file(result.rollforward_path);
  report::AtomicFile aging_file(result.aging_path);
  report::write_rollforward(*report::make_sink(report::Format::kCsv, rf_file.stream()), p.name, result.rollforward);
  report::write_aging(*report::make_sink(report::Format::kCsv, aging_file.stream()), aging, p.last, false, true);
  rf_file.finish();  // every byte on disk before the lock commits
  aging_file.finish();

  store.set_period_lock(p.name, true);
  store.audit(audit_entry(inv, "close", "period", p.name,
                          "roll-forward " + result.rollforward_path + ", aging " + result.aging_path));
  if (o.before_commit) o.before_commit(result);
  tx.commit();
  for (auto* f : {&rf_file, &aging_file}) {
    try {
      f->publish();
    } catch (const Error& e) {
      throw Error(ErrorKind::kReportNotPlaced, "period " + p.name + " is closed, but a close report could not be put in place (" + e.what() + ")",
                  {f->path()}, "the complete report is in " + f->temp_path());
    }
  }
  return result;
}

std::vector<std::string> reopen_period(store::LedgerStore& store, const Invocation& inv, const core::Period& period,
                                       const std::string& reason) {
  store::WriteTransaction tx(store);
  auto reopened = store.closed_periods_from(period.name);
  if (reopened.empty()) return reopened;
  store.set_period_lock(period.name, false);
  std::string detail = reason;
  if (reopened.size() > 1 || reopened.front() != period.name) {
    detail += " (reopened";
    for (const auto& p : reopened) detail += " " + p;
    detail += ")";
  }
  store.audit(audit_entry(inv, "reopen", "period", period.name, detail));
  tx.commit();
  return reopened;
}

}  // namespace otc::ops
