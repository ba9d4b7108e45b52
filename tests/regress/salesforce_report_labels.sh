# Bug: a Salesforce report export labels its columns "Invoice: Invoice Number", "Account: Account
# ID" (and ends with "Grand Totals"); only API names were recognised. Now labels resolve too.
otc init; expect_rc 0
otc import invoices "$FIXTURES/exports/salesforce_invoices_report.csv" --profile salesforce --as-of 2026-11-30
expect_rc 0
expect_stderr_has "imported 3 invoices"
expect_stderr_has "2 section/total/blank rows skipped"
otc aging --as-of 2026-11-30
expect_stdout <<'EOF2'
as_of,customer_id,customer_name,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-11-30,001Dn00000AbCdE,Umbrella Corp,USD,1250.00,0.00,0.00,0.00,0.00,0.00,1250.00,0.00
2026-11-30,001Dn00000XyZwV,Stark Industries,USD,0.00,0.00,980.50,0.00,0.00,0.00,980.50,0.00
EOF2
