-- Open items kept per customer for "as of now" reads (issue 12). derived_open_items holds, for
-- each customer with an open invoice, its open items packed in BLOBs (src/store/sqlite/
-- open_items.cpp writes and reads the layout): one row, or a few after a rebuild of every
-- customer, which writes what it holds whenever that reaches a fixed size (memory stays flat in
-- the ledger's size). It is derived data, rebuilt from invoices, and
-- `otc migrate` does not copy it. The triggers name every customer whose open items changed in
-- derived_open_dirty; the store rewrites those customers' rows before the transaction commits,
-- so a committed ledger has no dirty rows. Customer id -1 means "all of them" (a new ledger from an
-- older schema, a bulk load). A reader uses the kept rows only when no customer is dirty. The
-- triggers test for the mark instead of INSERT OR IGNORE: an outer INSERT OR FAIL (the bulk
-- load's) would override a trigger's conflict clause.
CREATE TABLE derived_open_items (
  customer_id INTEGER NOT NULL,
  items       BLOB NOT NULL
);
CREATE INDEX derived_open_items_customer ON derived_open_items(customer_id);
CREATE TABLE derived_open_dirty (
  customer_id INTEGER PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO derived_open_dirty VALUES (-1);
CREATE TRIGGER derived_open_insert AFTER INSERT ON invoices WHEN NEW.open_minor <> 0 BEGIN
  INSERT INTO derived_open_dirty SELECT NEW.customer_id WHERE NOT EXISTS (SELECT 1 FROM derived_open_dirty WHERE customer_id = NEW.customer_id);
END;
CREATE TRIGGER derived_open_update AFTER UPDATE ON invoices
  WHEN OLD.open_minor IS NOT NEW.open_minor OR OLD.status IS NOT NEW.status OR OLD.customer_id IS NOT NEW.customer_id
    OR OLD.invoice_date IS NOT NEW.invoice_date OR OLD.due_date IS NOT NEW.due_date OR OLD.total_minor IS NOT NEW.total_minor
    OR OLD.currency IS NOT NEW.currency OR OLD.external_id IS NOT NEW.external_id OR OLD.last_activity IS NOT NEW.last_activity
BEGIN
  INSERT INTO derived_open_dirty SELECT NEW.customer_id WHERE NOT EXISTS (SELECT 1 FROM derived_open_dirty WHERE customer_id = NEW.customer_id);
  INSERT INTO derived_open_dirty SELECT OLD.customer_id WHERE NOT EXISTS (SELECT 1 FROM derived_open_dirty WHERE customer_id = OLD.customer_id);
END;
CREATE TRIGGER derived_open_delete AFTER DELETE ON invoices BEGIN
  INSERT INTO derived_open_dirty SELECT OLD.customer_id WHERE NOT EXISTS (SELECT 1 FROM derived_open_dirty WHERE customer_id = OLD.customer_id);
END;
-- The open items index also carries the last activity and the status (the kept rows are built from
-- it alone, no table look-up per item), and
-- two partial indexes answer "as of a past date" without reading every invoice and payment: what
-- is settled now but was touched after that date.
DROP INDEX invoices_open;
CREATE INDEX invoices_open ON invoices(id, customer_id, currency, invoice_date, due_date, total_minor, open_minor, external_id, last_activity, status)
  WHERE open_minor <> 0 AND status = 'open';
-- Both lead with the month of the document's date: "dated by D, touched after D" is then one
-- short range per month up to D's (the readers walk the months), not every entry touched after D.
CREATE INDEX invoices_settled ON invoices(substr(invoice_date, 1, 7), last_activity, invoice_date, customer_id, currency, due_date,
  total_minor, status, external_id, open_minor) WHERE open_minor = 0;
CREATE INDEX payments_settled ON payments(substr(received_date, 1, 7), last_activity, received_date) WHERE unapplied_minor = 0;
-- What was applied to an invoice after a date, read from the index alone.
DROP INDEX applications_invoice;
CREATE INDEX applications_invoice ON applications(invoice_id, applied_on, amount_minor);
