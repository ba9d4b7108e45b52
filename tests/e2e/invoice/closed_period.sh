# A closed period accepts nothing from billing: an invoice run whose invoices fall in it bills
# nothing there and lists the blocked charges (exit 3); a void of an invoice dated in it and a
# credit memo dated in it fail with exit 1; nothing changes.
printf 'contract_id,customer,product,start_date,frequency,price_model,unit_price,currency\nK-1,C1,PLATFORM,2026-08-01,monthly,flat,100.00,USD\n' > contracts.csv
otc init; expect_rc 0
otc import contracts contracts.csv; expect_rc 0
otc invoice run --through 2026-08-31; expect_rc 0
expect_stdout_has "INV-000001,C1,2026-08-01"
mkdir reports
otc close --period 2026-08 --out-dir reports; expect_rc 0
otc close --period 2026-09 --out-dir reports; expect_rc 0
before=$(ledger_state)
otc invoice run --through 2026-09-30
expect_rc 3
expect_stderr_has "otc: blocked: C1 contract K-1 line 1 recurring 2026-09-01 100.00 USD (invoice date 2026-09-01): period 2026-09 is closed"
otc invoice void INV-000001 --reason "x" --date 2026-10-02
expect_rc 1
expect_stderr_has "the invoice date of the voided invoice 2026-08-01 is before the lock date (2026-09 is closed, which locks 2026-08 and every earlier period)"
otc invoice credit INV-000001 --reason "x" --date 2026-09-15
expect_rc 1
expect_stderr_has "the credit memo date 2026-09-15 falls in a closed period (2026-09)"
[ "$before" = "$(ledger_state)" ] || fail "a refused posting changed the ledger"
# A credit dated in an open period is fine.
otc invoice credit INV-000001 --amount 10.00 --reason "goodwill" --date 2026-10-02
expect_rc 0
expect_stdout_has "credit,INV-000001,CM-000001,2026-10-02,10.00,USD,90.00"
