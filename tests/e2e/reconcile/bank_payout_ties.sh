# reconcile bank: a Stripe payout with fees, a Radar fee row and a refund ties to one bank
# deposit, a payout with a chargeback ties by its reference, and customer wires tie to their
# ledger receipts. Only the fee lines for the GL come out, and they are not breaks: exit 0.
otc init; expect_rc 0
cat > invoices.csv <<'EOF2'
invoice_id,customer_id,invoice_date,due_date,amount,currency
INV-2001,C1,2026-02-01,2026-03-03,5000.00,USD
INV-2002,C2,2026-02-01,2026-03-03,750.00,USD
EOF2
cat > payments.csv <<'EOF2'
payment_id,customer_id,payment_date,amount,currency,invoice_id,reference
PAY-1,C1,2026-03-05,5000.00,USD,INV-2001,FT0305001
PAY-2,C2,2026-03-06,750.00,USD,INV-2002,
EOF2
otc import invoices invoices.csv; expect_rc 0
otc import payments payments.csv; expect_rc 0
cat > bank.csv <<'EOF2'
date,amount,currency,bank_reference,payer,payer_account,description
2026-03-05,"5,000.00",USD,FT0305001,ACME CORP,,INV-2001
2026-03-06,"1,111.15",USD,FT0306002,STRIPE,,STRIPE TRANSFER
2026-03-07,750.00,USD,FT0307003,BETA INC,,PAYMENT
2026-03-09,261.20,USD,FT0309004,STRIPE,,STRIPE PAYOUT po_B
EOF2
# po_A: charges 1,250.00 - refund 100.00 - fees 38.85 (29.30 + 7.55 + a 2.00 Radar fee row) = 1,111.15.
# po_B: charges 800.00 - chargeback 500.00 - fees 38.80 (14.80 + 15.00 dispute fee + 9.00) = 261.20.
otc reconcile bank "$FIXTURES/gateway/stripe_balance.csv" bank.csv --detail payouts.csv
expect_rc 0
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
fee,gateway=stripe|payout=po_A,38.85,,38.85,USD,"post 38.85 USD of stripe fees for payout po_A dated 2026-03-06 (debit processing fees, credit the gateway clearing account)"
fee,gateway=stripe|payout=po_B,38.80,,38.80,USD,"post 38.80 USD of stripe fees for payout po_B dated 2026-03-08 (debit processing fees, credit the gateway clearing account)"
EOF2
diff -u - payouts.csv <<'EOF2' || fail "payout detail differs"
gateway,payout_id,date,currency,charges,refunds,fees,disputes,adjustments,net,payout,difference,match,deposit_date,deposit,invoices
stripe,po_A,2026-03-06,USD,1250.00,100.00,38.85,0.00,0.00,1111.15,1111.15,0.00,amount_date,2026-03-06,bank.csv:3,INV-1001;INV-1002;INV-1003
stripe,po_B,2026-03-08,USD,800.00,0.00,38.80,500.00,0.00,261.20,261.20,0.00,reference,2026-03-09,bank.csv:5,INV-1004;INV-1005
EOF2
expect_stderr_has "stripe_balance.csv: stripe export, 10 rows"
expect_stderr_has "reconcile bank 2026-03-05..2026-03-09: 4 deposits, 2 ledger receipts in range; 2 matched (1 by reference, 1 by amount and date); 2 payouts, 2 tie to a deposit; 0 breaks"
expect_stderr_has "payout stripe po_A 2026-03-06: charges 1250.00 - refunds 100.00 - fees 38.85 - disputes 0.00 + adjustments 0.00 = 1111.15 USD; paid out 1111.15; deposit 2026-03-06 (bank.csv:3); invoices INV-1001 INV-1002 INV-1003"
expect_stderr_has "stripe 77.38 USD in 1 row not paid out yet"
# JSON for programs: the same rows.
otc --format json reconcile bank bank.csv "$FIXTURES/gateway/stripe_balance.csv"
expect_rc 0
expect_stdout_has '{"type": "fee", "keys": "gateway=stripe|payout=po_A", "left": "38.85", "right": "", "difference": 38.85, "currency": "USD",'
# The payout's deposit goes missing: its payout has no deposit, and nothing else changes.
grep -v FT0306002 bank.csv > bank_short.csv
otc reconcile bank bank_short.csv "$FIXTURES/gateway/stripe_balance.csv"
expect_rc 3
expect_stdout_has "payout_without_deposit,gateway=stripe|payout=po_A,1111.15,,1111.15,USD,"
expect_stderr_has "; 1 break (payout_without_deposit 1)"
# PayPal: the activity download names no payout on its rows; they go to the next withdrawal.
# Fees are negative there (net = gross + fee) and a refund gives part of the fee back; the pending
# payment does not move the balance and is skipped.
cat > paypal.csv <<'EOF2'
Date,Time,TimeZone,Name,Type,Status,Currency,Gross,Fee,Net,From Email Address,To Email Address,Transaction ID,Reference Txn ID,Invoice Number,Balance
03/02/2026,10:00:00,PST,Acme Corp,Express Checkout Payment,Completed,USD,"1,200.00",-35.10,"1,164.90",ap@acme.example,ar@us.example,1AB23456CD789012E,,INV-3001,"1,164.90"
03/03/2026,11:00:00,PST,Beta Inc,Payment Refund,Completed,USD,-50.00,1.45,-48.55,ar@us.example,ap@beta.example,2BC34567DE890123F,9ZZ00000AA000000B,INV-3002,"1,116.35"
03/03/2026,12:00:00,PST,Gamma LLC,Website Payment,Pending,USD,80.00,-2.62,77.38,ap@gamma.example,ar@us.example,3CD45678EF901234G,,INV-3003,"1,116.35"
03/04/2026,09:00:00,PST,,General Withdrawal - Bank Account,Completed,USD,"-1,116.35",0.00,"-1,116.35",,,4DE56789FG012345H,,,0.00
EOF2
cat > bank_pp.csv <<'EOF2'
date,amount,currency,bank_reference,payer,payer_account,description
2026-03-05,"1,116.35",USD,FT0305010,PAYPAL,,PAYPAL TRANSFER
EOF2
otc --ledger empty.db init; expect_rc 0
otc --ledger empty.db reconcile bank bank_pp.csv paypal.csv --detail pp.csv
expect_rc 0
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
fee,gateway=paypal|payout=4DE56789FG012345H,33.65,,33.65,USD,"post 33.65 USD of paypal fees for payout 4DE56789FG012345H dated 2026-03-04 (debit processing fees, credit the gateway clearing account)"
EOF2
diff -u - pp.csv <<'EOF2' || fail "PayPal payout detail differs"
gateway,payout_id,date,currency,charges,refunds,fees,disputes,adjustments,net,payout,difference,match,deposit_date,deposit,invoices
paypal,4DE56789FG012345H,2026-03-04,USD,1200.00,50.00,33.65,0.00,0.00,1116.35,1116.35,0.00,amount_date,2026-03-05,bank_pp.csv:2,INV-3001
EOF2
expect_stderr_has "paypal.csv: paypal export, 3 rows, 1 non-posting rows skipped"
