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

# The list is a report unless an escalation rule applies that is not recorded yet: with the built-in
# policy nothing escalates here (B2 is 91 days past due but 4,500.00 < 10,000.00), so the ledger is
# untouched; a policy escalating over 1,000.00 records B2 once, and the next run records nothing.
before=$(ledger_state)
otc --as-of 2026-11-30 collect list; expect_rc 0
[ "$(ledger_state)" = "$before" ] || fail "a list with no escalation changed the ledger"
sed 's/^min_amount = 10000.00/min_amount = 1000.00/' "$SAMPLES/collections/policy.ini" > policy.ini
cp "$SAMPLES"/collections/level*.txt .
otc --as-of 2026-11-30 collect list --policy policy.ini; expect_rc 0
expect_stderr_has "escalated: B2 USD -> senior-collector (rule over-90-10k)"
grep -q '^2026-11-30,1,B2,.*,senior-collector,' out.txt || fail "B2 not owned by senior-collector"
after=$(ledger_state)
[ "$after" != "$before" ] || fail "the escalation was not recorded"
otc --as-of 2026-11-30 collect list --policy policy.ini; expect_rc 0
[ "$(ledger_state)" = "$after" ] || fail "a second run recorded the escalation again"
if grep -q "escalated:" err.txt; then fail "a second run reported the escalation again"; fi
