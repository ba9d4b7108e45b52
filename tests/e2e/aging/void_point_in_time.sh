# A voided invoice was open until its void date: aging before the void still shows it, and the
# roll-forward counts the void as a credit in the period of the void, so both months tie.
cp "$FIXTURES/import/invoices_small.csv" "$FIXTURES/import/payments_small.csv" .
otc init; expect_rc 0
otc import invoices invoices_small.csv; expect_rc 0
otc import payments payments_small.csv; expect_rc 0
otc invoice void INV-2 --date 2026-10-05 --reason "billed in error"
expect_rc 0
otc aging --as-of 2026-09-30 --by invoice
expect_stdout_has "2026-09-30,C1,Acme Corp,INV-2,2026-09-15,2026-10-15,-15,USD,500.00,"
otc aging --as-of 2026-10-05 --by invoice
grep -q ",INV-2," out.txt && fail "voided invoice still open on its void date"
mkdir sep oct
otc close --period 2026-09 --out-dir sep
expect_rc 0
expect_stdout_has "2026-09,USD,2200.00,500.00,400.00,0.00,0.00,0.00,2300.00,2300.00,0.00"
otc close --period 2026-10 --out-dir oct
expect_rc 0
# USD: 2,300.00 + 0.00 invoiced - 900.00 collected (INV-4) - 500.00 credited (the void) = 900.00
expect_stdout_has "2026-10,USD,2300.00,0.00,900.00,500.00,0.00,0.00,900.00,900.00,0.00"
