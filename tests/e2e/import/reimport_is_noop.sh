# The same file twice adds nothing and says so; an overlapping file adds only what is new.
cp "$FIXTURES/import/invoices_small.csv" "$FIXTURES/import/invoices_overlap.csv" "$FIXTURES/import/payments_small.csv" .
otc init; expect_rc 0
otc import invoices invoices_small.csv; expect_rc 0
otc import payments payments_small.csv; expect_rc 0
expect_stderr_has "imported 4 payments from payments_small.csv (batch 2; 4 rows, 0 already present, 2 applied to invoices)"
before=$(ledger_state)
otc import invoices invoices_small.csv
expect_rc 0
expect_stderr_has "invoices_small.csv was already imported as batch 1"
otc import payments payments_small.csv
expect_rc 0
expect_stderr_has "nothing to do"
[ "$before" = "$(ledger_state)" ] || fail "re-import changed the ledger"
# Same rows, different file (other header names, one new invoice): only the new one is added.
otc import invoices invoices_overlap.csv
expect_rc 0
expect_stderr_has "imported 1 invoices from invoices_overlap.csv (batch 3; 2 rows, 1 already present)"
# The same payments piped through stdin are the same bytes: nothing new.
otc import payments - < payments_small.csv
expect_rc 0
expect_stderr_has "<stdin> was already imported as batch 2"
