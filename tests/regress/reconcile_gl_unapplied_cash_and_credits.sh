# Bug 5: `reconcile gl` counted only applied cash as collected, so an unapplied receipt was a break
# by design, credit memos from an export landed nowhere or in "invoiced", and breaks did not name
# their documents. The roll-forward now has an unapplied_cash line (compared with collected: the
# GL credits AR with every receipt) and credits as issued; every break names its documents.
otc init; expect_rc 0
printf 'Type,Date,Document Number,Name,Due Date,Amount,Currency\nInvoice,10/02/2026,INV10,CUST-1 Acme,11/01/2026,1000.00,USD\nCredit Memo,10/09/2026,CM10,CUST-1 Acme,10/09/2026,-100.00,USD\n' > inv.csv
otc import invoices inv.csv --profile netsuite; expect_rc 0
printf 'payment_id,customer_id,payment_date,amount,currency\nPAY-1,CUST-1,2026-10-20,300.00,USD\n' > pay.csv
otc import payments pay.csv; expect_rc 0
cat > gl.csv <<'EOF2'
date,account,debit,credit,currency,source,journal_id
2026-10-02,1200,1000.00,,USD,Invoice,INV10
2026-10-09,1200,,100.00,USD,Credit Memo,CM10
2026-10-20,1200,,300.00,USD,Customer Payment,PAY-1
EOF2
otc reconcile gl gl.csv --period 2026-10 --account 1200
expect_rc 0
expect_stderr_has "USD closing AR: ledger 600.00, GL 600.00, difference 0.00; 0 breaks"
# A receipt the GL does not have is a break that names it.
head -3 gl.csv > gl_short.csv
otc reconcile gl gl_short.csv --period 2026-10 --account 1200
expect_rc 3
expect_stdout_has "in the ledger, not in the GL: PAY-1"
