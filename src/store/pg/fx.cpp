// The PostgreSQL fx role: the functional currency and the rates table (a port of
// src/store/sqlite/fx.cpp).
#include "pg_ledger.hpp"

namespace otc::store::pg {

std::string PgLedger::functional_currency() {
  Result s = db_.run("SELECT functional_currency FROM ledger_meta WHERE id = 1");
  return s.next() ? std::string(s.text(0)) : std::string("USD");
}

void PgLedger::set_functional_currency(std::string_view code) {
  db_.run("UPDATE ledger_meta SET functional_currency = $1 WHERE id = 1", {code});
}

FxPut PgLedger::put_fx_rate(const FxRateRecord& r, std::int64_t batch_id, std::string& existing) {
  std::string day = r.date.iso();
  Result q = db_.run("SELECT rate FROM fx_rates WHERE currency = $1 AND rate_date = $2", {r.currency, day});
  if (q.next()) {
    existing = std::string(q.text(0));
    return existing == r.rate ? FxPut::kSame : FxPut::kConflict;
  }
  db_.run("INSERT INTO fx_rates(currency, rate_date, rate, batch_id) VALUES($1, $2, $3, $4)",
          {r.currency, day, r.rate, batch_id > 0 ? Param(batch_id) : Param::null()});
  return FxPut::kAdded;
}

std::vector<FxRateRecord> PgLedger::fx_rates() {
  Result s = db_.run("SELECT currency, rate_date, rate FROM fx_rates ORDER BY currency, rate_date");
  std::vector<FxRateRecord> out;
  while (s.next()) out.push_back({date_of(s.text(1)), std::string(s.text(0)), std::string(s.text(2))});
  return out;
}

}  // namespace otc::store::pg
