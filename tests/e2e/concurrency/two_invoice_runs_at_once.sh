# Two invoice runs started at the same moment against one PostgreSQL ledger (as from two hosts):
# one bills, the other waits for the writer lock and finds nothing to bill. No charge is billed
# twice, the numbers are gapless, and the register equals one run's on SQLite.
# backend: postgresql-only — concurrent writers on one server ledger (the SQLite case: tests/e2e/invoice/concurrent_runs.sh)
import_samples
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
otc import usage "$SAMPLES/usage.csv"; expect_rc 0
"$OTC_BIN" invoice run --through 2026-11-03 >o1.csv 2>e1.txt & p1=$!
"$OTC_BIN" invoice run --through 2026-11-03 >o2.csv 2>e2.txt & p2=$!
wait $p1 || { cat e1.txt; fail "first run failed"; }
wait $p2 || { cat e2.txt; fail "second run failed"; }
[ "$(grep -l "nothing to bill through 2026-11-03" e1.txt e2.txt | wc -l)" = 1 ] || { cat e1.txt e2.txt; fail "not exactly one run found nothing to bill"; }
[ "$(grep -l "billed [0-9]* invoices" e1.txt e2.txt | wc -l)" = 1 ] || { cat e1.txt e2.txt; fail "not exactly one run billed"; }
if grep -q "billed" e1.txt; then cp o1.csv register.csv; else cp o2.csv register.csv; fi
# One run on SQLite: the same register, byte for byte.
R=$WORK/ref.db
"$OTC_BIN" --ledger "$R" init 2>/dev/null
for k in customers invoices payments contracts usage; do "$OTC_BIN" --ledger "$R" import $k "$SAMPLES/$k.csv" 2>/dev/null; done
"$OTC_BIN" --ledger "$R" invoice run --through 2026-11-03 >ref_register.csv 2>/dev/null
diff -u ref_register.csv register.csv || fail "the register differs from one run on SQLite"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from (select 1 from billed_charges group by line_ref, charge_date, charge_kind having count(*) > 1) d')" = 0 ] \
  || fail "a charge was billed twice"
for t in invoices invoice_lines billed_charges; do
  [ "$(sqlite3 "$OTC_LEDGER" "select count(*) from $t")" = "$(command sqlite3 "$R" "select count(*) from $t")" ] || fail "$t count differs from one run"
done
[ "$(sqlite3 "$OTC_LEDGER" "select last_value from number_sequences where prefix='INV-'")" = \
  "$(command sqlite3 "$R" "select last_value from number_sequences where prefix='INV-'")" ] || fail "numbers are not gapless"
