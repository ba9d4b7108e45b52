# Corrections: void only while nothing is applied (its charges become unbilled and the next run bills
# them again); a credit memo linked to the invoice and applied to its open balance (whole, an amount, one
# line); credit-and-rebill in one step after the contract is corrected. Nothing is edited in place,
# everything is in the audit log.
cat > contracts.csv <<'CSV'
contract_id,line_id,customer,product,start_date,frequency,price_model,unit_price,quantity,currency,tax_rate,net_days
K-1,1,C1,PLATFORM,2026-01-01,monthly,flat,100.00,,USD,10,30
K-1,2,C1,SEATS,2026-01-01,monthly,per_seat,20.00,5,USD,10,30
CSV
printf 'payment_id,customer_id,payment_date,amount,currency,invoice_id\nP1,C1,2026-01-20,220.00,USD,INV-000001\n' > payments.csv
otc init; expect_rc 0
otc import contracts contracts.csv; expect_rc 0
otc invoice run --through 2026-03-01
expect_rc 0
expect_stdout <<'OUT'
invoice_number,customer_id,invoice_date,due_date,currency,subtotal,discount,tax,total,lines
INV-000001,C1,2026-01-01,2026-01-31,USD,200.00,0.00,20.00,220.00,2
INV-000002,C1,2026-02-01,2026-03-03,USD,200.00,0.00,20.00,220.00,2
INV-000003,C1,2026-03-01,2026-03-31,USD,200.00,0.00,20.00,220.00,2
OUT
otc import payments payments.csv; expect_rc 0

# Void: refused once cash is applied; refused before the invoice's date; then done.
before=$(ledger_state)
otc invoice void INV-000001 --reason "duplicate" --date 2026-02-01
expect_rc 1
expect_stderr <<'ERR'
otc: error: void INV-000001: it has applications (payments 220.00, credits 0.00, adjustments 0.00 USD); void only while nothing is applied
  hint: issue a credit memo instead: otc invoice credit ID --reason ...
ERR
otc invoice void INV-000002 --reason "wrong" --date 2026-01-31
expect_rc 2
expect_stderr_has "the date 2026-01-31 is before invoice INV-000002's date 2026-02-01"
otc invoice void INV-NOPE --reason "x" --date 2026-02-01
expect_rc 1
expect_stderr_has "invoice 'INV-NOPE' is not in the ledger"
[ "$before" = "$(ledger_state)" ] || fail "a refused correction changed the ledger"
otc invoice void INV-000002 --reason "billed before the customer signed" --date 2026-02-05
expect_rc 0
expect_stdout <<'OUT'
action,invoice_number,document,date,amount,currency,invoice_open
void,INV-000002,,2026-02-05,220.00,USD,0.00
OUT
expect_stderr_has "voided INV-000002; its charges are unbilled again"
otc invoice void INV-000002 --reason "again" --date 2026-02-05
expect_rc 1
expect_stderr_has "invoice INV-000002 is void"
otc unbilled --as-of 2026-03-01 --billable
expect_rc 0
expect_stdout <<'OUT'
as_of,customer_id,contract_id,line_id,product,kind,charge_date,period_start,period_end,billable,since,age_days,currency,amount,tax
2026-03-01,C1,K-1,1,PLATFORM,recurring,2026-02-01,2026-02-01,2026-02-28,yes,2026-02-01,28,USD,100.00,10.00
2026-03-01,C1,K-1,2,SEATS,recurring,2026-02-01,2026-02-01,2026-02-28,yes,2026-02-01,28,USD,100.00,10.00
OUT
otc invoice run --through 2026-03-01
expect_rc 0
expect_stdout_has "INV-000004,C1,2026-02-01,2026-03-03,USD,200.00,0.00,20.00,220.00,2"

# Credit memos: one line, an amount, never more than what is open, never a line twice.
otc invoice credit INV-000003 --line 2 --reason "seats not provisioned" --date 2026-03-05
expect_rc 0
expect_stdout <<'OUT'
action,invoice_number,document,date,amount,currency,invoice_open
credit,INV-000003,CM-000001,2026-03-05,110.00,USD,110.00
OUT
otc invoice credit INV-000003 --line 2 --reason "again" --date 2026-03-05
expect_rc 1
expect_stderr_has "line 2 of INV-000003 was already credited"
otc invoice credit INV-000003 --amount 200.00 --reason "too much" --date 2026-03-05
expect_rc 1
expect_stderr_has "a credit of 200.00 exceeds invoice INV-000003's open balance 110.00 USD"
otc invoice credit INV-000003 --amount 10.00 --reason "goodwill" --date 2026-03-06
expect_rc 0
expect_stdout_has "credit,INV-000003,CM-000002,2026-03-06,10.00,USD,100.00"
otc invoice rebill INV-000003 --reason "x" --date 2026-03-06
expect_rc 1
expect_stderr_has "rebill INV-000003: it has applications (payments 0.00, credits 120.00, adjustments 0.00 USD)"

# Credit-and-rebill: the platform price was 120.00 from February; correct the contract, then rebill.
printf 'contract_id,line_id,effective_date,unit_price\nK-1,1,2026-02-01,120.00\n' > fix.csv
otc import contracts fix.csv; expect_rc 0
otc invoice run --through 2026-03-01
expect_rc 0
expect_stderr_has "nothing to bill"
otc invoice rebill INV-000004 --reason "platform price is 120.00 from February" --date 2026-03-10
expect_rc 0
expect_stdout <<'OUT'
action,invoice_number,document,date,amount,currency,invoice_open
credit,INV-000004,CM-000003,2026-03-10,220.00,USD,0.00
rebill,INV-000004,INV-000005,2026-02-01,242.00,USD,242.00
OUT
expect_stderr_has "credited INV-000004 in full (CM-000003) and rebilled it as INV-000005 (242.00)"
otc invoice run --through 2026-03-01 --lines
expect_rc 0
expect_stderr_has "nothing to bill"

# The ledger: balances kept current, memos linked to their invoice, nothing edited in place.
otc aging --as-of 2026-03-10 --by invoice
expect_rc 0
expect_stdout <<'OUT'
as_of,customer_id,customer_name,invoice_id,invoice_date,due_date,days_past_due,currency,current,1-30,31-60,61-90,91-120,121+,open_total,unapplied_credit
2026-03-10,C1,,INV-000005,2026-02-01,2026-03-03,7,USD,0.00,242.00,0.00,0.00,0.00,0.00,242.00,
2026-03-10,C1,,INV-000003,2026-03-01,2026-03-31,-21,USD,100.00,0.00,0.00,0.00,0.00,0.00,100.00,
OUT
otc aging --as-of 2026-03-04 --by invoice
expect_rc 0
expect_stdout_has "2026-03-04,C1,,INV-000003,2026-03-01,2026-03-31,-27,USD,220.00,0.00,0.00,0.00,0.00,0.00,220.00,"
sqlite3 -csv "$OTC_LEDGER" "select m.external_id, i.external_id, m.memo_date, m.amount_minor, m.open_minor, a.amount_minor, a.applied_on from credit_memos m join invoices i on i.id=m.invoice_id join applications a on a.credit_memo_id=m.id order by m.id" >memos.csv
diff -u - memos.csv <<'OUT' || fail "credit memos differ"
CM-000001,INV-000003,2026-03-05,11000,0,11000,2026-03-05
CM-000002,INV-000003,2026-03-06,1000,0,1000,2026-03-06
CM-000003,INV-000004,2026-03-10,22000,0,22000,2026-03-10
OUT
sqlite3 -csv "$OTC_LEDGER" "select external_id, status, total_minor, open_minor, last_activity from invoices order by id" >invoices.csv
diff -u - invoices.csv <<'OUT' || fail "invoices differ"
INV-000001,open,22000,0,2026-01-20
INV-000002,void,22000,0,2026-02-05
INV-000003,open,22000,10000,2026-03-06
INV-000004,open,22000,0,2026-03-10
INV-000005,open,24200,24200,2026-02-01
OUT
otc log --command "otc invoice"
expect_rc 0
cut -d, -f4- out.txt | cut -d, -f1-3 >actions.csv
diff -u - actions.csv <<'OUT' || fail "audit actions differ"
action,entity,entity_id
invoice_run,invoices,INV-000001..INV-000003
void,invoices,INV-000002
invoice_run,invoices,INV-000004..INV-000004
credit,invoices,INV-000003
credit,invoices,INV-000003
rebill,invoices,INV-000004
OUT
expect_stdout_has "credit memo CM-000001 of 110.00 USD (line 2) applied on 2026-03-05; reason: seats not provisioned"
# Without --amount or --line a credit memo takes the whole open balance.
otc invoice credit INV-000005 --reason "customer goodwill" --date 2026-03-11
expect_rc 0
expect_stdout <<'OUT'
action,invoice_number,document,date,amount,currency,invoice_open
credit,INV-000005,CM-000004,2026-03-11,242.00,USD,0.00
OUT
otc invoice credit INV-000005 --reason "again" --date 2026-03-11
expect_rc 1
expect_stderr_has "invoice INV-000005 has no open balance to credit"
