# Bugs 3 and 4: `reconcile billing` compared a monthly billed unit price with an annual CRM price
# and reported price breaks where the amounts agree to the cent; and it required contract_id and
# amount although --key did not use the first and the CRM export has quantity and unit price.
otc init; expect_rc 0
cat > erp.csv <<'EOF2'
invoice_id,invoice_line,subscription,period,product,customer,quantity,unit_price,amount,currency
INV-1,1,S-1,2026-11,SEATS,C1,10,25.00,250.00,USD
INV-1,2,S-2,2026-11,SUPPORT,C1,1,100.00,100.00,USD
EOF2
# The CRM quotes SEATS per year (300.00 a seat) and bills monthly: 10 x 25.00 = 250.00 either way.
# It has no contract column and no amount column; the key is subscription + period + product.
cat > crm.csv <<'EOF2'
subscription,period,product,customer,quantity,unit_price,amount
S-1,2026-11,SEATS,C1,10,300.00,250.00
EOF2
printf 'contract_line = subscription\n' > k.map
otc reconcile billing --crm crm.csv --erp erp.csv --crm-map k.map --erp-map k.map --key contract_line,period,product --currency USD
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
missing_in_crm,S-2|2026-11|SUPPORT,,100.00,-100.00,USD,ERP INV-1/2 (line 3) for customer C1 has no CRM contract line; add the contract line or credit the invoice
EOF2
# No amount column: amount = quantity x unit price - discount; S-2 is 110.00 against 100.00 billed.
cat > crm2.csv <<'EOF2'
subscription,period,product,customer,quantity,unit_price,discount
S-1,2026-11,SEATS,C1,10,25.00,
S-2,2026-11,SUPPORT,C1,1,110.00,
EOF2
otc reconcile billing --crm crm2.csv --erp erp.csv --crm-map k.map --erp-map k.map --key contract_line,period,product --currency USD
expect_rc 3
expect_stdout_has "price_difference,S-2|2026-11|SUPPORT,110"
