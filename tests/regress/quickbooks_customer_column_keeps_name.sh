# Bug: a QuickBooks customer list has one `Customer` column for id and name; the name was lost, so
# payer names could not match it. Now the name is kept (also when a Company column is blank).
otc init; expect_rc 0
otc import customers "$FIXTURES/exports/qbo_customer_list.csv" --profile quickbooks
expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" "select external_id||'|'||name||'|'||currency||'|'||terms_days from customers order by id")" = "Northwind Traders|Northwind Traders|USD|30
Contoso Ltd|Contoso Ltd|USD|45" ] || fail "names or currencies not kept: $(sqlite3 "$OTC_LEDGER" 'select * from customers')"
