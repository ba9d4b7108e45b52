# reconcile billing, CRM export against ERP export: one planted break of every billing type and
# nothing else (C9 differs by one cent, inside --tolerance 1; C11's customer differs only in case
# and blanks), then the same checks through another layout, a mapping file and --period, and bad
# input.
cp "$FIXTURES/reconcile/billing_crm.csv" crm.csv
cp "$FIXTURES/reconcile/billing_erp.csv" erp.csv
otc reconcile billing --crm crm.csv --erp erp.csv --tolerance 1
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
missing_in_crm,C10|2026-03|SEATS,,40.00,-40.00,USD,ERP INV-110-1 (line 11) for customer CUST-J has no CRM contract line; add the contract line or credit the invoice
missing_in_erp,C1|2026-03|SUPPORT,100.00,,100.00,USD,CRM CL-2 (line 3) for customer CUST-A has no ERP invoice line; bill it (unbilled)
customer_mismatch,C2|2026-03|SEATS,CUST-B,CUST-B2,,,CRM CL-3 (line 4) vs ERP INV-108-1 (line 9): invoiced to CUST-B2 but the contract is with CUST-B; credit and rebill to the contract customer
quantity_difference,C3|2026-03|SEATS,12,10,2,,"CRM CL-4 (line 5) vs ERP INV-107-1 (line 8): billed quantity 10, contract quantity 12; amount effect 98.00 USD; bill or credit the difference"
price_difference,C4|2026-03|SEATS,30,28.5,1.5,USD,"CRM CL-5 (line 6) vs ERP INV-106-1 (line 7): billed unit price 28.5, contract price 30; amount effect 4.50 USD; check the price book and rebill"
discount_difference,C5|2026-03|SEATS,10,0,10,,"CRM CL-6 (line 7) vs ERP INV-105-1 (line 6): billed discount 0, contract discount 10; amount effect -10.00 USD; apply the contract discount"
amount_difference,C6|2026-03|SEATS,75.00,75.10,-0.10,USD,"CRM CL-7 (line 8) vs ERP INV-104-1 (line 5): quantity, price and discount agree but the amounts differ; credit the excess"
currency_mismatch,C7|2026-03|SEATS,USD,EUR,,,"CRM CL-8 (line 9) vs ERP INV-103-1 (line 4): the contract bills in USD, the invoice is in EUR; credit and rebill in the contract currency"
duplicate_billing,C8|2026-03|SEATS,,100.00,-100.00,USD,ERP INV-112-1 (line 13) bills this key again (already billed by ERP INV-102-1 (line 3)); credit the duplicate
EOF2
expect_stderr_has "reconcile billing: CRM 11 lines, ERP 12 lines, 10 paired (4 agree); 9 breaks (missing_in_erp 1, missing_in_crm 1, currency_mismatch 1, customer_mismatch 1, quantity_difference 1, price_difference 1, discount_difference 1, amount_difference 1, duplicate_billing 1)"
# The planted set, type and key, is exactly the engine fixture's.
cut -d, -f1,2 out.txt > found.csv
cut -d, -f1,2 "$FIXTURES/reconcile/billing_expected.csv" > planted.csv
diff -u planted.csv found.csv || fail "reported breaks are not the planted ones"
# No tolerance: the one-cent line is a break too.
otc reconcile billing --crm crm.csv --erp erp.csv
expect_rc 3
expect_stdout_has 'amount_difference,C9|2026-03|SEATS,10.00,10.01,-0.01,USD,"CRM CL-10 (line 11) vs ERP INV-111-1 (line 12): quantity, price and discount agree but the amounts differ; credit the excess"'
expect_stderr_has "; 10 breaks ("
# A field turned off is not compared: no customer_mismatch.
otc reconcile billing --crm crm.csv --erp erp.csv --tolerance 1 --ignore customer
expect_rc 3
grep -q customer_mismatch out.txt && fail "--ignore customer still compared customers"
expect_stderr_has "; 8 breaks ("
# Files that agree: exit 0, the header only.
otc reconcile billing --crm crm.csv --erp crm.csv
expect_rc 0
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
EOF2

# Other layouts. The CRM names its columns in words a profile knows, writes periods three ways and
# its discount as a percent; the ERP needs a mapping file (US dates, NetSuite-like names) and writes
# the discount as an amount. 10% of 10 x 20.00 is 20.00; 15% of 3 x 33.33 = 99.99 is 14.9985, 15.00
# at the cent. K-12 is billed twice in April; K-13 is May's and left out by --period.
cat > crm2.csv <<'EOF2'
Contract Number,Line,Service Period,Product Code,Account ID,Qty,Price,Discount Pct,Amount,Currency
K-10,1,2026-04,SEATS,A1,10,20.00,10,180.00,USD
K-11,1,Apr 2026,SEATS,A2,3,33.33,15,84.99,USD
K-12,1,04/2026,SUPPORT,A3,1,500.00,,500.00,USD
K-13,1,2026-05,SEATS,A4,1,10.00,,10.00,USD
EOF2
cat > erp2.csv <<'EOF2'
Document Number,Line,Contract,Service Start Date,Item,Customer,Quantity,Rate,Discount,Amount,Currency
INV-501,1,K-10,04/01/2026,SEATS,A1,10,20.00,20.00,180.00,USD
INV-502,1,K-11,04/01/2026,SEATS,a2,3,33.33,15.00,84.99,USD
INV-503,1,K-12,04/15/2026,SUPPORT,A3,1,500.00,0,500.00,USD
INV-504,2,K-12,04/15/2026,SUPPORT,A3,1,500.00,0,500.00,USD
INV-505,1,K-13,05/01/2026,SEATS,A4,1,10.00,0,10.00,USD
EOF2
cat > erp.map <<'EOF2'
invoice_id = Document Number
invoice_line = Line
contract_id = Contract
period = Service Start Date
product = Item
unit_price = Rate
date_format = %m/%d/%Y
EOF2
otc reconcile billing --crm crm2.csv --erp erp2.csv --erp-map erp.map --period 2026-04
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
duplicate_billing,K-12|2026-04|SUPPORT,,500.00,-500.00,USD,ERP INV-504/2 (line 5) bills this key again (already billed by ERP INV-503/1 (line 4)); credit the duplicate
EOF2
expect_stderr_has "reconcile billing 2026-04: CRM 3 lines, ERP 4 lines, 3 paired (3 agree); 1 break (duplicate_billing 1); 2 rows of other periods left out"
# Compared as percents, 15.00 of 99.99 is 15.0015%: a break unless within --discount-tolerance.
otc reconcile billing --crm crm2.csv --erp erp2.csv --erp-map erp.map --period 2026-04 --discount-unit percent
expect_rc 3
expect_stdout_has 'discount_difference,K-11|2026-04|SEATS,15,15.0015,-0.0015,,"CRM K-11/1 (line 3) vs ERP INV-502/1 (line 3): billed discount 15.0015, contract discount 15; apply the contract discount"'
otc reconcile billing --crm crm2.csv --erp erp2.csv --erp-map erp.map --period 2026-04 --discount-unit percent --discount-tolerance 0.01
expect_rc 3
expect_stderr_has "; 1 break (duplicate_billing 1);"
# Keyed by contract and period only: still the one duplicate.
otc reconcile billing --crm crm2.csv --erp erp2.csv --erp-map erp.map --period 2026-04 --key contract_id,period
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
duplicate_billing,K-12|2026-04,,500.00,-500.00,USD,ERP INV-504/2 (line 5) bills this key again (already billed by ERP INV-503/1 (line 4)); credit the duplicate
EOF2

# Bad input: every bad row named FILE:LINE:COLUMN, exit 1, no report.
cat > crm_bad.csv <<'EOF2'
contract_id,period,product,customer_id,quantity,unit_price,discount,amount,currency
C1,2026-03,SEATS,CUST-A,10,50.00,0,500.00,USD
C2,2026-13,SEATS,CUST-B,5,20.00,0,100.00,USD
C3,2026-03,SEATS,CUST-C,12,49.00,0,58x.00,USD
C4,2026-03,SEATS,CUST-D,3,30.00,0,90.00,US
EOF2
otc reconcile billing --crm crm_bad.csv --erp erp.csv
expect_rc 1
expect_stdout < /dev/null
expect_stderr <<'EOF2'
otc: error: crm_bad.csv:3:2: period '2026-13' is not a month (YYYY-MM) or a date in one
  C2,2026-13,SEATS,CUST-B,5,20.00,0,100.00,USD
     ^
otc: error: crm_bad.csv:4:8: amount '58x.00': not an amount
  C3,2026-03,SEATS,CUST-C,12,49.00,0,58x.00,USD
                                     ^
otc: error: crm_bad.csv:5:9: currency 'US' is not an ISO 4217 code
  C4,2026-03,SEATS,CUST-D,3,30.00,0,90.00,US
                                          ^
otc: error: crm_bad.csv: 3 bad rows; nothing was reconciled
  hint: fix the rows (or name the columns with --map) and run again
EOF2
# Bad rows in both files are all listed.
sed 's/^INV-105-1,C5,2026-03,/INV-105-1,C5,2026-3x,/' erp.csv > erp_bad.csv
otc reconcile billing --crm crm_bad.csv --erp erp_bad.csv
expect_rc 1
expect_stderr_has "otc: error: crm_bad.csv:5:9: currency 'US' is not an ISO 4217 code"
expect_stderr_has "otc: error: erp_bad.csv:6:3: period '2026-3x' is not a month (YYYY-MM) or a date in one"
expect_stderr_has "otc: error: 4 bad rows; nothing was reconciled"
# A key field the export has no column for, and an unknown key field.
cut -d, -f1,3- crm.csv > crm_noperiod.csv
otc reconcile billing --crm crm_noperiod.csv --erp erp.csv
expect_rc 1
expect_stderr_has "otc: error: crm_noperiod.csv:1: no column for key field period"
otc reconcile billing --crm crm.csv --erp erp.csv --key contract_id,month
expect_rc 2
expect_stderr_has "--key: 'month' is not a key field"
otc reconcile billing --crm crm.csv --erp erp.csv --period 2026-3
expect_rc 2
