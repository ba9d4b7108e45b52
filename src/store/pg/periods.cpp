// The periods role on PostgreSQL (a port of src/store/sqlite/periods.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

bool PgLedger::period_locked(std::string_view period) { not_yet("period_locked"); }
std::vector<std::string> PgLedger::closed_periods_from(std::string_view period) { not_yet("closed_periods_from"); }
void PgLedger::ensure_period_open(core::Date d, std::string_view what) { not_yet("ensure_period_open"); }
void PgLedger::set_period_lock(std::string_view period, bool locked) { not_yet("set_period_lock"); }

}  // namespace otc::store::pg
