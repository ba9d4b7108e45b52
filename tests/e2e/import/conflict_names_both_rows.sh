# The same id with different content is an error that names both rows; nothing is written.
cp "$FIXTURES/import/invoices_small.csv" "$FIXTURES/import/invoices_conflict.csv" .
otc init; expect_rc 0
otc import invoices invoices_small.csv; expect_rc 0
before=$(ledger_state)
otc import invoices invoices_conflict.csv
expect_rc 1
expect_stderr <<'EOF2'
otc: error: invoices_conflict.csv:3:1: invoice 'INV-2' is already in the ledger with different content (from invoices_small.csv:3)
  INV-2,C1,Acme Corp,2026-09-15,2026-10-15,510.00,USD
  ^
otc: error: invoices_conflict.csv: 1 bad row(s); nothing was imported
  hint: fix the rows above, or import the good ones with --skip-bad --rejects FILE
EOF2
[ "$before" = "$(ledger_state)" ] || fail "ledger changed after a conflict"
