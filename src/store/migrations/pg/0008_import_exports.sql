-- PostgreSQL form of src/store/migrations/0008_import_exports.sql: the same tables, columns, keys and rules.
-- Integers and money BIGINT; text COLLATE "C" (byte order, as SQLite sorts); dates ISO text.
-- Imports of ERP and CRM exports (issue 13). Credit memos read from invoice exports keep their
-- content hash and source line (idempotent re-import, conflicts named). Opening applications (an
-- invoice imported with an open balance below its amount) are adjustments of kind 'opening'.
-- A closed period locks every earlier date: period_locks rows are read as a lock date.
ALTER TABLE credit_memos ADD COLUMN content_hash BIGINT NOT NULL DEFAULT 0;
ALTER TABLE credit_memos ADD COLUMN source_line BIGINT;
CREATE INDEX credit_memos_open ON credit_memos(customer_id, currency) WHERE open_minor <> 0;
CREATE INDEX adjustments_invoice_kind ON adjustments(invoice_id, kind);
