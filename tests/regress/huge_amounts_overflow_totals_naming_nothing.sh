# Bug (issue 15 #6): 1,100 invoices of 89,999,999,999,999.99 were accepted, then aging --totals,
# dso and close failed with "amount overflow" naming nothing. One amount is now at most
# 999,999,999,999.99 (10^14 - 1 minor units; docs/limits.md), and totals are checked.
otc init; expect_rc 0
python3 - <<'PY'
with open("big.csv", "w") as f:
    f.write("invoice_id,customer_id,invoice_date,due_date,amount,currency\n")
    for i in range(1100):
        f.write(f"B-{i:04d},C-1,2026-01-15,2026-02-14,89999999999999.99,USD\n")
with open("max.csv", "w") as f:
    f.write("invoice_id,customer_id,invoice_date,due_date,amount,currency\n")
    for i in range(1100):
        f.write(f"M-{i:04d},C-{i % 2},2026-01-15,2026-02-14,999999999999.99,USD\n")
PY
otc import invoices big.csv; expect_rc 1
expect_stderr_has "big.csv:2:5: amount '89999999999999.99': amount is too large"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices')" = 0 ] || fail "an over-large amount was stored"
# The largest amount, 1,100 times: every total still fits, every report works.
otc import invoices max.csv; expect_rc 0
otc aging --as-of 2026-03-31 --totals; expect_rc 0
expect_stdout_has "1099999999999989.00"
otc dso --as-of 2026-03-31; expect_rc 0
otc close --period 2026-01 --out-dir .; expect_rc 0
