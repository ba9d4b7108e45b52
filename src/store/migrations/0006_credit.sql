-- Credit control and customer communication (issue 10): limits set by `otc credit set` (they
-- override the customers file's credit_limit for their currency), the history of manual holds and
-- releases (append-only: the state at a date is the latest event dated on or before it), and the
-- seller profile `otc init --seller-file` keeps for statements and receipts. docs/credit.md.
CREATE TABLE credit_limits (
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  currency    TEXT NOT NULL,
  limit_minor INTEGER NOT NULL CHECK (limit_minor >= 0),
  review_by   TEXT,                      -- credit review due on this day (YYYY-MM-DD)
  set_on      TEXT NOT NULL,             -- the day the limit was set
  changed_at  TEXT NOT NULL,             -- UTC timestamp of the change
  PRIMARY KEY (customer_id, currency)
) WITHOUT ROWID;

CREATE TABLE credit_holds (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  action       TEXT NOT NULL CHECK (action = 'hold' OR action = 'release'),
  effective_on TEXT NOT NULL,
  until        TEXT,                     -- release: automatic holds are overridden through this day
  reason       TEXT NOT NULL,
  at           TEXT NOT NULL
);
CREATE INDEX credit_holds_customer ON credit_holds(customer_id, effective_on, id);
CREATE TRIGGER credit_holds_no_update BEFORE UPDATE ON credit_holds
  BEGIN SELECT RAISE(ABORT, 'credit holds are never edited: record a release'); END;
CREATE TRIGGER credit_holds_no_delete BEFORE DELETE ON credit_holds
  BEGIN SELECT RAISE(ABORT, 'credit holds are never deleted: record a release'); END;

CREATE TABLE seller_profile (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  file_name TEXT NOT NULL,
  content   TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
