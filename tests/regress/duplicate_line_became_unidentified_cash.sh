# Bug: a bank file that printed the same entry twice (same bank reference, date and amount) posted
# the second copy as a second receipt, which became unidentified cash. It is listed as a duplicate
# and not posted, on the first run and on every re-run.
cat > inv.csv <<'EOF2'
invoice_id,customer_id,customer_name,invoice_date,due_date,amount,currency
INV-501,C5,Acme Tools,2026-10-01,2026-10-31,250.00,USD
EOF2
cat > bank.csv <<'EOF2'
date,amount,currency,bank_reference,payer,description
2026-11-02,250.00,USD,FT-9001,ACME TOOLS,INV-501
2026-11-02,250.00,USD,FT-9001,ACME TOOLS,INV-501
EOF2
otc init; expect_rc 0
otc import invoices inv.csv; expect_rc 0
otc apply-cash bank.csv
expect_rc 0
expect_stdout_has ",INV-501,250.00,USD,reference,"
expect_stdout_has ",2026-11-02,ACME TOOLS,FT-9001,,,250.00,USD,duplicate,,,,\"repeats bank.csv:2 (same bank reference, date and amount): not posted\""
expect_stderr_has "bank.csv:3: duplicate of line 2 (bank reference FT-9001, 250.00 USD): not posted"
expect_stderr_has "1 new receipts, 1 applied, 0 unapplied, 0 already posted, 0 debits not matched, 0 returns, 1 duplicate lines not posted"
[ "$(sqlite3 "$OTC_LEDGER" "SELECT count(*) FROM payments")" = 1 ] || fail "the duplicate was posted"
otc cash unapplied
[ "$(wc -l < out.txt)" = 1 ] || fail "unapplied cash after a duplicate line"
# Again: nothing new, the duplicate still not posted.
before=$(ledger_state)
otc apply-cash bank.csv
expect_rc 0
[ "$before" = "$(ledger_state)" ] || fail "second run changed the ledger"
