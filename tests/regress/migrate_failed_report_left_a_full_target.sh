# Bug: `otc migrate` committed the copy and only then wrote its check report; with stdout full or
# an -o target that cannot be written it exited 1 ("nothing changed") while the new ledger stood
# complete on disk. Now the report is written and checked before the copy commits: exit 1 and no
# target ledger.
otc init; expect_rc 0
otc import customers "$SAMPLES/customers.csv"; expect_rc 0
otc import invoices "$SAMPLES/invoices.csv"; expect_rc 0
set +e
"$OTC_BIN" migrate --from "$OTC_LEDGER" --to full.db > /dev/full 2>err.txt
RC=$?
set -e
expect_rc 1
expect_stderr_has "cannot write the report to standard output"
[ ! -e full.db ] || fail "a failed report left the target ledger full.db"
otc migrate --from "$OTC_LEDGER" --to nodir.db -o /nonexistent/dir/checks.csv
expect_rc 1
[ ! -e nodir.db ] || fail "a failed report left the target ledger nodir.db"
otc migrate --from "$OTC_LEDGER" --to good.db -o checks.csv
expect_rc 0
[ -s good.db ] || fail "no target ledger"
grep -q '^rows,invoices,' checks.csv || fail "no row-count check in the report"
