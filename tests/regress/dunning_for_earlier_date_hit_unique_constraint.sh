# Bug: `collect dunning` for a date earlier than a run already made (as of 11-30, then as of 11-15)
# tried to record a notice it had already sent later and failed with a raw UNIQUE constraint error
# from the ledger. Now an account with a notice dated after --as-of is skipped ("later notice"),
# nothing is written, and the run exits 0.
F=$FIXTURES/collections
otc init; expect_rc 0
otc import customers "$F/customers.csv"; expect_rc 0
otc import invoices "$F/invoices.csv"; expect_rc 0
otc import payments "$F/payments.csv"; expect_rc 0
mkdir mail early
otc --as-of 2026-11-30 collect dunning --out mail; expect_rc 0
before=$(ledger_state)
otc --as-of 2026-11-15 collect dunning --out early; expect_rc 0
expect_stdout <<'EOT'
as_of,customer_id,customer_name,currency,past_due,disputed_past_due,oldest_days_past_due,level_before,level,action,reason,channel,to,file
2026-11-15,A1,Alpha Ltd,USD,12000.00,0.00,45,0,0,skipped,later notice,,ap@alpha.example,
2026-11-15,B2,Bravo GmbH,USD,4500.00,0.00,76,0,0,skipped,later notice,,ap@bravo.example,
2026-11-15,C3,Charlie & Co,USD,800.00,0.00,1,0,0,skipped,no address,,,
2026-11-15,D4,Delta Inc,USD,2000.00,0.00,31,0,0,skipped,later notice,,ap@delta.example,
2026-11-15,E5,Echo Corp,USD,5000.00,0.00,15,0,0,skipped,later notice,,ap@echo.example,
2026-11-15,F6,Foxtrot SA,USD,1000.00,0.00,6,0,0,skipped,later notice,,ap@foxtrot.example,
EOT
expect_stderr_has "otc: skipped A1 USD: later notice"

[ "$(ledger_state)" = "$before" ] || fail "the earlier run changed the ledger"
[ -z "$(ls early)" ] || fail "the earlier run wrote notices"
