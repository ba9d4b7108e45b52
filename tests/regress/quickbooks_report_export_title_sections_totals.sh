# Bug: a QuickBooks "A/R Aging Detail" export (company, title and "As of" lines above the header;
# section, "Total for" and TOTAL rows; a footer) needed hand-editing. Now the header is found by
# the required fields, layout rows are skipped and counted, the credit memo is open credit, and the
# open balance below the amount is an opening application dated the report's "As of" date.
otc init; expect_rc 0
otc import invoices "$FIXTURES/exports/qbo_ar_aging_detail.csv" --profile quickbooks
expect_rc 0
expect_stderr_has "4 rows, 0 already present, 1 of them credit memos (0 applied to the invoice they name, 1 open credit), 1 with an open balance below the amount (opening applications dated 2026-11-30), header on line 5, 7 section/total/blank rows skipped, 2 new customers created as stubs (id and name only))"
otc aging --as-of 2026-11-30
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-11-30,Contoso Ltd,Contoso Ltd,USD,0.00,2300.00,0.00,0.00,0.00,0.00,2300.00,0.00
2026-11-30,Northwind Traders,Northwind Traders,USD,1200.00,0.00,0.00,0.00,0.00,0.00,1200.00,200.00
EOF2
# header_row = N in a mapping file names the header line instead.
printf 'header_row = 5\n' > qb.map
otc init --ledger second.db; expect_rc 0
otc --ledger second.db import invoices "$FIXTURES/exports/qbo_ar_aging_detail.csv" --profile quickbooks --map qb.map
expect_rc 0
expect_stderr_has "header on line 5"
printf 'header_row = 3\n' > wrong.map
otc init --ledger third.db; expect_rc 0
otc --ledger third.db import invoices "$FIXTURES/exports/qbo_ar_aging_detail.csv" --profile quickbooks --map wrong.map
expect_rc 1
expect_stderr_has "qbo_ar_aging_detail.csv:3: no column for required field(s)"
