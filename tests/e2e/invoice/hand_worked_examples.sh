# The worked examples of docs/billing.md through the real binary, to the cent: an annual price billed
# monthly in advance from the 15th of a 31-day month; a seat upgrade (10 -> 15 on day 10 of a 30-day
# month), a downgrade and a cancellation, in advance and in arrears; quarterly in arrears across a leap day.
cp "$FIXTURES/billing/examples.csv" .
otc init; expect_rc 0
otc import contracts examples.csv; expect_rc 0
expect_stderr_has "imported 10 contracts rows from examples.csv (batch 1; 10 rows, 0 already present)"
otc invoice run --through 2026-07-31 --lines
expect_rc 0
expect_stdout <<'OUT'
invoice_number,line_no,customer_id,contract_id,line_id,kind,charge_date,description,service_from,service_to,quantity,unit_price,amount,discount,tax_rate_pct,tax,total,currency
INV-000001,1,CA,K-ANNUAL,1,recurring,2026-01-15,Analytics platform (annual) (17/31 days),2026-01-15,2026-01-31,1,10000.00,456.99,0.00,0,0.00,456.99,USD
INV-000002,1,CA,K-ANNUAL,1,recurring,2026-02-01,Analytics platform (annual),2026-02-01,2026-02-28,1,10000.00,833.33,0.00,0,0.00,833.33,USD
INV-000003,1,CA,K-ANNUAL,1,recurring,2026-03-01,Analytics platform (annual),2026-03-01,2026-03-31,1,10000.00,833.33,0.00,0,0.00,833.33,USD
INV-000004,1,CA,K-ANNUAL,1,recurring,2026-04-01,Analytics platform (annual),2026-04-01,2026-04-30,1,10000.00,833.33,0.00,0,0.00,833.33,USD
INV-000005,1,CA,K-ANNUAL,1,recurring,2026-05-01,Analytics platform (annual),2026-05-01,2026-05-31,1,10000.00,833.33,0.00,0,0.00,833.33,USD
INV-000006,1,CA,K-ANNUAL,1,recurring,2026-06-01,Analytics platform (annual),2026-06-01,2026-06-30,1,10000.00,833.33,0.00,0,0.00,833.33,USD
INV-000007,1,CA,K-ANNUAL,1,recurring,2026-07-01,Analytics platform (annual),2026-07-01,2026-07-31,1,10000.00,833.33,0.00,0,0.00,833.33,USD
INV-000008,1,CB,K-SEATS,1,recurring,2026-06-01,Team seats,2026-06-01,2026-06-30,10,25.00,250.00,0.00,0,0.00,250.00,USD
INV-000009,1,CB,K-SEATS,1,adjustment,2026-06-10,Team seats: upgrade 10 -> 15 from 2026-06-10 (21/30 days),2026-06-10,2026-06-30,5,25.00,87.50,0.00,0,0.00,87.50,USD
INV-000010,1,CB,K-SEATS,1,adjustment,2026-06-20,Team seats: downgrade 15 -> 12 from 2026-06-20 (11/30 days),2026-06-20,2026-06-30,-3,25.00,-27.50,0.00,0,0.00,-27.50,USD
INV-000011,1,CB,K-SEATS,1,recurring,2026-07-01,Team seats,2026-07-01,2026-07-31,12,25.00,300.00,0.00,0,0.00,300.00,USD
INV-000012,1,CB,K-SEATS,1,adjustment,2026-07-16,Team seats: credit for unused service from 2026-07-16 (16/31 days),2026-07-16,2026-07-31,-12,25.00,-154.84,0.00,0,0.00,-154.84,USD
INV-000013,1,CC,K-ARREARS,1,recurring,2026-06-01,Team seats (arrears) (9/30 days),2026-06-01,2026-06-09,10,25.00,75.00,0.00,0,0.00,75.00,USD
INV-000013,2,CC,K-ARREARS,1,recurring,2026-06-01,Team seats (arrears) (10/30 days),2026-06-10,2026-06-19,15,25.00,125.00,0.00,0,0.00,125.00,USD
INV-000013,3,CC,K-ARREARS,1,recurring,2026-06-01,Team seats (arrears) (11/30 days),2026-06-20,2026-06-30,12,25.00,110.00,0.00,0,0.00,110.00,USD
OUT
# The register for the same invoices: due dates are invoice date + net 30.
otc invoice run --through 2026-07-31
expect_rc 0
expect_stderr_has "nothing to bill through 2026-07-31"
sqlite3 -csv "$OTC_LEDGER" "select external_id, invoice_date, due_date, total_minor, open_minor from invoices where external_id in ('INV-000001','INV-000002','INV-000013') order by 1" >got.csv
diff -u - got.csv <<'OUT' || fail "invoices table differs"
INV-000001,2026-01-15,2026-02-14,45699,45699
INV-000002,2026-02-01,2026-03-03,83333,83333
INV-000013,2026-07-01,2026-07-31,31000,31000
OUT
# Quarterly in arrears from 2027-12-01: the quarter to 2028-02-29 has 91 days. The line ending
# 2028-02-15 bills 77/91 on 2028-02-16; the evergreen one bills nothing until 2028-03-01.
otc invoice run --through 2028-02-29 --lines
expect_rc 0
grep -E 'K-QTR' out.txt >qtr.csv || true
diff -u - qtr.csv <<'OUT' || fail "quarterly lines differ"
INV-000052,1,CF,K-QTR-END,1,recurring,2027-12-01,Premium support (ending) (77/91 days),2027-12-01,2028-02-15,1,3000.00,2538.46,0.00,0,0.00,2538.46,USD
OUT
otc invoice run --through 2028-03-01 --lines
expect_rc 0
grep -E 'K-QTR' out.txt >qtr.csv || true
diff -u - qtr.csv <<'OUT' || fail "quarterly lines differ"
INV-000055,1,CE,K-QTR,1,recurring,2027-12-01,Premium support,2027-12-01,2028-02-29,1,3000.00,3000.00,0.00,0,0.00,3000.00,USD
OUT
