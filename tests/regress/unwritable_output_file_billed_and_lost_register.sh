# Bug (issue 15 #1): `invoice run -o FILE` whose FILE cannot be written exited 1 AFTER the run
# committed (invoices billed, the register lost, a re-run said "nothing to bill") and left a 0-byte
# FILE.otc-tmp. Now the register is written and checked before the commit: exit 1, nothing billed,
# no temporary file. Same for apply-cash and close.
otc init; expect_rc 0
otc import contracts "$SAMPLES/contracts.csv"; expect_rc 0
before=$(ledger_state)

# A directory that does not exist, a directory as the target.
otc invoice run --through 2026-11-30 -o missing/register.csv; expect_rc 1
expect_stderr_has "missing/register.csv: cannot write output file"
mkdir outdir
otc invoice run --through 2026-11-30 -o outdir; expect_rc 1
expect_stderr_has "outdir: cannot write output file: it is a directory"
[ "$before" = "$(ledger_state)" ] || fail "a failed invoice run changed the ledger"

# An immutable target (as root, permissions do not stop us; chattr +i does).
if touch reg.csv && chattr +i reg.csv 2>/dev/null; then
  otc invoice run --through 2026-11-30 -o reg.csv; expect_rc 1
  chattr -i reg.csv
  expect_stderr_has "reg.csv: cannot write output file"
  [ "$before" = "$(ledger_state)" ] || fail "invoice run into an immutable file changed the ledger"
  [ ! -e reg.csv.otc-tmp ] || fail "a temporary file was left behind"
fi

# A full disk (a 64 KiB tmpfs, when this user may mount one): the register does not fit.
mkdir small
if mount -t tmpfs -o size=64k tmpfs small 2>/dev/null; then
  cat /dev/zero > small/filler 2>/dev/null || true  # fill it up
  otc invoice run --through 2026-11-30 -o small/register.csv; RC1=$RC
  ls small > small_ls.txt
  umount small
  RC=$RC1; expect_rc 1
  expect_stderr_has "small/register.csv: cannot write output file"
  [ "$before" = "$(ledger_state)" ] || fail "invoice run onto a full disk changed the ledger"
  grep -q otc-tmp small_ls.txt && fail "a temporary file was left on the full disk"
fi

# Then a writable target: everything is billed once, and the register is complete.
otc invoice run --through 2026-11-30 -o register.csv; expect_rc 0
[ "$(sqlite3 "$OTC_LEDGER" 'select count(*) from invoices')" = "$(($(wc -l < register.csv) - 1))" ] || fail "register and ledger disagree"
