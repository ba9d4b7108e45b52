-- Imports of ERP and CRM exports (issue 13). Credit memos read from invoice exports keep their
-- content hash and source line (idempotent re-import, conflicts named). Opening applications (an
-- invoice imported with an open balance below its amount) are adjustments of kind 'opening'.
-- A closed period locks every earlier date: period_locks rows are read as a lock date.
ALTER TABLE credit_memos ADD COLUMN content_hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE credit_memos ADD COLUMN source_line INTEGER;
CREATE INDEX credit_memos_open ON credit_memos(customer_id, currency) WHERE open_minor <> 0;
CREATE INDEX adjustments_invoice_kind ON adjustments(invoice_id, kind);
