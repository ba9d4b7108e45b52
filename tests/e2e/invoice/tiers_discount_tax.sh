# Graduated versus volume tiers for the same usage (the 900-unit event sent twice counts once, and a
# customer-only record finds its line by metric); a percent discount then tax with a rounding edge,
# half-up and half-even; a minimum commitment in arrears (shortfall) and in advance (overage).
cp "$FIXTURES/billing/tiers.csv" "$FIXTURES/billing/tiers_usage.csv" .
otc init; expect_rc 0
otc import contracts tiers.csv; expect_rc 0
otc import usage tiers_usage.csv; expect_rc 0
expect_stderr_has "imported 6 usage rows from tiers_usage.csv (batch 2; 7 rows, 1 duplicate event ids ignored)"
# Half-even, as a dry run: 10% of 10.05 = 1.005 -> 1.00; net 9.05; tax 0.905 -> 0.90; total 9.95.
before=$(ledger_state)
otc invoice run --through 2026-06-01 --dry-run --rounding half-even
expect_rc 0
expect_stdout <<'OUT'
invoice_number,customer_id,invoice_date,due_date,currency,subtotal,discount,tax,total,lines
INV-000001,CD,2026-06-01,2026-07-01,USD,10.05,1.00,0.90,9.95,1
INV-000002,CN,2026-06-01,2026-07-01,USD,100.00,0.00,0.00,100.00,1
OUT
expect_stderr_has "dry run: would bill 2 invoices (INV-000001 to INV-000002, 2 lines) through 2026-06-01; nothing was written"
[ "$before" = "$(ledger_state)" ] || fail "a dry run changed the ledger"
# Half-up (the default): discount 1.01, net 9.04, tax 0.90, total 9.94.
otc invoice run --through 2026-07-01 --lines
expect_rc 0
expect_stdout <<'OUT'
invoice_number,line_no,customer_id,contract_id,line_id,kind,charge_date,description,service_from,service_to,quantity,unit_price,amount,discount,tax_rate_pct,tax,total,currency
INV-000001,1,CD,K-DISC,1,recurring,2026-06-01,HOSTING,2026-06-01,2026-06-30,1,10.05,10.05,1.01,10,0.90,9.94,USD
INV-000002,1,CD,K-DISC,1,recurring,2026-07-01,HOSTING,2026-07-01,2026-07-31,1,10.05,10.05,1.01,10,0.90,9.94,USD
INV-000003,1,CG,K-GRAD,1,usage,2026-06-01,API: usage 1500 API,2026-06-01,2026-06-30,1500,,1070.00,0.00,0,0.00,1070.00,USD
INV-000004,1,CM,K-MIN,1,usage,2026-06-01,STORAGE: usage 800 STORAGE,2026-06-01,2026-06-30,800,0.10,80.00,0.00,0,0.00,80.00,USD
INV-000004,2,CM,K-MIN,1,usage,2026-06-01,STORAGE: minimum commitment shortfall,2026-06-01,2026-06-30,1,,20.00,0.00,0,0.00,20.00,USD
INV-000005,1,CN,K-MIN-ADV,1,recurring,2026-06-01,STORAGE,2026-06-01,2026-06-30,1000,0.10,100.00,0.00,0,0.00,100.00,USD
INV-000006,1,CN,K-MIN-ADV,1,usage,2026-06-01,STORAGE: usage above commitment (1200 STORAGE),2026-06-01,2026-06-30,1,,20.00,0.00,0,0.00,20.00,USD
INV-000006,2,CN,K-MIN-ADV,1,recurring,2026-07-01,STORAGE,2026-07-01,2026-07-31,1000,0.10,100.00,0.00,0,0.00,100.00,USD
INV-000007,1,CV,K-VOL,1,usage,2026-06-01,API: usage 1500 API,2026-06-01,2026-06-30,1500,0.50,750.00,0.00,0,0.00,750.00,USD
OUT
# Totals equal the sum of their lines, to the cent, in the ledger too.
sqlite3 -csv "$OTC_LEDGER" "select i.external_id from invoices i join invoice_lines l on l.invoice_id=i.id group by i.id having i.total_minor <> sum(l.amount_minor - l.discount_minor + l.tax_minor)" >bad.csv
[ ! -s bad.csv ] || { cat bad.csv; fail "invoice totals differ from their lines"; }
# JSON for programs.
otc --format json invoice run --through 2026-08-01
expect_rc 0
expect_stdout_has '"invoice_number": "INV-000008"'
# -o writes the register to a file, stdout stays empty.
otc --format json -o register.json invoice run --through 2026-09-01 --dry-run
expect_rc 0
expect_stdout </dev/null
grep -qF '"invoice_number": "INV-000011", "customer_id": "CD", "invoice_date": "2026-09-01"' register.json || { cat register.json; fail "register.json"; }
