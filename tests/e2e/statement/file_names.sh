# Statement and receipt file names are unique and stable for any customer id: '/', ':', spaces and
# non-ASCII bytes are escaped (%XX), so no id escapes the directory or collides with another.
cat > customers.csv <<'CSV'
customer_id,name,currency,terms
A/B,Slash,USD,30
A:B,Colon,USD,30
A B,Space,USD,30
A_B,Underscore,USD,30
Ä,Umlaut,USD,30
../x,Dots,USD,30
CSV
cat > invoices.csv <<'CSV'
invoice_id,customer_id,invoice_date,due_date,amount,currency
I1,A/B,2026-10-01,2026-10-31,10.00,USD
I2,A:B,2026-10-01,2026-10-31,20.00,USD
I3,A B,2026-10-01,2026-10-31,30.00,USD
I4,A_B,2026-10-01,2026-10-31,40.00,USD
I5,Ä,2026-10-01,2026-10-31,50.00,USD
I6,../x,2026-10-01,2026-10-31,60.00,USD
CSV
cat > payments.csv <<'CSV'
payment_id,customer_id,payment_date,amount,currency,invoice_id
P/1 x,A/B,2026-10-05,4.00,USD,I1
CSV
otc init; expect_rc 0
otc import customers customers.csv; expect_rc 0
otc import invoices invoices.csv; expect_rc 0
otc import payments payments.csv; expect_rc 0
otc statement --all --as-of 2026-10-31 --out out
expect_rc 0
expect_stdout <<'OUT'
customer_id,statement,as_of,since,currency,closing_balance,file
../x,open_item,2026-10-31,,USD,60.00,out/statement_%2E.%2Fx.html
A B,open_item,2026-10-31,,USD,30.00,out/statement_A%20B.html
A/B,open_item,2026-10-31,,USD,6.00,out/statement_A%2FB.html
A:B,open_item,2026-10-31,,USD,20.00,out/statement_A%3AB.html
A_B,open_item,2026-10-31,,USD,40.00,out/statement_A_B.html
Ä,open_item,2026-10-31,,USD,50.00,out/statement_%C3%84.html
OUT
[ "$(ls out | wc -l)" = 6 ] || fail "expected six documents"
otc statement receipt "P/1 x" --as-of 2026-10-31 --out r
expect_rc 0
expect_stdout <<'OUT'
payment_id,customer_id,received_date,currency,amount,applied,on_account,invoices,file
P/1 x,A/B,2026-10-05,USD,4.00,4.00,0.00,1,r/receipt_P%2F1%20x.html
OUT
grep -qF '<td>I1</td>' "r/receipt_P%2F1%20x.html" || fail "receipt lacks its invoice"
otc statement NOPE --out out
expect_rc 1
expect_stderr_has "customer 'NOPE' is not in the ledger"
otc statement --out out
expect_rc 2
