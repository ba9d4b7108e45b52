-- Collections and disputes (docs/collections.md): contact notes, promises to pay and payment
-- plans, disputes, dunning notices sent, escalations. Facts only, dated, never edited except a
-- dispute's resolution, which is written once.

-- A contact with the customer. The same customer, date, type and text is one note.
CREATE TABLE collection_notes (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  invoice_id  INTEGER REFERENCES invoices(id),
  note_date   TEXT NOT NULL,
  kind        TEXT NOT NULL,              -- call | email | meeting | letter
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (customer_id, note_date, kind, body)
);

-- A payment plan: a series of promises (its installments).
CREATE TABLE payment_plans (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  currency     TEXT NOT NULL,
  total_minor  INTEGER NOT NULL CHECK (total_minor > 0),
  installments INTEGER NOT NULL CHECK (installments > 0),
  every        TEXT NOT NULL CHECK (every = 'month' OR every = 'week'),
  first_date   TEXT NOT NULL,
  made_on      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (customer_id, currency, total_minor, installments, every, first_date)
);

-- A promise to pay `amount_minor` by `due_date`, made on `made_on`; `invoices` lists the invoice
-- ids it covers (comma separated, ascending; '' = the customer's account in that currency).
CREATE TABLE promises (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  currency     TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  made_on      TEXT NOT NULL,
  due_date     TEXT NOT NULL,
  invoices     TEXT NOT NULL DEFAULT '',
  plan_id      INTEGER REFERENCES payment_plans(id),
  installment  INTEGER,
  created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX promises_key ON promises(customer_id, currency, amount_minor, due_date, invoices, COALESCE(plan_id, 0));

-- A dispute of (part of) an invoice. Open until resolved_on.
CREATE TABLE disputes (
  id              INTEGER PRIMARY KEY,
  invoice_id      INTEGER NOT NULL REFERENCES invoices(id),
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  reason          TEXT NOT NULL,
  owner           TEXT NOT NULL,
  opened_on       TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  resolved_on     TEXT,
  outcome         TEXT,                   -- credit | rebill | reject | paid
  resolution_note TEXT,
  credit_memo     TEXT,
  created_at      TEXT NOT NULL,
  UNIQUE (invoice_id, opened_on, amount_minor, reason)
);
CREATE INDEX disputes_invoice ON disputes(invoice_id);

-- A dunning notice sent: the level reached for a customer in a currency, and the invoices it
-- listed (comma-separated invoice ids).
CREATE TABLE dunning_notices (
  id             INTEGER PRIMARY KEY,
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  currency       TEXT NOT NULL,
  level          INTEGER NOT NULL,
  sent_on        TEXT NOT NULL,
  template       TEXT NOT NULL,
  channel        TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  past_due_minor INTEGER NOT NULL,
  invoices       TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (customer_id, currency, level, invoices)
);

-- An escalation rule applied to a customer in a currency (by `collect list`): once per rule.
CREATE TABLE escalations (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  currency     TEXT NOT NULL,
  rule         TEXT NOT NULL,
  owner        TEXT NOT NULL,
  escalated_on TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (customer_id, currency, rule)
);

-- A write-off's approver (the adjustment itself is in `adjustments`, kind 'write_off').
CREATE TABLE write_off_approvals (
  adjustment_id INTEGER PRIMARY KEY REFERENCES adjustments(id),
  approved_by   TEXT NOT NULL
);
