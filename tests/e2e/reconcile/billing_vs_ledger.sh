# reconcile billing without --erp: the CRM export against the invoice lines `otc invoice run`
# posted. K-1's CRM quantity is 12 seats, the ledger billed 10; K-2's 10% discount is the
# ledger's 10.00; K-4 was never billed; K-5 was billed with no CRM line. April is left out.
otc init; expect_rc 0
cat > contracts.csv <<'EOF2'
contract_id,line_id,customer,product,start_date,frequency,timing,price_model,unit_price,quantity,discount,currency
K-1,1,C1,SEATS,2026-03-01,monthly,advance,per_seat,25.00,10,,USD
K-2,1,C2,SUPPORT,2026-03-01,monthly,advance,flat,100.00,,10%,USD
K-3,1,C3,SEATS,2026-03-01,monthly,advance,per_seat,40.00,5,,USD
K-5,1,C5,SEATS,2026-03-01,monthly,advance,per_seat,30.00,2,,USD
EOF2
otc import contracts contracts.csv; expect_rc 0
otc invoice run --through 2026-04-01; expect_rc 0
cat > crm.csv <<'EOF2'
contract_id,contract_line,billing_period,product,customer,quantity,unit_price,discount,amount,currency
K-1,1,2026-03,SEATS,C1,12,25.00,,300.00,USD
K-2,1,2026-03,SUPPORT,C2,1,100.00,10%,90.00,USD
K-3,1,2026-03,SEATS,C3,5,40.00,,200.00,USD
K-4,1,2026-03,SEATS,C4,1,50.00,,50.00,USD
K-1,1,2026-04,SEATS,C1,10,25.00,,250.00,USD
EOF2
before=$(ledger_state)
otc reconcile billing --crm crm.csv --period 2026-03
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
quantity_difference,K-1|2026-03|SEATS,12,10,2,,"CRM K-1/1 (line 2) vs ERP INV-000001/1: billed quantity 10, contract quantity 12; amount effect 50.00 USD; bill or credit the difference"
missing_in_erp,K-4|2026-03|SEATS,50.00,,50.00,USD,CRM K-4/1 (line 5) for customer C4 has no ERP invoice line; bill it (unbilled)
missing_in_crm,K-5|2026-03|SEATS,,60.00,-60.00,USD,ERP INV-000007/1 for customer C5 has no CRM contract line; add the contract line or credit the invoice
EOF2
expect_stderr_has "reconcile billing 2026-03: CRM 4 lines, ERP 4 lines (ledger), 3 paired (2 agree); 3 breaks (missing_in_erp 1, missing_in_crm 1, quantity_difference 1); 1 row of other periods left out"
# The ledger is only read; the run leaves one audit entry.
after=$(ledger_state)
[ "$(diff <(echo "$before") <(echo "$after") | grep -c '^>')" = 1 ] || fail "reconcile wrote more than an audit entry"
otc log --command "reconcile billing"
expect_stdout_has ",reconcile,billing,2026-03,"
# A voided invoice no longer bills its line: K-3 becomes unbilled.
otc invoice void INV-000005 --reason "wrong customer"
expect_rc 0
otc reconcile billing --crm crm.csv --period 2026-03
expect_rc 3
expect_stdout_has "missing_in_erp,K-3|2026-03|SEATS,200.00,,200.00,USD,"
