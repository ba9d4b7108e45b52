# DSO as of 2026-10-31, N = 90 (window 2026-08-03 .. 2026-10-31), worked by hand in docs/metrics.md.
otc init; expect_rc 0
otc import invoices "$FIXTURES/import/invoices_small.csv"; expect_rc 0
otc import payments "$FIXTURES/import/payments_small.csv"; expect_rc 0
otc dso --as-of 2026-10-31
expect_rc 0
expect_stdout <<'EOF2'
as_of,currency,method,window_days,open_ar,open_ar_at_window_start,current_ar,credit_sales,dso,best_possible_dso,average_days_delinquent,cei_percent
2026-10-31,EUR,standard,90,250.50,0.00,250.50,250.50,90.00,90.00,0.00,
2026-10-31,USD,standard,90,1400.00,2200.00,0.00,500.00,252.00,0.00,252.00,48.15
EOF2
otc dso --as-of 2026-10-31 --method countback
expect_stdout <<'EOF2'
as_of,currency,method,window_days,open_ar,open_ar_at_window_start,current_ar,credit_sales,dso,best_possible_dso,average_days_delinquent,cei_percent
2026-10-31,EUR,countback,90,250.50,0.00,250.50,250.50,31.00,90.00,0.00,
2026-10-31,USD,countback,90,1400.00,2200.00,0.00,500.00,88.90,0.00,252.00,48.15
EOF2
COLUMNS=400 otc dso --as-of 2026-10-31 --by customer --format table
expect_stdout_has "2026-10-31  C2           Beta, Inc.     USD       standard           90    300.00                 1,200.00        0.00          0.00                                                            75.00"
# at 120 columns the table drops as_of, method, window_days and open_ar_at_window_start (docs/output-formats.md)
otc dso --as-of 2026-10-31 --by customer --format table
expect_stdout_has "C2           Beta, Inc.     USD         300.00        0.00          0.00                                                            75.00"
