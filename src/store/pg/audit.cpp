// The audit role on PostgreSQL (a port of src/store/sqlite/audit.cpp).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

std::optional<BatchInfo> PgLedger::find_batch(std::string_view kind, std::string_view sha) { not_yet("find_batch"); }
std::int64_t PgLedger::add_batch(std::string_view kind, std::string_view file, std::string_view sha, std::string_view command) { not_yet("add_batch"); }
void PgLedger::finish_batch(std::int64_t id, std::int64_t read, std::int64_t added) { not_yet("finish_batch"); }
void PgLedger::audit(const AuditEntry& e) { not_yet("audit"); }
void PgLedger::note_activity(core::Date d) { not_yet("note_activity"); }
void PgLedger::for_each_audit(std::string_view since, std::string_view command, const std::function<void(const AuditRecord&)>& fn) { not_yet("for_each_audit"); }
std::optional<BatchInfo> PgLedger::batch(std::int64_t batch_id) { not_yet("batch"); }
void PgLedger::for_each_batch_record(std::int64_t batch_id, const std::function<void(const BatchRecord&)>& fn) { not_yet("for_each_batch_record"); }

}  // namespace otc::store::pg
