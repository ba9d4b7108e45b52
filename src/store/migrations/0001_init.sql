-- otc ledger, version 1. Amounts are integer minor units; dates are ISO text (YYYY-MM-DD),
-- which sort and compare correctly as text. History is never edited: corrections are new rows.

-- One row: facts the ledger keeps about itself. max_activity is the latest date of anything
-- that changed a balance; reports as of that date or later need no history.
CREATE TABLE ledger_meta (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  max_activity TEXT NOT NULL DEFAULT '0000-00-00'
);
INSERT INTO ledger_meta(id) VALUES (1);

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,            -- customers | invoices | payments | contracts | usage | bank | ...
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  rows_read   INTEGER NOT NULL DEFAULT 0,
  rows_added  INTEGER NOT NULL DEFAULT 0,
  command     TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX import_batches_sha ON import_batches(kind, sha256);

CREATE TABLE customers (
  id           INTEGER PRIMARY KEY,
  external_id  TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL DEFAULT '',
  currency     TEXT,
  terms_days   INTEGER,
  credit_limit INTEGER,
  email        TEXT,
  bank_account TEXT,
  stub         INTEGER NOT NULL DEFAULT 0,   -- 1: created from an invoice/payment row, details to come
  content_hash INTEGER NOT NULL DEFAULT 0,
  batch_id     INTEGER REFERENCES import_batches(id),
  source_line  INTEGER
);

CREATE TABLE invoices (
  id            INTEGER PRIMARY KEY,
  external_id   TEXT NOT NULL UNIQUE,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  currency      TEXT NOT NULL,
  invoice_date  TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  total_minor   INTEGER NOT NULL,
  open_minor    INTEGER NOT NULL,      -- kept current as applications post
  last_activity TEXT NOT NULL,         -- latest date of anything that changed the balance
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','void')),
  po_number     TEXT,
  content_hash  INTEGER NOT NULL DEFAULT 0,
  batch_id      INTEGER REFERENCES import_batches(id),
  source_line   INTEGER
);
-- Open items: a covering index led by the rowid, so that inserts append and "as of now" reports
-- read only this index, never the table.
CREATE INDEX invoices_open ON invoices(id, customer_id, currency, invoice_date, due_date, total_minor, open_minor, external_id)
  WHERE open_minor <> 0 AND status = 'open';

CREATE TABLE invoice_lines (
  invoice_id    INTEGER NOT NULL REFERENCES invoices(id),
  line_no       INTEGER NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  quantity      TEXT,
  unit_price    TEXT,
  amount_minor  INTEGER NOT NULL,
  tax_minor     INTEGER NOT NULL DEFAULT 0,
  service_from  TEXT,
  service_to    TEXT,
  PRIMARY KEY (invoice_id, line_no)
) WITHOUT ROWID;

CREATE TABLE credit_memos (
  id           INTEGER PRIMARY KEY,
  external_id  TEXT NOT NULL UNIQUE,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  invoice_id   INTEGER REFERENCES invoices(id),
  currency     TEXT NOT NULL,
  memo_date    TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  open_minor   INTEGER NOT NULL,
  last_activity TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  batch_id     INTEGER REFERENCES import_batches(id)
);

CREATE TABLE payments (
  id             INTEGER PRIMARY KEY,
  external_id    TEXT NOT NULL UNIQUE,  -- import id, or a key built from bank reference + date + amount
  customer_id    INTEGER REFERENCES customers(id),
  currency       TEXT NOT NULL,
  received_date  TEXT NOT NULL,
  amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
  unapplied_minor INTEGER NOT NULL,     -- kept current as applications post
  last_activity  TEXT NOT NULL,
  method         TEXT,
  reference      TEXT,
  payer_name     TEXT,
  payer_account  TEXT,
  status         TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted','reversed')),
  content_hash   INTEGER NOT NULL DEFAULT 0,
  batch_id       INTEGER REFERENCES import_batches(id),
  source_line    INTEGER
);
CREATE INDEX payments_unapplied ON payments(status) WHERE unapplied_minor <> 0;

-- Adjustments reduce (or, negative, increase) an invoice's balance without cash: write-offs,
-- short-pay deductions, small-balance clearing.
CREATE TABLE adjustments (
  id           INTEGER PRIMARY KEY,
  invoice_id   INTEGER NOT NULL REFERENCES invoices(id),
  kind         TEXT NOT NULL,            -- write_off | deduction | other
  reason_code  TEXT NOT NULL DEFAULT '',
  amount_minor INTEGER NOT NULL,
  adj_date     TEXT NOT NULL,
  note         TEXT,
  batch_id     INTEGER REFERENCES import_batches(id)
);

-- Every change to an invoice's balance from cash or credit. An unapply/reversal is a new row
-- with the opposite sign pointing at the row it reverses; rows are never updated or deleted.
CREATE TABLE applications (
  id             INTEGER PRIMARY KEY,
  invoice_id     INTEGER NOT NULL REFERENCES invoices(id),
  payment_id     INTEGER REFERENCES payments(id),
  credit_memo_id INTEGER REFERENCES credit_memos(id),
  amount_minor   INTEGER NOT NULL,
  applied_on     TEXT NOT NULL,
  rule           TEXT NOT NULL DEFAULT 'import',
  confidence     INTEGER NOT NULL DEFAULT 100,
  reverses_id    INTEGER REFERENCES applications(id),
  batch_id       INTEGER REFERENCES import_batches(id),
  CHECK ((payment_id IS NULL) <> (credit_memo_id IS NULL))
);
CREATE INDEX applications_invoice ON applications(invoice_id, applied_on);
CREATE INDEX applications_payment ON applications(payment_id, applied_on);
CREATE INDEX applications_credit ON applications(credit_memo_id) WHERE credit_memo_id IS NOT NULL;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  command   TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  detail    TEXT,
  file_name TEXT,
  sha256    TEXT,
  batch_id  INTEGER REFERENCES import_batches(id)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER applications_no_update BEFORE UPDATE ON applications
  BEGIN SELECT RAISE(ABORT, 'applications are never edited: post a reversal'); END;
CREATE TRIGGER applications_no_delete BEFORE DELETE ON applications
  BEGIN SELECT RAISE(ABORT, 'applications are never deleted: post a reversal'); END;
