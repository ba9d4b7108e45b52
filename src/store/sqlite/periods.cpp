// The SQLite periods role: period locks.
#include "sqlite_ledger.hpp"

#include "otc/core/error.hpp"

namespace otc::store::sqlite {

using core::Error;
using core::ErrorKind;

bool SqliteLedger::period_locked(std::string_view period) {
  Statement s(db_.handle(), "SELECT locked FROM period_locks WHERE period=?1");
  s.bind(1, period);
  bool locked = s.step() && s.int64(0) == 1;
  s.reset();
  return locked;
}

void SqliteLedger::ensure_period_open(core::Date d, std::string_view what) {
  if (!locks_loaded_) {
    locked_periods_.clear();
    Statement s(db_.handle(), "SELECT period FROM period_locks WHERE locked = 1");
    while (s.step()) locked_periods_.emplace_back(s.text(0));
    locks_loaded_ = true;
  }
  if (locked_periods_.empty()) return;
  char ym[7];
  std::string iso = d.iso();
  std::copy(iso.begin(), iso.begin() + 7, ym);
  for (const auto& p : locked_periods_) {
    if (p == std::string_view(ym, 7))
      throw Error(ErrorKind::kPeriodClosed, "the " + std::string(what) + " " + iso + " falls in a closed period (" + p + ")", {},
                  "reopen it with `otc reopen --period " + p + " --reason ...`");
  }
}

void SqliteLedger::set_period_lock(std::string_view period, bool locked) {
  Statement s(db_.handle(),
              "INSERT INTO period_locks(period, locked, changed_at) VALUES(?1, ?2, ?3)"
              " ON CONFLICT(period) DO UPDATE SET locked=excluded.locked, changed_at=excluded.changed_at");
  std::string now = utc_timestamp();
  s.bind(1, period).bind(2, locked ? 1 : 0).bind(3, now);
  s.step();
  locks_loaded_ = false;
}

}  // namespace otc::store::sqlite
