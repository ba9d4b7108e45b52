# docs/billing.md "Unbilled on a date mid-period": as of 2026-06-15, with only May's usage billed, the
# seat line shows June's 250.00 (age 14) and the upgrade's 87.50 (age 5); the quarter April-June in
# arrears shows nothing; 600 units recorded on 06-05 on a graduated line show 500.00, not billable
# yet, age 10. As of 2026-07-03 the quarter shows 3,000.00, billable since 07-01, age 2.
cat > usage_lines.csv <<'CSV'
contract_id,line_id,customer,product,start_date,frequency,timing,price_model,tiers,unit_price,currency
K-QTR,1,CE,SUPPORT,2026-04-01,quarterly,arrears,flat,,"3,000.00",USD
K-GRAD,1,CG,API,2026-05-01,monthly,arrears,usage_graduated,100:1.00;1000:0.80;inf:0.50,,USD
CSV
cat > seats.csv <<'CSV'
contract_id,line_id,customer,product,start_date,effective_date,frequency,price_model,unit_price,quantity,currency,tax_rate
K-SEATS,1,CB,SEATS,2026-06-01,,monthly,per_seat,25.00,10,USD,8.875
K-SEATS,1,,,,2026-06-10,,,,15,,
CSV
printf 'event_id,contract_id,quantity,usage_date\nm1,K-GRAD,50,2026-05-20\nj1,K-GRAD,600,2026-06-05\n' > usage.csv
otc init; expect_rc 0
otc import contracts usage_lines.csv; expect_rc 0
otc import usage usage.csv; expect_rc 0
otc invoice run --through 2026-06-01
expect_rc 0
expect_stdout_has "INV-000001,CG,2026-06-01,2026-07-01,USD,50.00,0.00,0.00,50.00,1"
otc import contracts seats.csv; expect_rc 0
before=$(ledger_state)
otc unbilled --as-of 2026-06-15
expect_rc 0
expect_stdout <<'OUT'
as_of,customer_id,contract_id,line_id,product,kind,charge_date,period_start,period_end,billable,since,age_days,currency,amount,tax
2026-06-15,CB,K-SEATS,1,SEATS,recurring,2026-06-01,2026-06-01,2026-06-30,yes,2026-06-01,14,USD,250.00,22.19
2026-06-15,CB,K-SEATS,1,SEATS,adjustment,2026-06-10,2026-06-10,2026-06-30,yes,2026-06-10,5,USD,87.50,7.77
2026-06-15,CG,K-GRAD,1,API,usage,2026-06-01,2026-06-01,2026-06-15,not yet,2026-06-05,10,USD,500.00,0.00
OUT
expect_stderr_has "3 unbilled item(s) as of 2026-06-15"
[ "$before" = "$(ledger_state)" ] || fail "unbilled changed the ledger"
otc unbilled --as-of 2026-06-15 --billable --format table
expect_rc 0
expect_stdout <<'OUT'
as_of       customer_id  contract_id  line_id  product  kind        charge_date  period_start  period_end  billable  since       age_days  currency  amount  tax
----------  -----------  -----------  -------  -------  ----------  -----------  ------------  ----------  --------  ----------  --------  --------  ------  -----
2026-06-15  CB           K-SEATS      1        SEATS    recurring   2026-06-01   2026-06-01    2026-06-30  yes       2026-06-01        14  USD       250.00  22.19
2026-06-15  CB           K-SEATS      1        SEATS    adjustment  2026-06-10   2026-06-10    2026-06-30  yes       2026-06-10         5  USD        87.50   7.77
OUT
otc unbilled --as-of 2026-07-03
expect_rc 0
expect_stdout <<'OUT'
as_of,customer_id,contract_id,line_id,product,kind,charge_date,period_start,period_end,billable,since,age_days,currency,amount,tax
2026-07-03,CB,K-SEATS,1,SEATS,recurring,2026-06-01,2026-06-01,2026-06-30,yes,2026-06-01,32,USD,250.00,22.19
2026-07-03,CB,K-SEATS,1,SEATS,adjustment,2026-06-10,2026-06-10,2026-06-30,yes,2026-06-10,23,USD,87.50,7.77
2026-07-03,CB,K-SEATS,1,SEATS,recurring,2026-07-01,2026-07-01,2026-07-31,yes,2026-07-01,2,USD,375.00,33.28
2026-07-03,CE,K-QTR,1,SUPPORT,recurring,2026-04-01,2026-04-01,2026-06-30,yes,2026-07-01,2,USD,3000.00,0.00
2026-07-03,CG,K-GRAD,1,API,usage,2026-06-01,2026-06-01,2026-06-30,yes,2026-07-01,2,USD,500.00,0.00
OUT
# What unbilled lists as billable is exactly what a run through the same date bills.
otc invoice run --through 2026-07-03 --lines
expect_rc 0
[ "$(tail -n +2 out.txt | wc -l)" = 5 ] || { cat out.txt; fail "expected five lines"; }
otc unbilled --as-of 2026-07-03
expect_rc 0
[ "$(wc -l < out.txt)" = 1 ] || { cat out.txt; fail "nothing should remain unbilled"; }
