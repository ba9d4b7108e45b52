# A role with only SELECT on the ledger's schema (a BI tool, an analyst's laptop; the grants of
# docs/postgresql.md) runs reports and gets the same bytes as the owner; a write fails with a
# clear error and changes nothing. A reader's open snapshot never blocks a writer.
# backend: postgresql-only — PostgreSQL roles and privileges
import_samples
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
READER=$(pg_reader_uri "$OTC_PG_SCHEMA")
for report in "aging --as-of 2026-11-03 --totals" "aging --as-of 2026-10-31 --by invoice" "dso --as-of 2026-11-03" "log" \
              "unbilled --as-of 2026-11-03" "kpi --as-of 2026-11-03 --months 3"; do
  otc $report; expect_rc 0; cp out.txt owner.txt
  otc --ledger "$READER" $report
  expect_rc 0
  diff -u owner.txt out.txt || fail "$report: the SELECT-only role reads differently"
done
before=$(ledger_state)
printf 'customer_id,name,currency\nC-NEW,New customer,USD\n' > new.csv
otc --ledger "$READER" import customers new.csv
expect_rc 1
grep -qi "permission denied\|read-only\|privilege" err.txt || { cat err.txt; fail "the refused write does not say why"; }
[ "$before" = "$(ledger_state)" ] || fail "the refused write changed the ledger"

# A reader holding a snapshot open (REPEATABLE READ, as otc's reports) does not hold up a writer.
psql -X -q "$READER" >reader.txt 2>&1 <<SQL &
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT count(*) FROM "$OTC_PG_SCHEMA".invoices;
SELECT pg_sleep(5);
COMMIT;
SQL
reader=$!
sleep 1
start=$(date +%s)
otc --as-of 2026-11-03 apply-cash "$SAMPLES/bank/bank_2026-11-03.csv" --tolerance 10.00
[ "$RC" = 0 ] || [ "$RC" = 3 ] || { cat err.txt; fail "the writer failed beside an open reader"; }
took=$(( $(date +%s) - start ))
kill -0 $reader 2>/dev/null || fail "the reader ended before the writer: the test proves nothing"
[ "$took" -lt 4 ] || fail "the writer waited ${took}s for a reader"
wait $reader || { cat reader.txt; fail "the reader failed"; }
