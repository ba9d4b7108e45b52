# apply-cash on the sample company's bank file: each pass, a short-pay within tolerance, the
# unapplied queue with exit 3, idempotent re-run, manual apply, unapply and reversal.
import_samples
cp "$SAMPLES/bank/bank_2026-11-03.csv" bank.csv
otc --as-of 2026-11-03 apply-cash bank.csv --tolerance 10.00
expect_rc 3
expect_stdout <<'EOF2'
application_id,payment_id,date,payer,bank_reference,customer_id,invoice_id,amount,currency,rule,confidence,deduction,deduction_reason,note
285,BNK-20261102-5A226C6EF46E,2026-11-02,BLUE HERON LOGISTICS,FT2611020001,C1002,INV-10258,15482.58,USD,reference,98,,,
286,BNK-20261102-630AA01C3F18,2026-11-02,Cedar and Pine Dental,FT2611020002,C1003,INV-10270,950.52,USD,reference,97,,,
287,BNK-20261103-02953B061170,2026-11-03,EVERGREEN CU,FT2611030003,C1005,INV-10278,2352.76,USD,reference-list,97,,,
288,BNK-20261103-02953B061170,2026-11-03,EVERGREEN CU,FT2611030003,C1005,INV-10287,23885.76,USD,reference-list,97,,,
289,BNK-20261103-E04296577697,2026-11-03,GRANITE PEAK ENGINEERING LLC,FT2611030004,C1007,INV-10260,3125.00,USD,customer-amount,90,,,
290,BNK-20261103-DC31EB82B031,2026-11-03,HARBOR POINT MARINE,FT2611030005,C1008,INV-10288,2690.00,USD,reference,92,8.54,SHORT-PAY,
,BNK-20261103-8994975F1123,2026-11-03,Unknown Trading GmbH,FT2611030006,C1019,,777.00,USD,unapplied,,,,payer identified but no open invoice fits the amount
,BNK-20261103-3F197ACEAD98,2026-11-03,J SMITH,FT2611030008,,,410.00,USD,unapplied,,,,references match no open invoice and payer not identified
EOF2
expect_stderr_has "7 new receipts, 5 applied, 2 unapplied, 0 already posted, 1 debits not matched, 0 returns"
# The short-paid invoice is closed by cash + deduction; the others are paid.
otc aging --as-of 2026-11-03 --by invoice
for inv in INV-10258 INV-10270 INV-10278 INV-10287 INV-10260 INV-10288; do
  grep -q ",$inv," out.txt && fail "$inv still open"
done
# The same file again applies nothing new, and still exits 3: its cash waits for a person.
before=$(ledger_state)
otc --as-of 2026-11-03 apply-cash bank.csv --tolerance 10.00
expect_rc 3
expect_stderr_has "0 new receipts, 0 applied, 0 unapplied, 7 already posted"
expect_stderr_has "2 receipt(s) posted by an earlier run are still unapplied (1187.00 USD): see \`otc cash unapplied\`"
[ "$before" = "$(ledger_state)" ] || fail "second apply-cash changed the ledger"
# The unapplied queue, with age.
otc cash unapplied --as-of 2026-11-10
expect_stdout_has "BNK-20261103-3F197ACEAD98,2026-11-03,7,,,J SMITH,USD,410.00,410.00,FT2611030008"
expect_stdout_has "BNK-20261103-8994975F1123,2026-11-03,7,C1019,Nordlicht Software GmbH,Unknown Trading GmbH,USD,777.00,777.00"
# Manual application of the unidentified 410.00 to a Juniper invoice, then its unapply.
otc --as-of 2026-11-10 cash apply BNK-20261103-3F197ACEAD98 INV-10228 --reason "phoned customer"
expect_rc 0
otc aging --as-of 2026-11-10 --by invoice
expect_stdout_has "C1010,Juniper Health Systems,INV-10228,2026-07-31,2026-09-29,42,USD,0.00,0.00,3495.25,0.00,0.00,0.00,3495.25,"
otc --as-of 2026-11-11 cash unapply 291 --reason "wrong customer after all"
expect_rc 0
otc aging --as-of 2026-11-11 --by invoice
expect_stdout_has "INV-10228,2026-07-31,2026-09-29,43,USD,0.00,0.00,3905.25,0.00,0.00,0.00,3905.25,"
# History is intact: on 2026-11-10 the application still counts.
otc aging --as-of 2026-11-10 --by invoice
expect_stdout_has "INV-10228,2026-07-31,2026-09-29,42,USD,0.00,0.00,3495.25,0.00,0.00,0.00,3495.25,"
otc cash unapply 291 --reason again
expect_rc 1
expect_stderr_has "application 291 was already reversed"
# A returned payment (NSF) reopens its invoice.
otc cash reverse BNK-20261102-5A226C6EF46E --reason NSF --date 2026-11-06
expect_rc 0
otc aging --as-of 2026-11-06 --by invoice
expect_stdout_has ",INV-10258,"
otc aging --as-of 2026-11-05 --by invoice
grep -q ",INV-10258," out.txt && fail "reversal leaked into an earlier date"
otc log --command cash
expect_stdout_has "reverse,payments,BNK-20261102-5A226C6EF46E,\"reversed (NSF), 1 invoice application(s) reopened\""
