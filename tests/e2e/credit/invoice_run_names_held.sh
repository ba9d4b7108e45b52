# invoice run bills held customers' contracts (billing is contractual) and names them on stderr.
printf 'customer_id,name,currency,terms,credit_limit\nC1,Fish,USD,15,1000.00\nC2,Chips,USD,15,\n' > customers.csv
cat > contracts.csv <<'CSV'
contract_id,line_id,customer,product,description,start_date,anchor_day,frequency,price_model,unit_price,quantity,discount,currency,tax_rate
K-1,1,C1,SEATS,Seats,2026-01-01,1,monthly,per_seat,25.00,10,,USD,0
K-2,1,C2,SEATS,Seats,2026-01-01,1,monthly,per_seat,25.00,1,,USD,0
CSV
otc init; expect_rc 0
otc import customers customers.csv; expect_rc 0
otc import contracts contracts.csv; expect_rc 0
otc invoice run --through 2026-01-31; expect_rc 0
expect_stderr <<'ERR'
otc: billed 2 invoices (INV-000001 to INV-000002, 2 lines) through 2026-01-31
ERR
otc credit hold C2 --reason "cheque returned" --as-of 2026-01-31; expect_rc 0
# C1's 250.00 + 250.00 of February is within its 1,000.00; C2 is held by hand.
otc invoice run --through 2026-02-28; expect_rc 0
expect_stderr <<'ERR'
otc: billed 2 invoices (INV-000003 to INV-000004, 2 lines) through 2026-02-28; customers on credit hold billed (contracts are billed regardless): C2
ERR
