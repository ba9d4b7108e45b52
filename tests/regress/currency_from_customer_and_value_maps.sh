# Bug: a row without a currency failed unless --currency was given, though the customer's currency
# was known; status and currency spellings needed hand-editing. Now the customer's currency is the
# default, and `value FIELD "text" = value` lines in a mapping file map any spelling.
otc init; expect_rc 0
printf 'customer_id,name,currency,terms\nK1,Kappa AG,CHF,30\n' > c.csv
otc import customers c.csv; expect_rc 0
printf 'invoice_id,customer_id,invoice_date,amount,status,currency\nI-1,K1,2026-11-01,100.00,Unpaid,\nI-2,K1,2026-11-02,40.00,Settled,\nI-3,K1,2026-11-03,10.00,Cancelled,Schweizer Franken\n' > i.csv
cat > v.map <<'EOF2'
value status "Settled" = paid
value status "Unpaid" = open
value currency "Schweizer Franken" = CHF
EOF2
otc import invoices i.csv --map v.map --as-of 2026-11-30
expect_rc 0
expect_stderr_has "3 rows, 0 already present, 1 with an open balance below the amount (opening applications dated 2026-11-30), 1 void rows skipped)"
otc aging --as-of 2026-11-30
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-11-30,K1,Kappa AG,CHF,100.00,0.00,0.00,0.00,0.00,0.00,100.00,0.00
EOF2
