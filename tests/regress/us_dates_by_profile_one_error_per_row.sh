# Bug: NetSuite and QuickBooks US exports (12/01/2026) failed without --date-format, with two
# errors per row (invoice date and due date). The profile's usual form is read, and a row whose
# dates are in another form gets one clear error.
otc init; expect_rc 0
printf 'Type,Date,Document Number,Name,Due Date,Amount,Currency\nInvoice,11/05/2026,INV77,CUST-9 Wayne Enterprises,12/05/2026,90.00,USD\n' > ok.csv
otc import invoices ok.csv --profile netsuite
expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" "select invoice_date||' '||due_date from invoices")" = "2026-11-05 2026-12-05" ] || fail "US dates not read"
printf 'Type,Date,Document Number,Name,Due Date,Amount,Currency\nInvoice,31.10.2026,INV78,CUST-9 Wayne Enterprises,30.11.2026,90.00,USD\n' > eu.csv
otc import invoices eu.csv --profile netsuite
expect_rc 1
expect_stderr <<'EOF2'
otc: error: eu.csv:2:2: invoice_date '31.10.2026' is not a date in the form YYYY-MM-DD or %m/%d/%Y (declare the file's form with date_format in a mapping file or --date-format)
  Invoice,31.10.2026,INV78,CUST-9 Wayne Enterprises,30.11.2026,90.00,USD
          ^
otc: error: eu.csv: 1 bad row(s); nothing was imported
  hint: fix the rows above, or import the good ones with --skip-bad --rejects FILE
EOF2
otc --date-format %d.%m.%Y import invoices eu.csv --profile netsuite
expect_rc 0
