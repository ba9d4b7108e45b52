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
# The audit trail names each import with its file and checksum; the no-op runs wrote nothing.
otc log --command "import invoices"
expect_rc 0
[ "$(wc -l < out.txt)" = 3 ] || { cat out.txt; fail "expected two import entries"; }
expect_stdout_has ",otc import invoices invoices_small.csv,import,invoices,,\"4 rows read, 4 added, 0 unchanged, 0 rejected\",invoices_small.csv,$(sha256sum invoices_small.csv | cut -d' ' -f1),1"
