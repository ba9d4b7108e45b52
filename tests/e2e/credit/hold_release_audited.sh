# credit check exits 3 while a customer is over its limit or on hold; a limit set by hand, a manual
# hold and its release are audited, and running them twice changes nothing.
cat > customers.csv <<'CSV'
customer_id,name,currency,terms,credit_limit
K1,Kredit Ltd,USD,30,1000.00
K2,Small Co,USD,30,
CSV
cat > invoices.csv <<'CSV'
invoice_id,customer_id,invoice_date,due_date,amount,currency
K-1,K1,2026-09-01,2026-10-01,1000.00,USD
K-2,K1,2026-10-10,2026-11-09,500.00,USD
K-9,K2,2026-10-01,2026-10-31,100.00,USD
CSV
cat > payments.csv <<'CSV'
payment_id,customer_id,payment_date,amount,currency,invoice_id,applied_amount
KP-1,K1,2026-10-05,450.00,USD,K-1,400.00
CSV
otc init; expect_rc 0
otc import customers customers.csv; expect_rc 0
otc import invoices invoices.csv; expect_rc 0
otc import payments payments.csv; expect_rc 0
otc credit check --as-of 2026-10-31
expect_rc 3
expect_stdout <<'OUT'
as_of,customer_id,customer_name,currency,limit,open_ar,billable_unbilled,billable_unbilled_tax,unapplied,exposure,available,utilisation_percent,past_due,days_past_due,limit_source,review_by,over_limit,on_hold,hold_reasons
2026-10-31,K1,Kredit Ltd,USD,1000.00,1100.00,0.00,0.00,50.00,1050.00,-50.00,105.00,600.00,30,import,,yes,yes,over limit: exposure 1050.00 USD > limit 1000.00 USD
2026-10-31,K2,Small Co,USD,,100.00,0.00,0.00,0.00,100.00,,,0.00,0,,,no,no,
OUT
expect_stderr <<'ERR'
otc: 1 line(s) on hold, 1 over limit
ERR
otc credit set K1 --limit 2000 --review-by 2026-12-31 --as-of 2026-10-31; expect_rc 0
expect_stdout <<'OUT'
customer_id,currency,limit,previous_limit,review_by,set_on,changed
K1,USD,2000.00,,2026-12-31,2026-10-31,yes
OUT
before=$(ledger_state)
otc credit set K1 --limit 2000.00 --review-by 2026-12-31 --as-of 2026-10-31; expect_rc 0
[ "$(ledger_state)" = "$before" ] || fail "setting the same limit again changed the ledger"
otc credit check K1 --as-of 2026-10-31; expect_rc 0
otc credit hold K2 --reason "cheque returned twice" --as-of 2026-10-20; expect_rc 0
before=$(ledger_state)
otc credit hold K2 --reason "cheque returned twice" --as-of 2026-10-20; expect_rc 0
[ "$(ledger_state)" = "$before" ] || fail "holding twice changed the ledger"
otc credit check K2 --as-of 2026-10-31
expect_rc 3
expect_stdout_has "K2,Small Co,USD,,100.00,0.00,0.00,0.00,100.00,,,0.00,0,,,no,yes,manual hold since 2026-10-20: cheque returned twice"
otc credit check --as-of 2026-12-31 --due-reviews
expect_rc 3
expect_stdout_has "credit review due 2026-12-31"
otc credit release K2 --reason "paid by wire" --as-of 2026-10-25; expect_rc 0
otc credit check K2 --as-of 2026-10-31; expect_rc 0
otc log; expect_rc 0
expect_stdout_has "credit_limit"
expect_stdout_has "credit_hold"
expect_stdout_has "paid by wire"
otc credit hold NOPE --reason x
expect_rc 1
expect_stderr_has "customer 'NOPE' is not in the ledger"
otc credit hold K1
expect_rc 2
otc credit risk --as-of 2026-10-31; expect_rc 0
expect_stdout <<'OUT'
as_of,customer_id,customer_name,score,past_due_points,days_to_pay_trend_points,broken_promises_points,disputes_points,returned_payments_points,utilisation_points,reasons
2026-10-31,K1,Kredit Ltd,17,16.36,0.00,0.00,0.00,0.00,0.75,54.55% of AR past due (+16.36); 52.50% of the limit used (+0.75)
2026-10-31,K2,Small Co,0,0.00,0.00,0.00,0.00,0.00,0.00,
OUT
