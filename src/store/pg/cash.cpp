// The cash role on PostgreSQL (a port of src/store/sqlite/cash.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

PutResult PgLedger::put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id, std::uint64_t hash, std::int64_t batch, long line) { not_yet("put_payment"); }
std::optional<PaymentRef> PgLedger::find_payment(std::string_view ext) { not_yet("find_payment"); }
bool PgLedger::has_application(std::int64_t payment_id, std::int64_t invoice_id) { not_yet("has_application"); }
std::int64_t PgLedger::apply(const ApplicationDraft& d) { not_yet("apply"); }
bool PgLedger::bank_key_exists(std::string_view key) { not_yet("bank_key_exists"); }
void PgLedger::add_adjustment(std::int64_t invoice_id, std::string_view kind, std::string_view reason, std::int64_t amount, core::Date date, std::int64_t batch) { not_yet("add_adjustment"); }
std::vector<ApplicationRecord> PgLedger::applications_of_payment(std::int64_t payment_id) { not_yet("applications_of_payment"); }
std::optional<ApplicationRecord> PgLedger::find_application(std::int64_t id) { not_yet("find_application"); }
void PgLedger::mark_payment_reversed(std::int64_t payment_id, core::Date on, std::string_view reason) { not_yet("mark_payment_reversed"); }
void PgLedger::set_payment_customer(std::int64_t payment_id, std::int64_t customer_id) { not_yet("set_payment_customer"); }
void PgLedger::replace_suggestions(std::int64_t payment_id, const std::vector<Suggestion>& list) { not_yet("replace_suggestions"); }
std::vector<PaymentCandidate> PgLedger::payments_with_amount(std::int64_t amount, const core::Currency& ccy, core::Date from, core::Date to) { not_yet("payments_with_amount"); }

}  // namespace otc::store::pg
