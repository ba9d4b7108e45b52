// The parties role on PostgreSQL (a port of src/store/sqlite/parties.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

PutResult PgLedger::put_customer(const domain::Customer& c, std::uint64_t hash, std::int64_t batch, long line) { not_yet("put_customer"); }
std::int64_t PgLedger::ensure_customer(std::string_view ext, std::string_view name, std::int64_t batch, long line) { not_yet("ensure_customer"); }
std::optional<std::int64_t> PgLedger::find_customer(std::string_view ext) { not_yet("find_customer"); }
std::optional<int> PgLedger::customer_terms(std::int64_t id) { not_yet("customer_terms"); }
void PgLedger::for_each_customer(const std::function<void(const CustomerRecord&)>& fn) { not_yet("for_each_customer"); }
void PgLedger::for_each_alias(const std::function<void(std::int64_t, const std::string&)>& fn) { not_yet("for_each_alias"); }
void PgLedger::add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) { not_yet("add_alias"); }

}  // namespace otc::store::pg
