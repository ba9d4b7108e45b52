# Every bad row is reported as FILE:LINE:COLUMN, exit 1, and the ledger is unchanged.
cp "$FIXTURES/import/invoices_small.csv" "$FIXTURES/import/invoices_bad.csv" .
otc init; expect_rc 0
otc import invoices invoices_small.csv; expect_rc 0
before=$(ledger_state)
otc import invoices invoices_bad.csv
expect_rc 1
expect_stdout </dev/null
expect_stderr <<'EOF2'
otc: error: invoices_bad.csv:3:4: invoice_date '2026-02-30' is not a date in the form YYYY-MM-DD (declare the file's form with date_format in a mapping file or --date-format)
  INV-11,C1,Acme Corp,2026-02-30,2026-10-01,100.00,USD
                      ^
otc: error: invoices_bad.csv:4:6: amount '12.345': more decimal places than the currency allows (USD has 2)
  INV-12,C1,Acme Corp,2026-09-01,2026-10-01,12.345,USD
                                            ^
otc: error: invoices_bad.csv:5:2: customer_id is empty
  INV-13,,Acme Corp,2026-09-01,2026-10-01,10.00,XXX
         ^
otc: error: invoices_bad.csv:5:7: unknown currency 'XXX'
  INV-13,,Acme Corp,2026-09-01,2026-10-01,10.00,XXX
                                                ^
otc: error: invoices_bad.csv:6:5: due_date 2026-08-01 is before invoice_date 2026-09-01
  INV-14,C1,Acme Corp,2026-09-01,2026-08-01,10.00,USD
                                 ^
otc: error: invoices_bad.csv: 4 bad row(s); nothing was imported
  hint: fix the rows above, or import the good ones with --skip-bad --rejects FILE
EOF2
[ "$before" = "$(ledger_state)" ] || fail "ledger changed after a bad file"
