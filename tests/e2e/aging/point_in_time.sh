# Hand-worked aging of tests/fixtures/import/{invoices,payments}_small.csv at three dates.
# INV-1 C1 1000.00 USD due 08-31, 400.00 paid 09-10; INV-2 C1 500.00 due 10-15;
# INV-3 C2 250.50 EUR due 10-31; INV-4 C2 1200.00 USD due 07-01, 900.00 paid 10-05;
# P2 C2 50.00 EUR unapplied 10-20; P4 75.00 USD from no known customer 10-30.
otc init; expect_rc 0
otc import invoices "$FIXTURES/import/invoices_small.csv"; expect_rc 0
otc import payments "$FIXTURES/import/payments_small.csv"; expect_rc 0
otc aging --as-of 2026-10-31 --totals
expect_rc 0
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-10-31,,,USD,0.00,0.00,0.00,0.00,0.00,0.00,0.00,75.00
2026-10-31,C1,Acme Corp,USD,0.00,500.00,0.00,600.00,0.00,0.00,1100.00,0.00
2026-10-31,C2,"Beta, Inc.",EUR,250.50,0.00,0.00,0.00,0.00,0.00,250.50,50.00
2026-10-31,C2,"Beta, Inc.",USD,0.00,0.00,0.00,0.00,0.00,300.00,300.00,0.00
2026-10-31,TOTAL,,EUR,250.50,0.00,0.00,0.00,0.00,0.00,250.50,50.00
2026-10-31,TOTAL,,USD,0.00,500.00,0.00,600.00,0.00,300.00,1400.00,75.00
EOF2
otc aging --as-of 2026-09-30
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-09-30,C1,Acme Corp,USD,500.00,600.00,0.00,0.00,0.00,0.00,1100.00,0.00
2026-09-30,C2,"Beta, Inc.",USD,0.00,0.00,0.00,0.00,1200.00,0.00,1200.00,0.00
EOF2
otc aging --as-of 2026-09-09 --by invoice
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,invoice_id,invoice_date,due_date,days_past_due,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-09-09,C1,Acme Corp,INV-1,2026-08-01,2026-08-31,9,USD,0.00,1000.00,0.00,0.00,0.00,0.00,1000.00,
2026-09-09,C2,"Beta, Inc.",INV-4,2026-06-01,2026-07-01,70,USD,0.00,0.00,0.00,1200.00,0.00,0.00,1200.00,
EOF2
# Custom buckets on the invoice date, JSON for programs.
otc aging --as-of 2026-10-31 --basis invoice --buckets 60,120 --format json
expect_stdout <<'EOF2'
[
  {"as_of": "2026-10-31", "customer_id": "", "customer_name": "", "currency": "USD", "0-60": 0.00, "61-120": 0.00, "121+": 0.00, "open_total": 0.00, "unapplied_credit": 75.00},
  {"as_of": "2026-10-31", "customer_id": "C1", "customer_name": "Acme Corp", "currency": "USD", "0-60": 500.00, "61-120": 600.00, "121+": 0.00, "open_total": 1100.00, "unapplied_credit": 0.00},
  {"as_of": "2026-10-31", "customer_id": "C2", "customer_name": "Beta, Inc.", "currency": "EUR", "0-60": 250.50, "61-120": 0.00, "121+": 0.00, "open_total": 250.50, "unapplied_credit": 50.00},
  {"as_of": "2026-10-31", "customer_id": "C2", "customer_name": "Beta, Inc.", "currency": "USD", "0-60": 0.00, "61-120": 0.00, "121+": 300.00, "open_total": 300.00, "unapplied_credit": 0.00}
]
EOF2
# -o writes the file and keeps stdout clean.
otc aging --as-of 2026-10-31 -o aging.csv
expect_rc 0
expect_stdout </dev/null
[ "$(wc -l < aging.csv)" = 5 ] || fail "aging.csv has $(wc -l < aging.csv) lines"
otc aging --as-of 2026-13-01
expect_rc 2
expect_stderr_has "--as-of '2026-13-01' is not a date (YYYY-MM-DD)"
otc aging --buckets 30,20
expect_rc 2
