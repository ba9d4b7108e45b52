# `otc log show BATCH`: an invoice run's register and an apply-cash's payments and applications
# printed again from the ledger (the report that an exit 4 or a closed terminal lost).
import_samples
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc invoice run --through 2026-11-30 -o register.csv; expect_rc 0
otc log --command "invoice run"; expect_rc 0
batch=$(tail -1 out.txt | awk -F, '{print $NF}')
[ -n "$batch" ] || fail "no batch for the invoice run"
otc log show "$batch"; expect_rc 0
[ "$(grep -c '^[0-9]*,invoice,' out.txt)" = "$(($(wc -l < register.csv) - 1))" ] || fail "log show lists another number of invoices"
first=$(sed -n 2p register.csv | cut -d, -f1-4)
inv=$(echo "$first" | cut -d, -f1); cust=$(echo "$first" | cut -d, -f2); d=$(echo "$first" | cut -d, -f3); due=$(echo "$first" | cut -d, -f4)
expect_stdout_has "$batch,invoice,$inv,$cust,$d,$due,"
head -1 out.txt > header.txt
expect_stdout_has "batch,record,id,customer_id,date,due_date,invoice_id,payment_id,amount,currency,detail"
otc --as-of 2026-11-03 apply-cash "$SAMPLES/bank/bank_2026-11-03.csv"
otc log --command apply-cash; expect_rc 0
batch=$(tail -1 out.txt | awk -F, '{print $NF}')
otc log show "$batch"; expect_rc 0
expect_stdout_has ",application,"
expect_stdout_has ",payment,"
otc log show 999; expect_rc 1
expect_stderr_has "batch 999 is not in the ledger"
otc log show nine; expect_rc 2
