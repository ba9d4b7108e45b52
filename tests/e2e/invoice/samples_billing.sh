# The sample company bills its contracts (samples/contracts.csv, samples/usage.csv) for November 2026
# onwards: one run through 2026-12-01, checked by hand (docs/billing.md, "The sample contracts").
# Billing after the books' history leaves every report as of 2026-10-31 exactly as it was.
import_samples
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc import usage "$SAMPLES/usage.csv"; expect_rc 0
expect_stderr_has "(batch 5; 9 rows, 1 duplicate event ids ignored)"
otc invoice run --through 2026-12-01
expect_rc 0
expect_stdout <<'OUT'
invoice_number,customer_id,invoice_date,due_date,currency,subtotal,discount,tax,total,lines
INV-000001,C1001,2026-11-01,2026-12-01,USD,10200.00,0.00,637.50,10837.50,1
INV-000002,C1001,2026-12-01,2026-12-31,USD,14104.00,0.00,881.50,14985.50,2
INV-000003,C1002,2026-11-01,2026-12-16,USD,12000.00,1200.00,0.00,10800.00,1
INV-000004,C1005,2026-11-01,2026-12-31,USD,19500.00,0.00,0.00,19500.00,1
INV-000005,C1005,2026-11-16,2027-01-15,USD,1950.00,0.00,0.00,1950.00,1
INV-000006,C1005,2026-12-01,2027-01-30,USD,23400.00,0.00,0.00,23400.00,1
INV-000007,C1009,2026-11-14,2026-12-14,USD,156000.00,0.00,0.00,156000.00,1
INV-000008,C1010,2026-12-01,2027-01-30,USD,2000.00,0.00,0.00,2000.00,2
INV-000009,C1011,2026-11-01,2026-12-01,USD,7500.00,250.00,0.00,7250.00,1
INV-000010,C1011,2026-12-01,2026-12-31,USD,7500.00,250.00,0.00,7250.00,1
INV-000011,C1017,2026-11-20,2026-12-05,USD,9.16,0.00,0.00,9.16,1
INV-000012,C1017,2026-12-01,2026-12-16,USD,24.99,0.00,0.00,24.99,1
INV-000013,C1019,2026-11-01,2026-12-01,EUR,2200.00,0.00,418.00,2618.00,1
INV-000014,C1019,2026-12-01,2026-12-31,EUR,2200.00,0.00,418.00,2618.00,1
INV-000015,C1020,2026-12-01,2027-01-15,GBP,5120.00,0.00,1024.00,6144.00,1
OUT
HERE=$SRC/tests/e2e/samples
otc aging --as-of 2026-10-31; expect_rc 0; expect_stdout "$HERE/expected_aging_2026-10-31.csv"
otc dso --as-of 2026-10-31; expect_rc 0; expect_stdout "$HERE/expected_dso_2026-10-31.csv"
# The usage lines, by hand: 4,630,000 API calls graduated = 1,000,000 x 0.0010 + 3,630,000 x 0.0008
# = 3,904.00 (+6.25% tax 244.00); 4,100 GB of a 5,000 GB commitment at 0.40 = 1,640.00 + 360.00
# shortfall; 620 + 1,040 - 60 = 1,600 reports by volume at 3.20 = 5,120.00 (+20% VAT 1,024.00).
otc invoice run --through 2026-12-01 --lines
expect_rc 0
expect_stderr_has "nothing to bill"
sqlite3 -csv "$OTC_LEDGER" "select i.external_id, l.line_no, l.description, l.amount_minor, l.tax_minor from invoice_lines l join invoices i on i.id=l.invoice_id where l.charge_kind='usage' order by 1, 2" >usage_lines.csv
diff -u - usage_lines.csv <<'OUT' || fail "usage lines differ"
INV-000002,2,"API calls: usage 4630000 api_calls",390400,24400
INV-000008,1,"Archive storage (GB-month): usage 4100 storage_gb",164000,0
INV-000008,2,"Archive storage (GB-month): minimum commitment shortfall",36000,0
INV-000015,1,"Analytics reports: usage 1600 reports",512000,102400
OUT
