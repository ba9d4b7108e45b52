# Bug 1: `currency = Header` in a mapping file was read as a default currency value ("Txn
# Currency"), so every row failed. A code or ISO 4217 name is a default; anything else is a column.
otc init; expect_rc 0
cat > inv.csv <<'EOF2'
Ref,Client,Posted,Due,Total,Txn Currency
A-1,C1,2026-11-02,2026-12-02,100.00,EUR
A-2,C1,2026-11-03,2026-12-03,200.00,US Dollar
EOF2
cat > inv.map <<'EOF2'
invoice_id = Ref
customer_id = Client
invoice_date = Posted
amount = Total
due_date = Due
currency = Txn Currency      # a column: not a currency code
EOF2
otc import invoices inv.csv --map inv.map
expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" "select external_id||'|'||currency||'|'||total_minor from invoices order by id")" = "A-1|EUR|10000
A-2|USD|20000" ] || fail "currency column not read"
# `currency = EUR` (a code) and `currency = "Euro"` (a name) stay defaults.
printf 'invoice_id = Ref\ncustomer_id = Client\ninvoice_date = Posted\ndue_date = Due\namount = Total\ncurrency = "Euro"\n' > def.map
printf 'Ref,Client,Posted,Due,Total\nB-1,C2,2026-11-02,2026-12-02,5.00\n' > b.csv
otc import invoices b.csv --map def.map
expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" "select currency from invoices where external_id='B-1'")" = EUR ] || fail "default currency not EUR"
