// The fx role on PostgreSQL (a port of src/store/sqlite/fx.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

std::string PgLedger::functional_currency() { not_yet("functional_currency"); }
void PgLedger::set_functional_currency(std::string_view code) { not_yet("set_functional_currency"); }
FxPut PgLedger::put_fx_rate(const FxRateRecord& r, std::int64_t batch_id, std::string& existing) { not_yet("put_fx_rate"); }
std::vector<FxRateRecord> PgLedger::fx_rates() { not_yet("fx_rates"); }

}  // namespace otc::store::pg
