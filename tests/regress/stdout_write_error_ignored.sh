# Bug (issue 15 #2): write errors on stdout were ignored: `otc aging > /dev/full` exited 0, and
# `otc invoice run > /dev/full` exited 0 with the invoices billed and the register lost. Now a
# report that cannot be written is an error, and for a write command it is found before the commit.
import_samples
"$OTC_BIN" aging --as-of 2026-03-31 > /dev/full 2>err.txt && fail "aging > /dev/full exited 0"
RC=$?; expect_rc 1
expect_stderr_has "cannot write the report to standard output"
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
before=$(ledger_state)
set +e; "$OTC_BIN" invoice run --through 2026-11-30 > /dev/full 2>err.txt; RC=$?; set -e
expect_rc 1
expect_stderr_has "cannot write the report to standard output"
[ "$before" = "$(ledger_state)" ] || fail "invoice run > /dev/full changed the ledger"
# -o /dev/full is the same device, written through.
otc invoice run --through 2026-11-30 -o /dev/full; expect_rc 1
[ "$before" = "$(ledger_state)" ] || fail "invoice run -o /dev/full changed the ledger"
otc invoice run --through 2026-11-30 -o -; expect_rc 0
expect_stdout_has "INV-000001"
