# Bug: invoices otc did not bill had no lines, so `reconcile billing` could not compare the CRM
# with the ledger for them. An ERP line export now imports invoices with their lines.
otc init; expect_rc 0
cat > lines.csv <<'EOF2'
Document Number,Line,Name,Date,Due Date,Currency,Contract,Contract Line,Item,Service Start,Quantity,Rate,Amount,Tax Amount
INV500,1,CUST-7 Hooli Inc.,11/01/2026,12/01/2026,US Dollar,K-70,1,SEATS,11/01/2026,10,25.00,250.00,20.00
INV500,2,CUST-7 Hooli Inc.,11/01/2026,12/01/2026,US Dollar,K-71,1,SUPPORT,11/01/2026,1,100.00,100.00,0.00
EOF2
otc import invoice_lines lines.csv --profile netsuite
expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" "select external_id||'|'||total_minor||'|'||(select count(*) from invoice_lines) from invoices")" = "INV500|37000|2" ] || fail "invoice or lines not imported: $(sqlite3 "$OTC_LEDGER" 'select * from invoices')"
cat > crm.csv <<'EOF2'
contract_id,contract_line,billing_period,product,customer,quantity,unit_price,amount,currency
K-70,1,2026-11,SEATS,CUST-7,12,25.00,300.00,USD
K-71,1,2026-11,SUPPORT,CUST-7,1,100.00,100.00,USD
EOF2
otc reconcile billing --crm crm.csv --period 2026-11
expect_rc 3
expect_stdout_has "quantity_difference,K-70|2026-11|SEATS,12,10,2,"
