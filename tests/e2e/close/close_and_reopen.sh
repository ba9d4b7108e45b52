# Month-end close: roll-forward and aging at period end, then the period is locked; posting into
# it fails and changes nothing; reopening is audited.
cp "$FIXTURES/import/invoices_small.csv" "$FIXTURES/import/payments_small.csv" .
otc init; expect_rc 0
otc import invoices invoices_small.csv; expect_rc 0
otc import payments payments_small.csv; expect_rc 0
mkdir reports
otc close --period 2026-09 --out-dir reports
expect_rc 0
# USD: opening 2,200.00 (INV-1 1,000 + INV-4 1,200) + invoiced 500.00 (INV-2) − collected 400.00 = 2,300.00
expect_stdout <<'EOF2'
period,currency,opening_ar,invoiced,collected,credited,written_off,fx,closing_ar,closing_by_formula,difference
2026-09,USD,2200.00,500.00,400.00,0.00,0.00,0.00,2300.00,2300.00,0.00
EOF2
cmp out.txt reports/rollforward_2026-09.csv || fail "report file differs from stdout"
diff -u - reports/aging_2026-09-30.csv <<'EOF2' || fail "aging at period end differs"
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-09-30,C1,Acme Corp,USD,500.00,600.00,0.00,0.00,0.00,0.00,1100.00,0.00
2026-09-30,C2,"Beta, Inc.",USD,0.00,0.00,0.00,0.00,1200.00,0.00,1200.00,0.00
2026-09-30,TOTAL,,USD,500.00,600.00,0.00,0.00,1200.00,0.00,2300.00,0.00
EOF2
otc close --period 2026-09 --out-dir reports
expect_rc 0
expect_stderr_has "period 2026-09 is already closed; nothing to do"
# An invoice dated in the closed period is refused, and nothing else in the file is written.
cat > late.csv <<'EOF2'
invoice_id,customer_id,invoice_date,due_date,amount,currency
INV-8,C1,2026-10-02,2026-11-01,10.00,USD
INV-9,C1,2026-09-30,2026-10-30,20.00,USD
EOF2
before=$(ledger_state)
otc import invoices late.csv
expect_rc 1
expect_stderr_has "otc: error: late.csv:3: the invoice date 2026-09-30 falls in a closed period (2026-09)"
[ "$before" = "$(ledger_state)" ] || fail "ledger changed after posting into a closed period"
# A credit memo or a void dated in (or taking an invoice out of) the closed period is refused too.
before=$(ledger_state)
otc invoice credit INV-2 --amount 10.00 --date 2026-09-20 --reason "late credit"
expect_rc 1
expect_stderr_has "the credit memo date 2026-09-20 falls in a closed period (2026-09)"
otc invoice void INV-2 --date 2026-10-05 --reason "billed in error"
expect_rc 1
expect_stderr_has "the invoice date of the voided invoice 2026-09-15 falls in a closed period (2026-09)"
[ "$before" = "$(ledger_state)" ] || fail "ledger changed"
otc reopen --period 2026-09
expect_rc 2
otc reopen --period 2026-09 --reason "late invoice approved"
expect_rc 0
otc import invoices late.csv
expect_rc 0
otc log --command reopen
expect_stdout_has "reopen,period,2026-09,late invoice approved"
