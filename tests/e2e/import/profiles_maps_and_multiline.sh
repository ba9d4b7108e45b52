# A NetSuite customer export with a multi-line quoted address; a mapping file with US dates,
# decimal commas and semicolons.
cp "$FIXTURES/import/customers_netsuite.csv" "$FIXTURES/import/invoices_us_dates.csv" "$FIXTURES/import/us_dates.map" .
otc init; expect_rc 0
otc import customers customers_netsuite.csv --profile netsuite
expect_rc 0
expect_stderr_has "imported 2 customers from customers_netsuite.csv (batch 1; 2 rows, 0 already present)"
[ "$(sqlite3 "$OTC_LEDGER" "select external_id||'|'||name||'|'||terms_days||'|'||ifnull(cast(credit_limit as text),'') from customers order by id")" = "C1|Acme Corp|30|5000000
C2|Beta, Inc.|45|" ] || fail "customers not as expected"
otc import invoices invoices_us_dates.csv --map us_dates.map
expect_rc 0
otc aging --as-of 2026-10-31 --by invoice
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,invoice_id,invoice_date,due_date,days_past_due,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-10-31,C9,C9,7001,2026-10-01,2026-10-31,0,EUR,1234.56,0.00,0.00,0.00,0.00,0.00,1234.56,
EOF2
# `Customer` holds id and name (QuickBooks): the stub is named C9 too.
# The negative row (7002, -100,00) is a credit memo, not a negative invoice: open credit on C9.
otc aging --as-of 2026-10-31
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-10-31,C9,C9,EUR,1234.56,0.00,0.00,0.00,0.00,0.00,1234.56,100.00
EOF2
# Without the mapping file the required columns are missing: a clear error naming them.
sed 's/7002/7003/' invoices_us_dates.csv > unmapped.csv
otc import invoices unmapped.csv
expect_rc 1
expect_stderr_has "unmapped.csv:1: no column for required field(s): invoice_id, customer_id, invoice_date, amount"
