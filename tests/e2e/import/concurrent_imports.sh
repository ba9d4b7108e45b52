# Two imports started at the same moment both finish (one waits for the other); nothing is lost.
python3 - <<'PY'
import random
random.seed(7)
for part in (1, 2):
    with open(f"inv{part}.csv", "w") as f:
        f.write("invoice_id,customer_id,invoice_date,due_date,amount,currency\n")
        for i in range(20000):
            f.write(f"P{part}-{i},C{i % 50},2026-09-{1 + i % 28:02d},2026-10-{1 + i % 28:02d},{random.randint(1, 99999) / 100:.2f},USD\n")
PY
otc init; expect_rc 0
"$OTC_BIN" import invoices inv1.csv 2>e1.txt & p1=$!
"$OTC_BIN" import invoices inv2.csv 2>e2.txt & p2=$!
wait $p1 || { cat e1.txt; fail "first import failed"; }
wait $p2 || { cat e2.txt; fail "second import failed"; }
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices')" = 40000 ] || fail "invoices lost"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from import_batches')" = 2 ] || fail "batches lost"
want=$(python3 -c "
import csv
from decimal import Decimal
t = sum(Decimal(r['amount']) for p in (1, 2) for r in csv.DictReader(open(f'inv{p}.csv')))
print(f'{t:.2f}')")
otc aging --as-of 2026-12-31 --totals
[ "$(tail -1 out.txt | cut -d, -f11)" = "$want" ] || fail "total $(tail -1 out.txt | cut -d, -f11) != $want"
# The same file twice at once: one imports, the other finds it already imported.
cp inv1.csv again.csv; echo "P3-0,C1,2026-09-01,2026-10-01,1.00,USD" >> again.csv
"$OTC_BIN" import invoices again.csv 2>e1.txt & p1=$!
"$OTC_BIN" import invoices again.csv 2>e2.txt & p2=$!
wait $p1 && wait $p2 || fail "same-file imports failed"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices')" = 40001 ] || fail "wrong count after same-file race"
grep -q "already imported" e1.txt e2.txt || fail "second run did not say so"
