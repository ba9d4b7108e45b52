# Bug 2: after `close --period 2026-11` an invoice dated 2026-10-28 was still accepted (October was
# never closed) and November's close package no longer tied. Closing a period now locks every
# earlier date (a lock date); `reopen` reopens from a period onwards.
otc init; expect_rc 0
printf 'invoice_id,customer_id,invoice_date,due_date,amount,currency\nN-1,C1,2026-11-03,2026-12-03,100.00,USD\n' > nov.csv
otc import invoices nov.csv; expect_rc 0
mkdir r
otc close --period 2026-11 --out-dir r; expect_rc 0
printf 'invoice_id,customer_id,invoice_date,due_date,amount,currency\nO-9,C1,2026-10-28,2026-11-27,40.00,USD\n' > late.csv
before=$(ledger_state)
otc import invoices late.csv
expect_rc 1
expect_stderr_has "otc: error: late.csv:2: the invoice date 2026-10-28 is before the lock date (2026-11 is closed, which locks 2026-10 and every earlier period)"
[ "$before" = "$(ledger_state)" ] || fail "a posting before the lock date changed the ledger"
# October counts as closed; reopening October reopens November too.
otc close --period 2026-10 --out-dir r
expect_rc 0
expect_stderr_has "period 2026-10 is already closed; nothing to do"
otc reopen --period 2026-10 --reason "late October invoice"
expect_rc 0
expect_stderr_has "reopened 2026-10 onwards (2026-11); the lock date is now before 2026-10"
otc import invoices late.csv
expect_rc 0
otc close --period 2026-11 --out-dir r
expect_rc 0
expect_stdout_has "2026-11,USD,40.00,100.00,0.00,0.00,0.00,0.00,140.00,140.00,0.00"
