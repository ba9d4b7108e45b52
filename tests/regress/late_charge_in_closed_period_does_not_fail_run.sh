# Bug 6: one late charge dated into a closed period failed the whole `invoice run` (and --dry-run)
# for every customer. Now everything else is billed, the blocked charges are listed with the
# period that blocks them, and the run exits 3.
otc init; expect_rc 0
printf 'contract_id,customer,product,start_date,frequency,price_model,unit_price,currency\nK-1,C1,PLATFORM,2026-11-01,monthly,flat,100.00,USD\n' > k1.csv
otc import contracts k1.csv; expect_rc 0
otc invoice run --through 2026-11-30; expect_rc 0
mkdir r
otc close --period 2026-11 --out-dir r; expect_rc 0
# A contract signed late, starting in the closed month, and another customer's December charge.
printf 'contract_id,customer,product,start_date,frequency,price_model,unit_price,currency\nK-2,C2,PLATFORM,2026-11-15,monthly,flat,300.00,USD\nK-3,C3,SUPPORT,2026-12-01,monthly,flat,50.00,USD\n' > late.csv
otc import contracts late.csv; expect_rc 0
otc invoice run --through 2026-12-01 --dry-run
expect_rc 3
expect_stderr_has "otc: blocked: C2 contract K-2 line 1 recurring 2026-11-15"
expect_stderr_has "period 2026-11 is closed"
otc invoice run --through 2026-12-01
expect_rc 3
expect_stdout_has ",C1,2026-12-01,"
expect_stdout_has ",C3,2026-12-01,"
expect_stderr_has "otc: blocked: C2 contract K-2 line 1 recurring 2026-11-15"
[ "$(sqlite3 "$OTC_LEDGER" "select count(*) from invoices where invoice_date <= '2026-11-30'")" = 1 ] || fail "an invoice was posted into the closed period"
