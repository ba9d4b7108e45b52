# Bug: commands that print their result after their write commits (dispute open, credit set) exited
# 1 — "nothing was changed" — when stdout was full, although the dispute and the limit were
# recorded. A report that fails after this process committed a write is exit 4 ("the ledger
# changed"); a write that fails before its commit (dunning) stays exit 1 with nothing recorded.
F=$FIXTURES/collections
otc init; expect_rc 0
otc import customers "$F/customers.csv"; expect_rc 0
otc import invoices "$F/invoices.csv"; expect_rc 0
full() { set +e; "$OTC_BIN" "$@" > /dev/full 2>err.txt; RC=$?; set -e; }
full --as-of 2026-11-01 dispute open INV-D1 --reason pricing --owner dana
expect_rc 4
expect_stderr_has "the ledger changed, but the report could not be written"
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from disputes')" = 1 ] || fail "the dispute was not recorded"
full --as-of 2026-11-30 credit set A1 --limit 1000 --currency USD
expect_rc 4
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from credit_limits')" = 1 ] || fail "the limit was not recorded"
mkdir mail
full --as-of 2026-11-30 collect dunning --out mail
expect_rc 1
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from dunning_notices')" = 0 ] || fail "dunning recorded notices behind an exit 1"
