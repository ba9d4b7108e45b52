# A returned ACH item (R01) in a NACHA file reverses the payment it returns: the invoice reopens.
# The original receipt carried the trace number the return names (091400600000001).
cat > inv.csv <<'EOF2'
invoice_id,customer_id,customer_name,invoice_date,due_date,amount,currency
INV-77,C7,Paul Jones,1999-12-01,1999-12-31,123.54,USD
EOF2
cat > bank.csv <<'EOF2'
date,amount,currency,bank_reference,payer,payer_account,description
1999-12-20,123.54,USD,091400600000001,PAUL JONES,091400606/123456789,INV-77
EOF2
otc init; expect_rc 0
otc import invoices inv.csv; expect_rc 0
otc apply-cash bank.csv
expect_rc 0
expect_stdout_has ",INV-77,123.54,USD,reference,"
otc aging --as-of 2000-01-05 --by invoice
[ "$(wc -l < out.txt)" = 1 ] || fail "INV-77 should be paid"
cp "$FIXTURES/corpus/nacha/moovach_return-WEB.ach" returns.ach
otc apply-cash returns.ach
expect_rc 3
expect_stderr_has "returns.ach:3 returned item 123.54 USD (R01): reversed payment BNK-19991220-"
expect_stderr_has "returns.ach:7 returned item 45.65 USD (R03): no single posted payment it returns"
otc aging --as-of 2000-01-05 --by invoice
expect_stdout_has "INV-77,1999-12-01,1999-12-31,5,USD,0.00,123.54,"
# Again: nothing is reversed twice.
before=$(ledger_state)
otc apply-cash returns.ach
expect_rc 3
[ "$before" = "$(ledger_state)" ] || fail "second run changed the ledger"
