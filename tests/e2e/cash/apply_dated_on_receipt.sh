# cash apply dates the application on the receipt's date, or the invoice's when later, unless --date
# says otherwise, and says which; cash unapply prints money in currency units.
cat > inv.csv <<'EOF2'
invoice_id,customer_id,customer_name,invoice_date,due_date,amount,currency
INV-701,C7,Harbor Tools,2026-10-05,2026-11-04,300.00,USD
INV-702,C7,Harbor Tools,2026-11-06,2026-12-06,200.00,USD
EOF2
cat > bank.csv <<'EOF2'
date,amount,currency,bank_reference,payer,description
2026-11-03,500.00,USD,FT-8001,UNKNOWN SENDER,PAYMENT
EOF2
otc init; expect_rc 0
otc import invoices inv.csv; expect_rc 0
otc --as-of 2026-11-03 apply-cash bank.csv
expect_rc 3
pay=$(cut -d, -f2 out.txt | sed -n 2p)
otc --as-of 2026-11-20 cash apply "$pay" INV-701 300.00
expect_rc 0
expect_stderr_has "applied 300.00 USD to INV-701 (application 1) on 2026-11-03, the receipt's date"
otc --as-of 2026-11-20 cash apply "$pay" INV-702
expect_rc 0
expect_stderr_has "applied 200.00 USD to INV-702 (application 2) on 2026-11-06, the invoice's date, later than the receipt's 2026-11-03"
otc aging --as-of 2026-11-05 --by invoice
[ "$(wc -l < out.txt)" = 1 ] || fail "INV-701 should be paid on 2026-11-05 (the receipt's date)"
otc cash unapply 2 --reason "wrong invoice" --date 2026-11-21
expect_rc 0
expect_stderr_has "unapplied 200.00 USD from INV-702: wrong invoice"
otc cash apply "$pay" INV-702 --date 2026-11-25
expect_rc 0
expect_stderr_has "(application 4) on 2026-11-25, as --date says"
