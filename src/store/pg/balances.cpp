// The balances role on PostgreSQL (a port of src/store/sqlite/balances.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

void PgLedger::for_each_open_item(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) { not_yet("for_each_open_item"); }
void PgLedger::for_each_unapplied(core::Date as_of, const std::function<void(const domain::UnappliedCredit&)>& fn) { not_yet("for_each_unapplied"); }
void PgLedger::for_each_unapplied_payment(core::Date as_of, const std::function<void(const UnappliedPayment&)>& fn) { not_yet("for_each_unapplied_payment"); }
void PgLedger::for_each_invoice_total(core::Date from, core::Date to, const std::function<void(const InvoiceTotal&)>& fn) { not_yet("for_each_invoice_total"); }
std::vector<PeriodMovements> PgLedger::movements(core::Date from, core::Date to) { not_yet("movements"); }
std::vector<ReceiptRecord> PgLedger::receipts(core::Date from, core::Date to) { not_yet("receipts"); }
std::optional<core::Date> PgLedger::latest_fact_date() { not_yet("latest_fact_date"); }

}  // namespace otc::store::pg
