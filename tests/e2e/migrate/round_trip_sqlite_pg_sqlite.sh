# otc migrate both ways: the sample company after the demo's steps (imports, an invoice run, an
# apply-cash, dunning, a close), copied SQLite -> PostgreSQL -> SQLite. Each copy reports every
# check the same; aging, the roll-forward, the audit log and history read byte-equal from all
# three ledgers, and the copy back holds the same rows as the original. Needs PostgreSQL
# (OTC_TEST_PG_URI); runs the same in both test modes (its ledgers are named explicitly).
need_pg
L=$WORK/orig.db
o() { otc --ledger "$L" "$@"; }
o init --seller-file "$SAMPLES/seller.toml"; expect_rc 0
for kind in customers invoices payments contracts usage; do o import $kind "$SAMPLES/$kind.csv"; expect_rc 0; done
o invoice run --through 2026-11-03; expect_rc 0
o --as-of 2026-11-03 apply-cash "$SAMPLES/bank/bank_2026-11-03.csv" --tolerance 10.00
[ "$RC" = 0 ] || [ "$RC" = 3 ] || { cat err.txt; fail "apply-cash exit $RC"; }
mkdir dunning; o --as-of 2026-11-03 collect dunning --out dunning; expect_rc 0
mkdir close; o close --period 2026-10 --out-dir close; expect_rc 0

SCHEMA=$(pg_new_schema)
otc migrate --from "$L" --to "$OTC_TEST_PG_URI" --to-schema "$SCHEMA"
expect_rc 0
expect_stderr_has "agree as of 2026-11-"
grep -q ',NO$' out.txt && { cat out.txt; fail "a check differs"; }
grep -q '^rows,audit_log,' out.txt || { cat out.txt; fail "no audit_log count"; }
cp out.txt to_pg.csv

otc migrate --from "$OTC_TEST_PG_URI" --from-schema "$SCHEMA" --to "$WORK/back.db"
expect_rc 0
grep -q ',NO$' out.txt && { cat out.txt; fail "a check differs on the way back"; }
# The two reports compare the same figures: equal apart from nothing.
diff -u to_pg.csv out.txt || fail "the checks differ between the two directions"

report() {  # report LEDGER [SCHEMA]: the views that must be byte-equal
  local l=$1 s=${2:-}
  local -a sch=()
  [ -n "$s" ] && sch=(--pg-schema "$s")
  {
    "$OTC_BIN" --ledger "$l" "${sch[@]}" aging --as-of 2026-11-03 --totals
    "$OTC_BIN" --ledger "$l" "${sch[@]}" aging --as-of 2026-10-31 --by invoice
    "$OTC_BIN" --ledger "$l" "${sch[@]}" log
    "$OTC_BIN" --ledger "$l" "${sch[@]}" cash unapplied --as-of 2026-11-03
    "$OTC_BIN" --ledger "$l" "${sch[@]}" dso --as-of 2026-11-03
  } 2>&1
}
report "$L" >orig.txt
report "$OTC_TEST_PG_URI" "$SCHEMA" >pg.txt
report "$WORK/back.db" >back.txt
[ "$(grep -c . orig.txt)" -gt 20 ] || { cat orig.txt; fail "the reports are too short"; }
diff -u orig.txt pg.txt || fail "the PostgreSQL copy reads differently"
diff -u orig.txt back.txt || fail "the copy back reads differently"
# The copy back holds the very rows of the original (ids included).
for t in $(command sqlite3 "$L" "select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name"); do
  [ "$(command sqlite3 "$L" "select * from \"$t\" order by 1")" = "$(command sqlite3 back.db "select * from \"$t\" order by 1")" ] \
    || fail "table $t differs after the round trip"
done
# New ids continue after the copied ones on PostgreSQL (identity sequences reset).
printf 'customer_id,name,currency\nZ-NEW-1,Brand new customer,USD\n' > new.csv
otc --ledger "$OTC_TEST_PG_URI" --pg-schema "$SCHEMA" import customers new.csv
expect_rc 0
[ "$(pg_sql "select count(*) from customers where external_id = 'Z-NEW-1' and id > (select max(id) from customers where external_id <> 'Z-NEW-1')" "$SCHEMA")" = 1 ] \
  || fail "a new customer id did not continue after the copied ones"
