# A dispute opened, listed with its age, resolved with a credit memo (through invoice credit's
# path); the customer view and history show it.
F=$FIXTURES/collections
otc init; otc import customers "$F/customers.csv"; otc import invoices "$F/invoices.csv"; expect_rc 0
otc --as-of 2026-11-20 dispute open INV-B1 --amount 1000 --reason quantity --owner sam --note "10 units short"; expect_rc 0
expect_stdout <<'EOT'
1
EOT
otc --as-of 2026-11-20 dispute open INV-B1 --amount 1000 --reason quantity --owner sam; expect_rc 0
expect_stderr_has "dispute 1 on INV-B1 is already open; nothing added"
otc --as-of 2026-11-20 dispute open INV-B1 --amount 2500 --reason pricing --owner sam; expect_rc 1
expect_stderr_has "exceeds what of invoice INV-B1 is open and not yet disputed (2000.00 USD)"
otc --as-of 2026-11-30 dispute list; expect_rc 0
expect_stdout <<'EOT'
as_of,dispute_id,customer_id,customer_name,invoice_id,currency,amount,reason,owner,opened_on,age_days,status,outcome,resolved_on,credit_memo,note
2026-11-30,1,B2,Bravo GmbH,INV-B1,USD,1000.00,quantity,sam,2026-11-20,10,open,,,,10 units short
EOT
otc dispute resolve 1 --outcome credit --date 2026-12-01 --note agreed; expect_rc 0
expect_stderr <<'EOT'
otc: dispute 1 resolved (credit): credit memo CM-000001 of 1000.00 USD applied to INV-B1; open balance now 2000.00
EOT
otc --as-of 2026-12-01 dispute list --status all; expect_rc 0
expect_stdout <<'EOT'
as_of,dispute_id,customer_id,customer_name,invoice_id,currency,amount,reason,owner,opened_on,age_days,status,outcome,resolved_on,credit_memo,note
2026-12-01,1,B2,Bravo GmbH,INV-B1,USD,1000.00,quantity,sam,2026-11-20,11,resolved,credit,2026-12-01,CM-000001,10 units short
EOT
otc --as-of 2026-12-01 collect note B2 "agreed credit" --type email; expect_rc 0
otc --as-of 2026-12-01 customer B2; expect_rc 0
expect_stdout <<'EOT'
as_of,customer_id,section,item,date,due_date,days,currency,amount,status,detail
2026-12-01,B2,summary,open_ar,,,,USD,3500.00,,
2026-12-01,B2,summary,credit_limit,,,,USD,5000.00,,from the customers file
2026-12-01,B2,summary,exposure,,,,USD,3500.00,,open AR + billable unbilled - unapplied cash; available 1500.00
2026-12-01,B2,summary,credit_hold,,,,USD,,,"ON HOLD: past due 92 days (3500.00 USD), policy holds beyond 60"
2026-12-01,B2,summary,last_payment,,,,,,,none
2026-12-01,B2,summary,average_days_to_pay,,,,,,,no payments applied
2026-12-01,B2,open_item,INV-B2,2026-08-01,2026-08-31,92,USD,1500.00,past due,
2026-12-01,B2,open_item,INV-B1,2026-10-01,2026-10-31,31,USD,2000.00,past due,
2026-12-01,B2,note,1,2026-12-01,,,,,email,agreed credit
2026-12-01,B2,dispute,1,2026-11-20,,11,USD,1000.00,resolved credit,"INV-B1: quantity, owner sam"
EOT
otc --as-of 2026-12-01 history B2; expect_rc 0
expect_stdout <<'EOT'
date,customer_id,kind,id,document,currency,amount,detail
2026-08-01,B2,invoice,INV-B2,,USD,1500.00,due 2026-08-31
2026-10-01,B2,invoice,INV-B1,,USD,3000.00,due 2026-10-31
2026-11-20,B2,dispute,1,INV-B1,USD,1000.00,quantity; owner sam
2026-12-01,B2,credit,CM-000001,INV-B1,USD,1000.00,
2026-12-01,B2,dispute-resolved,1,INV-B1,USD,1000.00,outcome credit; credit memo CM-000001
2026-12-01,B2,note,1,,,,email: agreed credit
EOT
otc --as-of 2026-11-30 history B2 --since 2026-11-01; expect_rc 0
expect_stdout <<'EOT'
date,customer_id,kind,id,document,currency,amount,detail
2026-11-20,B2,dispute,1,INV-B1,USD,1000.00,quantity; owner sam
EOT
