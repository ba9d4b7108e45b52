# reconcile bank: one planted break of every bank and payout type, and nothing else. The data
# also holds what must NOT be reported: a receipt matched by reference, one matched by amount and
# date a day apart, a gateway charge posted as a receipt (explained by the export), a payout that
# ties to its deposit, and rows outside --from/--to.
otc init; expect_rc 0
cat > invoices.csv <<'EOF2'
invoice_id,customer_id,invoice_date,due_date,amount,currency
INV-1,C1,2026-02-01,2026-03-03,5000.00,USD
INV-2,C2,2026-02-01,2026-03-03,750.00,USD
INV-3,C3,2026-02-01,2026-03-03,410.00,USD
INV-4,C4,2026-02-01,2026-03-03,1200.00,USD
INV-5,C5,2026-02-01,2026-03-03,1000.00,USD
EOF2
# PAY-3 never reached the bank; PAY-4's bank credit is short; PAY-5 is the Stripe charge ch_1.
cat > payments.csv <<'EOF2'
payment_id,customer_id,payment_date,amount,currency,invoice_id,reference
PAY-1,C1,2026-03-05,5000.00,USD,INV-1,FT0305001
PAY-2,C2,2026-03-06,750.00,USD,INV-2,
PAY-3,C3,2026-03-08,410.00,USD,INV-3,
PAY-4,C4,2026-03-11,1200.00,USD,INV-4,FT0311006
PAY-5,C5,2026-03-02,1000.00,USD,INV-5,ch_1
PAY-6,C1,2026-02-20,99.00,USD,,
EOF2
otc import invoices invoices.csv; expect_rc 0
otc import payments payments.csv; expect_rc 0
cat > bank.csv <<'EOF2'
date,amount,currency,bank_reference,payer,payer_account,description
2026-02-27,123.00,USD,FT0227000,OLD DEPOSIT,,before the range
2026-03-05,"5,000.00",USD,FT0305001,ACME CORP,,INV-1
2026-03-06,870.70,USD,FT0306002,STRIPE,,STRIPE TRANSFER
2026-03-07,750.00,USD,FT0307003,BETA INC,,PAYMENT
2026-03-10,320.00,USD,FT0310005,GAMMA LLC,,ORDER 77
2026-03-11,"1,020.00",USD,FT0311006,DELTA CO,,INV-4
2026-03-12,99.00,USD,FT0312007,STRIPE,,STRIPE TRANSFER
2026-03-13,500.00,USD,FT0313008,STRIPE,,STRIPE TRANSFER
2026-03-13,-25.00,USD,FT0313009,BANK,,MONTHLY FEE
EOF2
cat > stripe.csv <<'EOF2'
id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,Transfer,Transfer Date (UTC),invoice_id (metadata)
txn_1,charge,ch_1,1000.00,29.30,970.70,usd,2026-03-02 10:00,2026-03-04 00:00,Invoice INV-5,po_A,2026-03-06 00:00,INV-5
txn_2,refund,re_1,-100.00,0.00,-100.00,usd,2026-03-03 09:00,2026-03-03 09:00,REFUND FOR CHARGE,po_A,2026-03-06 00:00,
txn_3,payout,po_A,-870.70,0.00,-870.70,usd,2026-03-04 05:00,2026-03-06 00:00,STRIPE PAYOUT,po_A,2026-03-06 00:00,
txn_4,charge,ch_2,300.00,9.00,291.00,usd,2026-03-05 10:00,2026-03-07 00:00,Invoice INV-9,po_C,2026-03-09 00:00,INV-9
txn_5,payout,po_C,-291.00,0.00,-291.00,usd,2026-03-07 05:00,2026-03-09 00:00,STRIPE PAYOUT,po_C,2026-03-09 00:00,
txn_6,charge,ch_3,480.00,0.00,480.00,usd,2026-03-10 10:00,2026-03-11 00:00,Invoice INV-8,po_D,2026-03-13 00:00,INV-8
txn_7,payout,po_D,-500.00,0.00,-500.00,usd,2026-03-11 05:00,2026-03-13 00:00,STRIPE PAYOUT,po_D,2026-03-13 00:00,
EOF2
otc reconcile bank bank.csv stripe.csv --from 2026-03-01 --to 2026-03-31 --detail payouts.csv
expect_rc 3
expect_stdout <<'EOF2'
type,keys,left,right,difference,currency,suggestion
unmatched_deposit,date=2026-03-10|bank_reference=FT0310005|payer=GAMMA LLC,320.00,,320.00,USD,"no ledger receipt for this deposit within 3 days (remittance: ORDER 77); post the payment, or reconcile it as a gateway payout"
deposit_without_payout,date=2026-03-12|bank_reference=FT0312007|payer=STRIPE,,99.00,-99.00,USD,a gateway deposit with no payout in the gateway export; extend the export's date range or post it as a receipt
fee,gateway=stripe|payout=po_A,29.30,,29.30,USD,"post 29.30 USD of stripe fees for payout po_A dated 2026-03-06 (debit processing fees, credit the gateway clearing account)"
payout_without_deposit,gateway=stripe|payout=po_C,291.00,,291.00,USD,no bank credit of 291.00 USD within 3 days of 2026-03-09; check that the bank file covers that date and that the payout did not fail
fee,gateway=stripe|payout=po_C,9.00,,9.00,USD,"post 9.00 USD of stripe fees for payout po_C dated 2026-03-09 (debit processing fees, credit the gateway clearing account)"
payout_mismatch,gateway=stripe|payout=po_D,480.00,500.00,-20.00,USD,charges 480.00 - refunds 0.00 - fees 0.00 - disputes 0.00 + adjustments 0.00 = 480.00 but the payout is 500.00; the export may miss rows of this payout (check its date range)
unmatched_receipt,payment=PAY-3|date=2026-03-08,,410.00,-410.00,USD,"no bank credit of 410.00 USD within 3 days of 2026-03-08 (customer C3); find the deposit, or reverse the receipt if the money never arrived"
receipt_amount_difference,payment=PAY-4|date=2026-03-11|bank_reference=FT0311006,1020.00,1200.00,-180.00,USD,the bank credited 1020.00 for reference FT0311006 but the receipt says 1200.00; correct the receipt amount (reverse and repost)
EOF2
expect_stderr_has "reconcile bank 2026-03-01..2026-03-31: 7 deposits, 4 ledger receipts in range; 3 matched (2 by reference, 1 by amount and date)"
expect_stderr_has "3 payouts, 1 tie to a deposit, 1 ledger receipt is a charge in the export; 6 breaks (unmatched_deposit 1, unmatched_receipt 1, receipt_amount_difference 1, payout_without_deposit 1, deposit_without_payout 1, payout_mismatch 1)"
# The payout tie-out: po_A ties to the 870.70 deposit by amount and date, po_D by amount (its rows
# do not add up), po_C reached no deposit.
diff -u - payouts.csv <<'EOF2' || fail "payout detail differs"
gateway,payout_id,date,currency,charges,refunds,fees,disputes,adjustments,net,payout,difference,match,deposit_date,deposit,invoices
stripe,po_A,2026-03-06,USD,1000.00,100.00,29.30,0.00,0.00,870.70,870.70,0.00,amount_date,2026-03-06,bank.csv:4,INV-5
stripe,po_C,2026-03-09,USD,300.00,0.00,9.00,0.00,0.00,291.00,291.00,0.00,none,,,INV-9
stripe,po_D,2026-03-13,USD,480.00,0.00,0.00,0.00,0.00,480.00,500.00,-20.00,amount_date,2026-03-13,bank.csv:9,INV-8
EOF2
# Reading changes nothing but the audit trail.
otc log --command "reconcile bank"
expect_stdout_has "reconcile,bank,2026-03-01..2026-03-31"
# Without the gateway export the Stripe deposits are plain unmatched deposits and the charge's
# receipt is unmatched: the export is what explains them.
otc reconcile bank bank.csv --from 2026-03-01 --to 2026-03-31
expect_rc 3
expect_stderr_has "7 breaks (unmatched_deposit 4, unmatched_receipt 2, receipt_amount_difference 1)"
