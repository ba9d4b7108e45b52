-- Period close. A locked period (YYYY-MM) accepts no posting dated in it. The store checks every
-- posting against this table (LedgerStore::ensure_period_open); reopening is audited.
CREATE TABLE period_locks (
  period     TEXT PRIMARY KEY,        -- YYYY-MM
  locked     INTEGER NOT NULL CHECK (locked IN (0, 1)),
  changed_at TEXT NOT NULL
);
