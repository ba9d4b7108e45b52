# collect list --sort COLUMN[:desc] and --customer ID (the filters aging and cash unapplied have):
# rows keep their rank; a bad --sort is a usage error (exit 2) before the ledger is touched, so
# no escalation is recorded by a refused run.
F=$FIXTURES/collections
otc init; expect_rc 0
otc import customers "$F/customers.csv"; expect_rc 0
otc import invoices "$F/invoices.csv"; expect_rc 0
otc import payments "$F/payments.csv"; expect_rc 0
before=$(ledger_state)
otc --as-of 2026-11-30 collect list --sort bogus:desc
expect_rc 2
expect_stderr_has "otc: error: --sort: this report has no column 'bogus'"
[ "$(ledger_state)" = "$before" ] || fail "a refused run changed the ledger"
otc --as-of 2026-11-30 collect list --sort past_due:desc
expect_rc 0
cut -d, -f2-6 out.txt > got.txt
diff -u - got.txt <<'EOT' || fail "sorted by past_due"
rank,customer_id,customer_name,currency,past_due
2,A1,Alpha Ltd,USD,12000.00
1,B2,Bravo GmbH,USD,4500.00
4,E5,Echo Corp,USD,3000.00
3,D4,Delta Inc,USD,2000.00
5,F6,Foxtrot SA,USD,1000.00
6,C3,Charlie & Co,USD,800.00
EOT
otc --as-of 2026-11-30 collect list --customer E5
expect_rc 0
cut -d, -f2-7 out.txt > got.txt
diff -u - got.txt <<'EOT' || fail "one customer"
rank,customer_id,customer_name,currency,past_due,oldest_days_past_due
4,E5,Echo Corp,USD,3000.00,30
EOT
