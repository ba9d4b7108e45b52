-- Cash application: receipts read from bank files, learned payer aliases, suggestions for the
-- unapplied queue, and notes on corrections.
ALTER TABLE payments ADD COLUMN bank_key TEXT;      -- natural key of a bank transaction (idempotency)
ALTER TABLE payments ADD COLUMN remittance TEXT;    -- remittance references and text as read
ALTER TABLE payments ADD COLUMN reversed_on TEXT;   -- date a returned/charged-back payment was reversed
ALTER TABLE payments ADD COLUMN reverse_reason TEXT;
CREATE UNIQUE INDEX payments_bank_key ON payments(bank_key) WHERE bank_key IS NOT NULL;

ALTER TABLE applications ADD COLUMN note TEXT;      -- why (unapply/reversal reason, deduction)

CREATE TABLE customer_aliases (
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  alias       TEXT NOT NULL,                        -- normalised payer name
  source      TEXT NOT NULL,                        -- how it was learned (rule, manual)
  PRIMARY KEY (customer_id, alias)
) WITHOUT ROWID;

-- A cache the latest apply-cash run writes for each unapplied payment (not history).
CREATE TABLE unapplied_suggestions (
  payment_id INTEGER NOT NULL REFERENCES payments(id),
  rank       INTEGER NOT NULL,
  kind       TEXT NOT NULL,                          -- invoice | customer
  target     TEXT NOT NULL,                          -- invoice number or customer id
  score      INTEGER NOT NULL,
  why        TEXT NOT NULL,
  PRIMARY KEY (payment_id, rank)
) WITHOUT ROWID;
