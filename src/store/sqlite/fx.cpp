// The SQLite fx role: the functional currency and the rates table.
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {

std::string SqliteLedger::functional_currency() {
  Statement s(db_.handle(), "SELECT functional_currency FROM ledger_meta WHERE id = 1");
  std::string out = s.step() ? std::string(s.text(0)) : std::string("USD");
  s.reset();
  return out;
}

void SqliteLedger::set_functional_currency(std::string_view code) {
  Statement s(db_.handle(), "UPDATE ledger_meta SET functional_currency = ?1 WHERE id = 1");
  s.bind(1, code);
  s.step();
}

FxPut SqliteLedger::put_fx_rate(const FxRateRecord& r, std::int64_t batch_id, std::string& existing) {
  DateText day(r.date);
  {
    Statement q(db_.handle(), "SELECT rate FROM fx_rates WHERE currency = ?1 AND rate_date = ?2");
    q.bind(1, r.currency).bind(2, day.text);
    if (q.step()) {
      existing = std::string(q.text(0));
      q.reset();
      return existing == r.rate ? FxPut::kSame : FxPut::kConflict;
    }
  }
  Statement s(db_.handle(), "INSERT INTO fx_rates(currency, rate_date, rate, batch_id) VALUES(?1, ?2, ?3, ?4)");
  s.bind(1, r.currency).bind(2, day.text).bind(3, r.rate);
  if (batch_id > 0) s.bind(4, batch_id);
  else s.bind_null(4);
  s.step();
  return FxPut::kAdded;
}

std::vector<FxRateRecord> SqliteLedger::fx_rates() {
  Statement s(db_.handle(), "SELECT currency, rate_date, rate FROM fx_rates ORDER BY currency, rate_date");
  std::vector<FxRateRecord> out;
  while (s.step()) out.push_back({date_of(s.text(1)), std::string(s.text(0)), std::string(s.text(2))});
  return out;
}

}  // namespace otc::store::sqlite
