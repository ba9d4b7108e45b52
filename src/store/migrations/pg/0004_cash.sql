-- PostgreSQL form of src/store/migrations/0004_cash.sql: the same tables, columns, keys and rules.
-- Integers and money BIGINT; text COLLATE "C" (byte order, as SQLite sorts); dates ISO text.
-- Cash application: receipts read from bank files, learned payer aliases, suggestions for the
-- unapplied queue, and notes on corrections.
ALTER TABLE payments ADD COLUMN bank_key TEXT COLLATE "C";      -- natural key of a bank transaction (idempotency)
ALTER TABLE payments ADD COLUMN remittance TEXT COLLATE "C";    -- remittance references and text as read
ALTER TABLE payments ADD COLUMN reversed_on TEXT COLLATE "C";   -- date a returned/charged-back payment was reversed
ALTER TABLE payments ADD COLUMN reverse_reason TEXT COLLATE "C";
CREATE UNIQUE INDEX payments_bank_key ON payments(bank_key) WHERE bank_key IS NOT NULL;

ALTER TABLE applications ADD COLUMN note TEXT COLLATE "C";      -- why (unapply/reversal reason, deduction)

CREATE TABLE customer_aliases (
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  alias       TEXT COLLATE "C" NOT NULL,                        -- normalised payer name
  source      TEXT COLLATE "C" NOT NULL,                        -- how it was learned (rule, manual)
  PRIMARY KEY (customer_id, alias)
);

-- A cache the latest apply-cash run writes for each unapplied payment (not history).
CREATE TABLE unapplied_suggestions (
  payment_id BIGINT NOT NULL REFERENCES payments(id),
  rank       BIGINT NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL,                          -- invoice | customer
  target     TEXT COLLATE "C" NOT NULL,                          -- invoice number or customer id
  score      BIGINT NOT NULL,
  why        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (payment_id, rank)
);
