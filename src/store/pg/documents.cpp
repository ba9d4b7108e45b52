// The documents role on PostgreSQL (a port of src/store/sqlite/documents.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

PutResult PgLedger::put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash, std::int64_t batch, long line) { not_yet("put_invoice"); }
std::optional<InvoiceRef> PgLedger::find_invoice(std::string_view ext) { not_yet("find_invoice"); }
std::string PgLedger::customer_currency(std::string_view customer_external_id) { not_yet("customer_currency"); }
std::optional<std::pair<std::int64_t, core::Date>> PgLedger::opening_balance_of(std::int64_t invoice_id) { not_yet("opening_balance_of"); }
PutResult PgLedger::put_credit_memo_record(const domain::Invoice& memo, std::int64_t customer_id, std::string_view reason, std::uint64_t hash, std::int64_t batch, long line) { not_yet("put_credit_memo_record"); }
std::int64_t PgLedger::credit_memo_open(std::int64_t memo_id) { not_yet("credit_memo_open"); }
void PgLedger::apply_credit_memo(std::int64_t memo_id, std::int64_t invoice_id, std::int64_t amount, core::Date on, std::int64_t batch) { not_yet("apply_credit_memo"); }
std::optional<InvoiceRef> PgLedger::find_customer_invoice_by_number(std::int64_t customer_id, std::string_view number) { not_yet("find_customer_invoice_by_number"); }
void PgLedger::put_imported_lines(std::int64_t invoice_id, const std::vector<BilledLineRecord>& lines) { not_yet("put_imported_lines"); }
std::vector<core::Money> PgLedger::open_credit_totals(core::Date as_of) { not_yet("open_credit_totals"); }
void PgLedger::for_each_period_document(core::Date from, core::Date to, const std::function<void(std::string_view, const core::Currency&, std::string_view)>& fn) { not_yet("for_each_period_document"); }

}  // namespace otc::store::pg
