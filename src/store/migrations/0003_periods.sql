-- Period close. A locked period (YYYY-MM) accepts no posting dated in it: the triggers below
-- refuse it for every writer, whatever command it comes from. Reopening is audited.
CREATE TABLE period_locks (
  period     TEXT PRIMARY KEY,        -- YYYY-MM
  locked     INTEGER NOT NULL CHECK (locked IN (0, 1)),
  changed_at TEXT NOT NULL
);

CREATE TRIGGER invoices_period_closed BEFORE INSERT ON invoices
  WHEN EXISTS (SELECT 1 FROM period_locks WHERE period = substr(NEW.invoice_date, 1, 7) AND locked = 1)
  BEGIN SELECT RAISE(ABORT, 'the invoice date falls in a closed period'); END;
CREATE TRIGGER invoices_void_period_closed BEFORE UPDATE OF status ON invoices
  WHEN NEW.status <> OLD.status AND EXISTS (SELECT 1 FROM period_locks WHERE period = substr(OLD.invoice_date, 1, 7) AND locked = 1)
  BEGIN SELECT RAISE(ABORT, 'the invoice is dated in a closed period'); END;
CREATE TRIGGER payments_period_closed BEFORE INSERT ON payments
  WHEN EXISTS (SELECT 1 FROM period_locks WHERE period = substr(NEW.received_date, 1, 7) AND locked = 1)
  BEGIN SELECT RAISE(ABORT, 'the payment date falls in a closed period'); END;
CREATE TRIGGER applications_period_closed BEFORE INSERT ON applications
  WHEN EXISTS (SELECT 1 FROM period_locks WHERE period = substr(NEW.applied_on, 1, 7) AND locked = 1)
  BEGIN SELECT RAISE(ABORT, 'the application date falls in a closed period'); END;
CREATE TRIGGER credit_memos_period_closed BEFORE INSERT ON credit_memos
  WHEN EXISTS (SELECT 1 FROM period_locks WHERE period = substr(NEW.memo_date, 1, 7) AND locked = 1)
  BEGIN SELECT RAISE(ABORT, 'the credit memo date falls in a closed period'); END;
CREATE TRIGGER adjustments_period_closed BEFORE INSERT ON adjustments
  WHEN EXISTS (SELECT 1 FROM period_locks WHERE period = substr(NEW.adj_date, 1, 7) AND locked = 1)
  BEGIN SELECT RAISE(ABORT, 'the adjustment date falls in a closed period'); END;
