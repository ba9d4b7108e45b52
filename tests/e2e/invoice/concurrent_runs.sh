# Two invoice runs started at the same moment: one bills, the other waits for it and then finds
# nothing to bill. No charge is billed twice and the numbers stay gapless.
python3 - <<'PY'
with open("contracts.csv", "w") as f:
    f.write("contract_id,customer,product,start_date,frequency,price_model,unit_price,quantity,currency\n")
    for i in range(3000):
        f.write(f"K-{i:05d},C{i % 700:04d},SEATS,2026-0{1 + i % 3}-01,monthly,per_seat,{10 + i % 40}.00,{1 + i % 9},USD\n")
PY
otc init; expect_rc 0
otc import contracts contracts.csv; expect_rc 0
"$OTC_BIN" invoice run --through 2026-03-31 >o1.csv 2>e1.txt & p1=$!
"$OTC_BIN" invoice run --through 2026-03-31 >o2.csv 2>e2.txt & p2=$!
wait $p1 || { cat e1.txt; fail "first run failed"; }
wait $p2 || { cat e2.txt; fail "second run failed"; }
grep -q "nothing to bill through 2026-03-31" e1.txt e2.txt || { cat e1.txt e2.txt; fail "neither run found nothing to bill"; }
grep -q "billed 2100 invoices (INV-000001 to INV-002100, 6000 lines)" e1.txt e2.txt || { cat e1.txt e2.txt; fail "wrong run"; }
q() { sqlite3 "$OTC_LEDGER" "$1"; }
[ "$(q 'select count(*) from invoices')" = 2100 ] || fail "invoice count"
[ "$(q 'select count(*) from invoice_lines')" = 6000 ] || fail "line count"
[ "$(q 'select count(*) from (select 1 from billed_charges group by line_ref, charge_date, charge_kind having count(*) > 1) d')" = 0 ] || fail "a charge was billed twice"
[ "$(q "select last_value from number_sequences where prefix='INV-'")" = 2100 ] || fail "numbers are not gapless"
