# docs/billing.md "A second run bills nothing": five invoices through 2026-03-01; the same run again
# bills nothing, exits 0, says so and leaves the ledger as it was; a later run continues the gapless
# numbering; aging and the audit log see the invoices.
cp "$FIXTURES/billing/run_example.csv" "$FIXTURES/billing/run_example_usage.csv" .
otc init; expect_rc 0
otc import contracts run_example.csv; expect_rc 0
otc import usage run_example_usage.csv; expect_rc 0
otc invoice run --through 2026-03-01
expect_rc 0
expect_stdout <<'OUT'
invoice_number,customer_id,invoice_date,due_date,currency,subtotal,discount,tax,total,lines
INV-000001,C1,2026-01-01,2026-01-31,USD,250.00,0.00,0.00,250.00,1
INV-000002,C1,2026-01-15,2026-02-14,USD,456.99,0.00,0.00,456.99,1
INV-000003,C1,2026-02-01,2026-03-03,USD,1113.33,0.00,0.00,1113.33,3
INV-000004,C1,2026-02-10,2026-03-12,USD,84.82,0.00,0.00,84.82,1
INV-000005,C1,2026-03-01,2026-03-31,USD,1213.33,0.00,0.00,1213.33,3
OUT
expect_stderr <<'ERR'
otc: billed 5 invoices (INV-000001 to INV-000005, 9 lines) through 2026-03-01
ERR
before=$(ledger_state)
otc invoice run --through 2026-03-01
expect_rc 0
expect_stdout <<'OUT'
invoice_number,customer_id,invoice_date,due_date,currency,subtotal,discount,tax,total,lines
OUT
expect_stderr <<'ERR'
otc: nothing to bill through 2026-03-01: every charge due is already invoiced
ERR
[ "$before" = "$(ledger_state)" ] || fail "a second run changed the ledger"
# Re-importing the same files adds nothing.
otc import contracts run_example.csv; expect_rc 0
expect_stderr_has "run_example.csv was already imported as batch 1"
otc import usage run_example_usage.csv; expect_rc 0
expect_stderr_has "nothing to do"
# The next month continues the sequence.
otc invoice run --through 2026-04-01 --format table
expect_rc 0
expect_stdout <<'OUT'
invoice_number  customer_id  invoice_date  due_date    currency  subtotal  discount  tax   total     lines
--------------  -----------  ------------  ----------  --------  --------  --------  ----  --------  -----
INV-000006      C1           2026-04-01    2026-05-01  USD       1,208.33      0.00  0.00  1,208.33      2
OUT
# The invoices are in the ledger's invoices table: aging sees them (due dates from the terms).
otc aging --as-of 2026-04-01 --by invoice
expect_rc 0
expect_stdout <<'OUT'
as_of,customer_id,customer_name,invoice_id,invoice_date,due_date,days_past_due,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-04-01,C1,,INV-000001,2026-01-01,2026-01-31,60,USD,0.00,0.00,250.00,0.00,0.00,0.00,250.00,
2026-04-01,C1,,INV-000002,2026-01-15,2026-02-14,46,USD,0.00,0.00,456.99,0.00,0.00,0.00,456.99,
2026-04-01,C1,,INV-000003,2026-02-01,2026-03-03,29,USD,0.00,1113.33,0.00,0.00,0.00,0.00,1113.33,
2026-04-01,C1,,INV-000004,2026-02-10,2026-03-12,20,USD,0.00,84.82,0.00,0.00,0.00,0.00,84.82,
2026-04-01,C1,,INV-000005,2026-03-01,2026-03-31,1,USD,0.00,1213.33,0.00,0.00,0.00,0.00,1213.33,
2026-04-01,C1,,INV-000006,2026-04-01,2026-05-01,-30,USD,1208.33,0.00,0.00,0.00,0.00,0.00,1208.33,
OUT
[ "$(sqlite3 "$OTC_LEDGER" "select max_activity from ledger_meta")" = 2026-04-01 ] || fail "activity not noted"
# Every run is in the audit log, with the numbers it issued.
otc log --command "invoice run"
expect_rc 0
[ "$(grep -c invoice_run out.txt)" = 2 ] || { cat out.txt; fail "expected two invoice_run entries"; }
expect_stdout_has 'invoice_run,invoices,INV-000001..INV-000005,"through 2026-03-01: 5 invoices, 9 lines, for 1 customers with contracts"'
expect_stdout_has 'invoice_run,invoices,INV-000006..INV-000006,"through 2026-04-01: 1 invoices, 2 lines, for 1 customers with contracts"'
