-- PostgreSQL form of src/store/migrations/0007_fx.sql: the same tables, columns, keys and rules.
-- Integers and money BIGINT; text COLLATE "C" (byte order, as SQLite sorts); dates ISO text.
-- Foreign exchange (issue 11). The functional currency is the one leadership reads AR in
-- (`otc init --functional USD`); rates convert other currencies to it (`otc fx import`).
ALTER TABLE ledger_meta ADD COLUMN functional_currency TEXT COLLATE "C" NOT NULL DEFAULT 'USD';

-- One rate per currency and day: units of the functional currency for one unit of `currency`,
-- effective from rate_date until the next rate. Rates are exact decimal text, never floats.
CREATE TABLE fx_rates (
  currency  TEXT COLLATE "C" NOT NULL,
  rate_date TEXT COLLATE "C" NOT NULL,            -- YYYY-MM-DD
  rate      TEXT COLLATE "C" NOT NULL,            -- e.g. '1.0825'
  batch_id  BIGINT REFERENCES import_batches(id),
  PRIMARY KEY (currency, rate_date)
);
