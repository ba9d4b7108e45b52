# Two apply-cash jobs on the same bank file started at the same moment against one PostgreSQL
# ledger (as from two hosts): one posts the receipts, the other waits for the writer lock and then
# finds them all already posted. Nothing is applied twice: the ledger holds exactly the payments
# and applications one run makes on SQLite, and the same aging.
# backend: postgresql-only — concurrent writers on one server ledger (the SQLite cases: tests/e2e/invoice/concurrent_runs.sh, import/concurrent_imports.sh)
import_samples
cp "$SAMPLES/bank/bank_2026-11-03.csv" bank.csv
# Several receipts files at once make the race wide: three jobs, same file.
"$OTC_BIN" --as-of 2026-11-03 apply-cash bank.csv --tolerance 10.00 >o1.csv 2>e1.txt & p1=$!
"$OTC_BIN" --as-of 2026-11-03 apply-cash bank.csv --tolerance 10.00 >o2.csv 2>e2.txt & p2=$!
"$OTC_BIN" --as-of 2026-11-03 apply-cash bank.csv --tolerance 10.00 >o3.csv 2>e3.txt & p3=$!
r1=0; r2=0; r3=0
wait $p1 || r1=$?; wait $p2 || r2=$?; wait $p3 || r3=$?
for r in $r1 $r2 $r3; do [ "$r" = 0 ] || [ "$r" = 3 ] || { cat e1.txt e2.txt e3.txt; fail "an apply-cash failed (exit $r)"; }; done
[ "$(grep -l "7 new receipts, 5 applied" e1.txt e2.txt e3.txt | wc -l)" = 1 ] || { cat e1.txt e2.txt e3.txt; fail "not exactly one run posted the receipts"; }
[ "$(grep -l "0 new receipts" e1.txt e2.txt e3.txt | wc -l)" = 2 ] || { cat e1.txt e2.txt e3.txt; fail "a second run posted receipts"; }
# The same on SQLite, one run: the reference counts.
R=$WORK/ref.db
"$OTC_BIN" --ledger "$R" init 2>/dev/null
for k in customers invoices payments; do "$OTC_BIN" --ledger "$R" import $k "$SAMPLES/$k.csv" 2>/dev/null; done
"$OTC_BIN" --ledger "$R" --as-of 2026-11-03 apply-cash bank.csv --tolerance 10.00 >/dev/null 2>&1 || true
for t in payments applications adjustments; do
  want=$(command sqlite3 "$R" "select count(*) from $t")
  [ "$(sqlite3 "$OTC_LEDGER" "select count(*) from $t")" = "$want" ] || fail "$t: $(sqlite3 "$OTC_LEDGER" "select count(*) from $t") rows, one run makes $want"
done
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from (select payment_id, invoice_id from applications group by 1, 2 having count(*) > 1) d')" = 0 ] \
  || fail "a payment was applied twice to one invoice"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from (select external_id from payments group by 1 having count(*) > 1) d')" = 0 ] \
  || fail "a receipt was posted twice"
otc aging --as-of 2026-11-03 --totals; expect_rc 0; cp out.txt pg_aging.csv
otc --ledger "$R" aging --as-of 2026-11-03 --totals; expect_rc 0
diff -u out.txt pg_aging.csv || fail "aging differs from one run on SQLite"
