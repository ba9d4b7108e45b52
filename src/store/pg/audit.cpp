// The PostgreSQL audit role: import batches, the audit log, the activity mark (a port of
// src/store/sqlite/audit.cpp).
#include "pg_ledger.hpp"

namespace otc::store::pg {

std::optional<BatchInfo> PgLedger::find_batch(std::string_view kind, std::string_view sha) {
  Result s = db_.run("SELECT id, file_name, created_at, rows_added FROM import_batches WHERE kind=$1 AND sha256=$2 ORDER BY id LIMIT 1",
                     {kind, sha});
  if (!s.next()) return std::nullopt;
  return BatchInfo{s.int64(0), std::string(s.text(1)), std::string(s.text(2)), s.int64(3)};
}

std::int64_t PgLedger::add_batch(std::string_view kind, std::string_view file, std::string_view sha, std::string_view command) {
  std::string now = utc_timestamp();
  Result s = db_.run("INSERT INTO import_batches(id, kind, file_name, sha256, command, created_at)"
                     " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM import_batches),$1,$2,$3,$4,$5) RETURNING id",
                     {kind, file, sha, command, now});
  s.next();
  return s.int64(0);
}

void PgLedger::finish_batch(std::int64_t id, std::int64_t read, std::int64_t added) {
  db_.run("UPDATE import_batches SET rows_read=$2, rows_added=$3 WHERE id=$1", {id, read, added});
}

void PgLedger::audit(const AuditEntry& e) {
  std::string now = utc_timestamp();
  db_.run("INSERT INTO audit_log(id, at, command, action, entity, entity_id, detail, file_name, sha256, batch_id)"
          " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM audit_log),$1,$2,$3,$4,$5,$6,$7,$8,$9)",
          {now, e.command, e.action, e.entity, Param::opt(e.entity_id), Param::opt(e.detail), Param::opt(e.file_name),
           Param::opt(e.sha256), e.batch_id ? Param(e.batch_id) : Param::null()});
}

void PgLedger::note_activity(core::Date d) {
  if (!pending_activity_ || d > *pending_activity_) pending_activity_ = d;
}

void PgLedger::for_each_audit(std::string_view since, std::string_view command,
                                  const std::function<void(const AuditRecord&)>& fn) {
  Result s = db_.run(
              "SELECT id, at, command, action, entity, COALESCE(entity_id,''), COALESCE(detail,''), COALESCE(file_name,''),"
              " COALESCE(sha256,''), COALESCE(batch_id,0) FROM audit_log WHERE at >= $1 AND strpos(command, $2::text) > 0 ORDER BY id",
              {since, command});
  AuditRecord r;
  while (s.next()) {
    r.id = s.int64(0);
    r.at.assign(s.text(1));
    r.entry.command.assign(s.text(2));
    r.entry.action.assign(s.text(3));
    r.entry.entity.assign(s.text(4));
    r.entry.entity_id.assign(s.text(5));
    r.entry.detail.assign(s.text(6));
    r.entry.file_name.assign(s.text(7));
    r.entry.sha256.assign(s.text(8));
    r.entry.batch_id = s.int64(9);
    fn(r);
  }
}

std::optional<BatchInfo> PgLedger::batch(std::int64_t batch_id) {
  Result s = db_.run("SELECT id, file_name, created_at, COALESCE(rows_added,0) FROM import_batches WHERE id = $1", {batch_id});
  if (!s.next()) return std::nullopt;
  return BatchInfo{s.int64(0), std::string(s.text(1)), std::string(s.text(2)), s.int64(3)};
}

void PgLedger::for_each_batch_record(std::int64_t batch_id, const std::function<void(const BatchRecord&)>& fn) {
  // One query per kind of record, oldest first; the columns line up with BatchRecord.
  static const char* const kQueries[] = {
      "SELECT 'customer', c.external_id, c.external_id, '', '', '', '', 0, COALESCE(c.currency,''), c.name"
      " FROM customers c WHERE c.batch_id = $1 ORDER BY c.id",
      "SELECT 'invoice', i.external_id, c.external_id, i.invoice_date, i.due_date, '', '', i.total_minor, i.currency, i.status"
      " FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.batch_id = $1 ORDER BY i.id",
      "SELECT 'payment', p.external_id, COALESCE(c.external_id,''), p.received_date, '', '', '', p.amount_minor, p.currency, ''"
      " FROM payments p LEFT JOIN customers c ON c.id = p.customer_id WHERE p.batch_id = $1 ORDER BY p.id",
      "SELECT 'application', CAST(a.id AS TEXT), c.external_id, a.applied_on, '', i.external_id, COALESCE(p.external_id,''),"
      " a.amount_minor, i.currency, a.rule || CASE WHEN a.note IS NULL OR a.note = '' THEN '' ELSE ': ' || a.note END"
      " FROM applications a JOIN invoices i ON i.id = a.invoice_id JOIN customers c ON c.id = i.customer_id"
      " LEFT JOIN payments p ON p.id = a.payment_id WHERE a.batch_id = $1 ORDER BY a.id",
  };
  BatchRecord r;
  for (const char* sql : kQueries) {
    Result s = db_.run(sql, {batch_id});
    while (s.next()) {
      r.record.assign(s.text(0));
      r.id.assign(s.text(1));
      r.customer_id.assign(s.text(2));
      r.date.assign(s.text(3));
      r.due_date.assign(s.text(4));
      r.invoice_id.assign(s.text(5));
      r.payment_id.assign(s.text(6));
      r.amount_minor = s.int64(7);
      r.currency.assign(s.text(8));
      r.detail.assign(s.text(9));
      fn(r);
    }
  }
}

}  // namespace otc::store::pg
