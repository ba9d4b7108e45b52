-- PostgreSQL form of src/store/migrations/0003_periods.sql: the same tables, columns, keys and rules.
-- Integers and money BIGINT; text COLLATE "C" (byte order, as SQLite sorts); dates ISO text.
-- Period close. A locked period (YYYY-MM) accepts no posting dated in it. The store checks every
-- posting against this table (LedgerStore::ensure_period_open); reopening is audited.
CREATE TABLE period_locks (
  period     TEXT COLLATE "C" PRIMARY KEY,        -- YYYY-MM
  locked     BIGINT NOT NULL CHECK (locked IN (0, 1)),
  changed_at TEXT COLLATE "C" NOT NULL
);
