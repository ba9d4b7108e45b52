// The PostgreSQL periods role: period locks (a port of src/store/sqlite/periods.cpp).
#include "pg_ledger.hpp"

#include "otc/core/error.hpp"

namespace otc::store::pg {

using core::Error;
using core::ErrorKind;

// Closing a period locks it and every date before it (a lock date, as ERPs keep one): the lock
// date is the last day of the latest locked period. Reopening a period reopens it and every later one.

bool PgLedger::period_locked(std::string_view period) {
  return !db_.run("SELECT 1 FROM period_locks WHERE locked = 1 AND period >= $1 LIMIT 1", {period}).empty();
}

std::vector<std::string> PgLedger::closed_periods_from(std::string_view period) {
  Result s = db_.run("SELECT period FROM period_locks WHERE locked = 1 AND period >= $1 ORDER BY period", {period});
  std::vector<std::string> out;
  while (s.next()) out.emplace_back(s.text(0));
  return out;
}

void PgLedger::ensure_period_open(core::Date d, std::string_view what) {
  if (!locks_loaded_) {
    locked_periods_.clear();
    Result s = db_.run("SELECT period FROM period_locks WHERE locked = 1 ORDER BY period DESC LIMIT 1");
    while (s.next()) locked_periods_.emplace_back(s.text(0));
    locks_loaded_ = true;
  }
  if (locked_periods_.empty()) return;
  const std::string& latest = locked_periods_.front();  // the lock date is this period's last day
  std::string iso = d.iso();
  std::string_view ym(iso.data(), 7);
  if (ym > std::string_view(latest)) return;
  if (ym == std::string_view(latest))
    throw Error(ErrorKind::kPeriodClosed, "the " + std::string(what) + " " + iso + " falls in a closed period (" + latest + ")", {},
                "reopen it with `otc reopen --period " + latest + " --reason ...`");
  std::string period(ym);
  throw Error(ErrorKind::kPeriodClosed,
              "the " + std::string(what) + " " + iso + " is before the lock date (" + latest + " is closed, which locks " + period +
                  " and every earlier period)",
              {}, "reopen from that period with `otc reopen --period " + period + " --reason ...`");
}

void PgLedger::set_period_lock(std::string_view period, bool locked) {
  std::string now = utc_timestamp();
  if (locked) {
    db_.run("INSERT INTO period_locks(period, locked, changed_at) VALUES($1, 1, $2)"
            " ON CONFLICT(period) DO UPDATE SET locked=excluded.locked, changed_at=excluded.changed_at",
            {period, now});
  } else {
    // Reopening a period reopens every later one too: a lock date cannot have a hole.
    db_.run("UPDATE period_locks SET locked = 0, changed_at = $2 WHERE period >= $1 AND locked = 1", {period, now});
  }
  locks_loaded_ = false;
}

}  // namespace otc::store::pg
