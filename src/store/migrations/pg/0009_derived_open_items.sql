-- The SQLite ledger keeps derived open items per customer (0009 there); the PostgreSQL ledger
-- reads its open items from the invoices_open index directly, so this step changes nothing.
SELECT 1;
