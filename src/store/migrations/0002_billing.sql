-- Billing: contracts and their amendments, metered usage, the charges each invoice line bills,
-- invoice and credit-memo number sequences. docs/billing.md describes the rules.
-- CHECKs compare with OR rather than IN (...): an IN list builds a temporary b-tree on every row
-- written, and invoice runs write hundreds of thousands of rows.

-- A contract line: (contract, line) is its natural key. All lines of a contract belong to one
-- customer; `customer` repeats the customer's external id so that billing reads lines in customer
-- order through one index.
CREATE TABLE contract_lines (
  id          INTEGER PRIMARY KEY,
  contract_id TEXT NOT NULL,
  line_id     TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  customer    TEXT NOT NULL,
  UNIQUE (contract_id, line_id)
);
CREATE INDEX contract_lines_customer ON contract_lines(customer, contract_id, line_id, customer_id);

-- The versions of a line: the base row (effective_date '') and its amendments, each with the
-- line's full terms as they stand from its effective date (blank fields of an amendment were
-- filled from the version before it). Quantities and unit prices are millionths; rates are parts
-- per million; tiers are written 'UP_TO_MICROS:PRICE_MICROS;...;inf:PRICE_MICROS'.
CREATE TABLE contract_versions (
  line_ref          INTEGER NOT NULL REFERENCES contract_lines(id),
  effective_date    TEXT NOT NULL,
  product           TEXT NOT NULL,
  metric            TEXT NOT NULL,
  description       TEXT NOT NULL,
  start_date        TEXT NOT NULL,
  end_date          TEXT,
  frequency         TEXT NOT NULL,
  timing            TEXT NOT NULL,
  anchor_day        INTEGER NOT NULL,
  anchor_month      INTEGER,
  price_model       TEXT NOT NULL,
  price_per         TEXT NOT NULL,
  unit_price_micros INTEGER NOT NULL,
  tiers             TEXT NOT NULL,
  quantity_micros   INTEGER NOT NULL,
  discount_kind     TEXT NOT NULL CHECK (discount_kind = 'none' OR discount_kind = 'percent' OR discount_kind = 'amount'),
  discount_value    INTEGER NOT NULL,
  discount_until    TEXT,
  currency          TEXT NOT NULL,
  tax_rate_ppm      INTEGER NOT NULL,
  net_days          INTEGER NOT NULL,
  content_hash      INTEGER NOT NULL,
  batch_id          INTEGER REFERENCES import_batches(id),
  source_file       TEXT NOT NULL DEFAULT '',
  source_line       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (line_ref, effective_date)
) WITHOUT ROWID;

-- Metered usage. An event id is stored once: a repeated event is ignored, never billed twice.
-- `customer` is the record's customer, or for a record naming a contract, the contract's.
CREATE TABLE usage_records (
  id              INTEGER PRIMARY KEY,
  event_id        TEXT NOT NULL UNIQUE,
  contract_id     TEXT NOT NULL DEFAULT '',
  line_id         TEXT NOT NULL DEFAULT '',
  customer        TEXT NOT NULL,
  metric          TEXT NOT NULL DEFAULT '',
  usage_date      TEXT NOT NULL,
  quantity_micros INTEGER NOT NULL,
  batch_id        INTEGER REFERENCES import_batches(id),
  source_line     INTEGER
);
CREATE INDEX usage_records_customer ON usage_records(customer, contract_id, line_id, metric, usage_date);

-- What billed each invoice line: the contract line and the charge's natural key (key date, kind).
ALTER TABLE invoice_lines ADD COLUMN contract_id TEXT;
ALTER TABLE invoice_lines ADD COLUMN contract_line TEXT;
ALTER TABLE invoice_lines ADD COLUMN charge_date TEXT;
ALTER TABLE invoice_lines ADD COLUMN charge_kind TEXT;
ALTER TABLE invoice_lines ADD COLUMN product TEXT;
ALTER TABLE invoice_lines ADD COLUMN days INTEGER;
ALTER TABLE invoice_lines ADD COLUMN full_days INTEGER;
ALTER TABLE invoice_lines ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoice_lines ADD COLUMN tax_rate_ppm INTEGER NOT NULL DEFAULT 0;

-- The billed set: one row per (contract line, charge key) per invoice that billed it. A charge is
-- billed while its invoice has no row in invoice_releases; `invoice run` is given exactly those.
-- Keyed by line so that billing reads a line's keys next to its versions.
CREATE TABLE billed_charges (
  line_ref    INTEGER NOT NULL REFERENCES contract_lines(id),
  charge_date TEXT NOT NULL,
  charge_kind TEXT NOT NULL CHECK (charge_kind = 'recurring' OR charge_kind = 'usage' OR charge_kind = 'adjustment'),
  invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
  PRIMARY KEY (line_ref, charge_date, charge_kind, invoice_id)
) WITHOUT ROWID;

-- An invoice whose charges are unbilled again: voided, or credited in full and rebilled.
CREATE TABLE invoice_releases (
  invoice_id     INTEGER PRIMARY KEY REFERENCES invoices(id),
  kind           TEXT NOT NULL CHECK (kind = 'void' OR kind = 'rebill'),
  released_on    TEXT NOT NULL,
  reason         TEXT NOT NULL,
  credit_memo_id INTEGER REFERENCES credit_memos(id),
  batch_id       INTEGER REFERENCES import_batches(id)
);

-- Credit memos by invoice line (`invoice credit --line N`): a line is credited at most once in full.
CREATE TABLE credit_memo_lines (
  credit_memo_id INTEGER NOT NULL REFERENCES credit_memos(id),
  invoice_id     INTEGER NOT NULL REFERENCES invoices(id),
  line_no        INTEGER NOT NULL,
  amount_minor   INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
) WITHOUT ROWID;

-- Gapless number sequences, one per prefix ('INV-', 'CM-', ...): a number is taken inside the
-- transaction that writes the document, so a rolled-back run leaves no gap.
CREATE TABLE number_sequences (
  prefix     TEXT PRIMARY KEY,
  last_value INTEGER NOT NULL
);

CREATE TRIGGER billed_charges_no_update BEFORE UPDATE ON billed_charges
  BEGIN SELECT RAISE(ABORT, 'billed charges are never edited: void or rebill the invoice'); END;
CREATE TRIGGER billed_charges_no_delete BEFORE DELETE ON billed_charges
  BEGIN SELECT RAISE(ABORT, 'billed charges are never deleted: void or rebill the invoice'); END;
CREATE TRIGGER invoice_lines_no_update BEFORE UPDATE ON invoice_lines
  BEGIN SELECT RAISE(ABORT, 'invoice lines are never edited: credit the invoice'); END;
CREATE TRIGGER invoice_lines_no_delete BEFORE DELETE ON invoice_lines
  BEGIN SELECT RAISE(ABORT, 'invoice lines are never deleted: void or credit the invoice'); END;
