# Bug: a NetSuite saved search (US dates, "CUST-1001 Acme Analytics, Inc." in Name, currency names,
# Amount Remaining, credit memos with Created From) needed hand-editing, and credit memos came in as
# negative invoices. Now it imports with --profile netsuite alone: entities split and matched by id,
# open balances as opening applications, credit memos applied to the invoice they name, and the
# payments behind the open balances imported afterwards count nothing twice.
otc init; expect_rc 0
otc import customers "$FIXTURES/exports/netsuite_customers.csv" --profile netsuite; expect_rc 0
otc import invoices "$FIXTURES/exports/netsuite_open_invoices.csv" --profile netsuite --as-of 2026-11-30
expect_rc 0
expect_stderr_has "imported 5 invoices from $FIXTURES/exports/netsuite_open_invoices.csv (batch 2; 5 rows, 0 already present, 2 of them credit memos (1 applied to the invoice they name, 1 open credit), 2 with an open balance below the amount (opening applications dated 2026-11-30))"
[ "$(sqlite3 "$OTC_LEDGER" "select external_id||'|'||name||'|'||currency from customers order by id")" = "CUST-1001|Acme Analytics, Inc.|USD
CUST-1002|Globex GmbH|EUR" ] || fail "customers not split into id and name"
cat > want.txt <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-11-30,CUST-1001,"Acme Analytics, Inc.",USD,0.00,5900.00,0.00,0.00,0.00,0.00,5900.00,0.00
2026-11-30,CUST-1002,Globex GmbH,EUR,3000.00,0.00,0.00,0.00,0.00,0.00,3000.00,250.00
EOF2
otc aging --as-of 2026-11-30
expect_stdout want.txt
# The payment behind INV1002's open balance (1,000.00 on 11/18) takes the opening application's
# place: still 1,400.00 open. A payment of a new customer is unapplied cash on a stub, and said.
otc import payments "$FIXTURES/exports/netsuite_payments.csv" --profile netsuite
expect_rc 0
expect_stderr_has "1 new customers created as stubs (id and name only), 1 applied to invoices)"
otc aging --as-of 2026-11-30 --by invoice
expect_stdout_has "2026-11-30,CUST-1001,\"Acme Analytics, Inc.\",INV1002,2026-10-20,2026-11-19,11,USD,0.00,1400.00,"
otc aging --as-of 2026-11-30
expect_stdout_has "2026-11-30,CUST-1003,Initech LLC,USD,0.00,0.00,0.00,0.00,0.00,0.00,0.00,750.00"
expect_stdout_has "2026-11-30,CUST-1001,\"Acme Analytics, Inc.\",USD,0.00,5900.00,0.00,0.00,0.00,0.00,5900.00,0.00"
