# --skip-bad imports the good rows and writes the bad ones with a reason column.
cp "$FIXTURES/import/invoices_bad.csv" .
otc init; expect_rc 0
otc import invoices invoices_bad.csv --skip-bad
expect_rc 2
expect_stderr_has "--skip-bad needs --rejects FILE"
otc import invoices invoices_bad.csv --skip-bad --rejects rejects.csv
expect_rc 0
expect_stderr_has "otc: rejected: invoices_bad.csv:3:4: invoice_date '2026-02-30' is not a date"
expect_stderr_has "imported 1 invoices from invoices_bad.csv (batch 1; 5 rows, 0 already present, 1 new customers created as stubs (id and name only), 4 rejected to rejects.csv)"
diff -u - rejects.csv <<'EOF2' || fail "rejects differ"
line,invoice_id,customer_id,customer_name,invoice_date,due_date,amount,currency,reason
3,INV-11,C1,Acme Corp,2026-02-30,2026-10-01,100.00,USD,invoice_date '2026-02-30' is not a date in the form YYYY-MM-DD (declare the file's form with date_format in a mapping file or --date-format)
4,INV-12,C1,Acme Corp,2026-09-01,2026-10-01,12.345,USD,amount '12.345': more decimal places than the currency allows (USD has 2)
5,INV-13,,Acme Corp,2026-09-01,2026-10-01,10.00,XXX,customer_id is empty; unknown currency 'XXX'
6,INV-14,C1,Acme Corp,2026-09-01,2026-08-01,10.00,USD,due_date 2026-08-01 is before invoice_date 2026-09-01
EOF2
otc aging --as-of 2026-10-31 --by invoice
expect_rc 0
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,invoice_id,invoice_date,due_date,days_past_due,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-10-31,C1,Acme Corp,INV-10,2026-09-01,2026-10-01,30,USD,0.00,100.00,0.00,0.00,0.00,0.00,100.00,
EOF2
