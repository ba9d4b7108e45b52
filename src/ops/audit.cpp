#include "otc/ops/invocation.hpp"

namespace otc::ops {

store::AuditEntry audit_entry(const Invocation& inv, std::string action, std::string entity, std::string entity_id,
                              std::string detail) {
  store::AuditEntry e;
  e.command = inv.command_line;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.detail = std::move(detail);
  return e;
}

store::AuditEntry audit_entry_for_file(const Invocation& inv, std::string action, std::string entity, std::string detail,
                                       std::string file_name, std::string sha256, std::int64_t batch_id) {
  store::AuditEntry e = audit_entry(inv, std::move(action), std::move(entity), {}, std::move(detail));
  e.file_name = std::move(file_name);
  e.sha256 = std::move(sha256);
  e.batch_id = batch_id;
  return e;
}

}  // namespace otc::ops
